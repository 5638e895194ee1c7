// Schema migrations, the same list for SQLite and PostgreSQL. Only the id column differs by engine;
// everything else uses types both understand (integer, bigint, text).
import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from './db.ts';

type AnyDb = Kysely<unknown>;

function table(db: AnyDb, dialect: Dialect, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('id', dialect === 'sqlite' ? 'integer' : 'serial', (c) =>
      dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    );
}

const tenantRef = (db: AnyDb, dialect: Dialect, name: string) =>
  table(db, dialect, name).addColumn('tenant_id', 'integer', (c) =>
    c.notNull().references('tenants.id').onDelete('cascade'),
  );

export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': {
      async up(db: AnyDb) {
        await table(db, dialect, 'tenants')
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('external_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text')
          .addColumn('time_zone', 'text', (c) => c.notNull())
          .addColumn('alert_hour', 'integer')
          .addColumn('alert_channel', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('tenants_platform_external', ['platform', 'external_id'])
          .execute();

        await tenantRef(db, dialect, 'manager_grants')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('subject_id', 'text', (c) => c.notNull())
          .addColumn('granted_by', 'text', (c) => c.notNull())
          .addColumn('granted_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('manager_grants_subject', ['tenant_id', 'kind', 'subject_id'])
          .execute();

        await tenantRef(db, dialect, 'accounts')
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('marketplace', 'text', (c) => c.notNull())
          .addColumn('legal_name', 'text')
          .addColumn('dba', 'text')
          .addColumn('owner', 'text')
          .addColumn('time_zone', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('removed_at', 'text')
          .execute();
        // A name is unique among a tenant's live accounts; a removed account's name can be reused.
        await db.schema
          .createIndex('accounts_live_name')
          .on('accounts')
          .columns(['tenant_id', 'name'])
          .unique()
          .where(sql.ref('removed_at'), 'is', null)
          .execute();

        await tenantRef(db, dialect, 'sales_revisions')
          .addColumn('account_id', 'integer', (c) =>
            c.notNull().references('accounts.id').onDelete('cascade'),
          )
          .addColumn('month', 'text', (c) => c.notNull())
          .addColumn('amount_minor', 'bigint', (c) => c.notNull())
          .addColumn('currency', 'text', (c) => c.notNull())
          .addColumn('previous_minor', 'bigint')
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('recorded_on', 'text', (c) => c.notNull())
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .addColumn('recorded_by', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('sales_by_account_month')
          .on('sales_revisions')
          .columns(['tenant_id', 'account_id', 'month', 'id'])
          .execute();

        await tenantRef(db, dialect, 'proof_requests')
          .addColumn('account_id', 'integer', (c) =>
            c.notNull().references('accounts.id').onDelete('cascade'),
          )
          .addColumn('requested_on', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('requests_by_account')
          .on('proof_requests')
          .columns(['tenant_id', 'account_id'])
          .execute();

        await tenantRef(db, dialect, 'policies')
          .addColumn('account_id', 'integer', (c) =>
            c.notNull().references('accounts.id').onDelete('cascade'),
          )
          .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('insurer', 'text')
          .addColumn('insurer_rating', 'text')
          .addColumn('policy_number', 'text')
          .addColumn('coverage_form', 'text')
          .addColumn('products_completed_ops', 'integer')
          .addColumn('covers_marketplace', 'integer')
          .addColumn('effective_on', 'text', (c) => c.notNull())
          .addColumn('expires_on', 'text', (c) => c.notNull())
          .addColumn('currency', 'text', (c) => c.notNull())
          .addColumn('per_occurrence_minor', 'bigint')
          .addColumn('aggregate_minor', 'bigint')
          .addColumn('products_aggregate_minor', 'bigint')
          .addColumn('deductible_minor', 'bigint')
          .addColumn('basis', 'text')
          .addColumn('additional_insured', 'text')
          .addColumn('certificate_holder', 'text')
          .addColumn('insured_name', 'text')
          .addColumn('cancellation_notice_days', 'integer')
          .addColumn('uploaded_on', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('removed_at', 'text')
          .execute();
        await db.schema
          .createIndex('policies_by_account')
          .on('policies')
          .columns(['tenant_id', 'account_id'])
          .execute();

        await tenantRef(db, dialect, 'claims')
          .addColumn('account_id', 'integer', (c) =>
            c.notNull().references('accounts.id').onDelete('cascade'),
          )
          .addColumn('amazon_claim_id', 'text', (c) => c.notNull())
          .addColumn('order_id', 'text')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('amount_minor', 'bigint', (c) => c.notNull())
          .addColumn('currency', 'text', (c) => c.notNull())
          .addColumn('incident_on', 'text')
          .addColumn('notice_on', 'text', (c) => c.notNull())
          .addColumn('response_due_on', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('claims_amazon_id', ['tenant_id', 'amazon_claim_id'])
          .execute();

        await tenantRef(db, dialect, 'claim_events')
          .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id').onDelete('cascade'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('by', 'text', (c) => c.notNull())
          .execute();

        await tenantRef(db, dialect, 'alerts')
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('next_attempt_at', 'text', (c) => c.notNull())
          .addColumn('lease_until', 'text')
          .addColumn('lease_owner', 'text')
          .addColumn('last_error', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('sent_at', 'text')
          // An alert key is stored once per tenant: planning the same alert twice inserts nothing.
          .addUniqueConstraint('alerts_tenant_key', ['tenant_id', 'key'])
          .execute();
        await db.schema
          .createIndex('alerts_due')
          .on('alerts')
          .columns(['status', 'next_attempt_at'])
          .execute();

        await table(db, dialect, 'sweeps')
          .addColumn('started_at', 'text', (c) => c.notNull())
          .addColumn('finished_at', 'text')
          .addColumn('planned', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('delivered', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('owner', 'text', (c) => c.notNull())
          .execute();

        await tenantRef(db, dialect, 'audit_log')
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('detail', 'text')
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('audit_by_tenant').on('audit_log').columns(['tenant_id', 'id']).execute();

        await table(db, dialect, 'slack_installations')
          .addColumn('install_key', 'text', (c) => c.notNull().unique())
          .addColumn('team_id', 'text')
          .addColumn('enterprise_id', 'text')
          .addColumn('installation', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0002_planning_marks': {
      // The alert planner skips a tenant whose data and local day have not changed since it last
      // planned it: every write bumps data_version; planning records the version and the day.
      async up(db: AnyDb) {
        await db.schema
          .alterTable('tenants')
          .addColumn('data_version', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.alterTable('tenants').addColumn('planned_on', 'text').execute();
        await db.schema.alterTable('tenants').addColumn('planned_version', 'integer').execute();
      },
    },
    '0003_alerts_due_index': {
      // Leasing walks due alerts in (status, next_attempt_at, id) order: with the id in the index,
      // taking the next batch reads only that batch instead of sorting every pending alert.
      async up(db: AnyDb) {
        await db.schema.dropIndex('alerts_due').execute();
        await db.schema
          .createIndex('alerts_due')
          .on('alerts')
          .columns(['status', 'next_attempt_at', 'id'])
          .execute();
      },
    },
    '0004_standing_and_claims': {
      // The DBA rule needs the account's kind of entity; the appeal date needs the day Amazon
      // charged a claim; a sweep records (not dies of) one account's unreadable records.
      async up(db: AnyDb) {
        await db.schema.alterTable('accounts').addColumn('entity', 'text').execute();
        await db.schema.alterTable('claims').addColumn('charged_on', 'text').execute();
        await db.schema.alterTable('tenants').addColumn('plan_problems', 'text').execute();
      },
    },
    '0005_alert_keys_by_account_id': {
      // Alert keys named the account ("insurance-deadline/acme-us/…"): renaming an account re-sent its
      // alerts, and a new account reusing a removed name inherited its silence. Keys now carry the
      // account's id; stored keys are rewritten so nothing already posted is posted again.
      async up(db: AnyDb) {
        const kinds = [
          'threshold-approaching',
          'threshold-exceeded',
          'proof-requested',
          'insurance-deadline',
          'insurance-overdue',
        ];
        const accounts = await sql<{
          id: number;
          tenant_id: number;
          name: string;
          removed_at: string | null;
        }>`
          select id, tenant_id, name, removed_at from accounts order by id`.execute(db);
        // A live account wins over removed ones of the same name; among removed ones, the latest.
        const byName = new Map<string, number>();
        for (const a of accounts.rows) {
          const key = `${a.tenant_id}|${a.name}`;
          if (a.removed_at === null || !byName.has(key)) byName.set(key, Number(a.id));
        }
        for (const a of accounts.rows)
          if (a.removed_at === null) byName.set(`${a.tenant_id}|${a.name}`, Number(a.id));
        const alerts = await sql<{ id: number; tenant_id: number; key: string }>`
          select id, tenant_id, key from alerts`.execute(db);
        for (const alert of alerts.rows) {
          const [kind, name, ...rest] = alert.key.split('/');
          if (!kind || !kinds.includes(kind) || !name || /^\d+$/.test(name)) continue;
          const id = byName.get(`${alert.tenant_id}|${name}`);
          if (id === undefined) continue;
          await sql`update alerts set key = ${[kind, id, ...rest].join('/')} where id = ${alert.id}`.execute(
            db,
          );
        }
      },
    },
    '0006_policy_numbers_per_team': {
      // Policies were numbered from one sequence for every team, so team B's first policy was #2 and
      // team A could learn that #3 existed. Each team now numbers its own, in the order recorded.
      async up(db: AnyDb) {
        await db.schema.alterTable('policies').addColumn('number', 'integer').execute();
        await sql`update policies set number = (
          select count(*) from policies p2 where p2.tenant_id = policies.tenant_id and p2.id <= policies.id)`.execute(
          db,
        );
        await db.schema
          .createIndex('policies_tenant_number')
          .on('policies')
          .columns(['tenant_id', 'number'])
          .unique()
          .execute();
      },
    },
    '0007_team_language': {
      async up(db: AnyDb) {
        await db.schema.alterTable('tenants').addColumn('locale', 'text').execute();
      },
    },
    '0008_slack_org': {
      // A workspace that reaches coverwatch through an org-wide (Enterprise Grid) install: the org,
      // under whose installation its alerts are posted.
      async up(db: AnyDb) {
        await db.schema.alterTable('tenants').addColumn('org_id', 'text').execute();
      },
    },
    '0009_request_receipts': {
      // Signed platform requests already handled, for a few minutes: a captured request sent again
      // (inside Slack's five-minute window) is recognised by every replica and not run twice.
      async up(db: AnyDb) {
        await db.schema
          .createTable('request_receipts')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('seen_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('request_receipts_seen_at')
          .on('request_receipts')
          .column('seen_at')
          .execute();
      },
    },
    '0010_daily_sales': {
      // Sales by day (an import or a sync), beside the typed month totals: with them the trigger is
      // the exact day the month-to-date total went over. Kept as revisions like the month totals:
      // a day's latest row is its figure; re-importing the same figure adds nothing.
      async up(db: AnyDb) {
        await tenantRef(db, dialect, 'sales_days')
          .addColumn('account_id', 'integer', (c) =>
            c.notNull().references('accounts.id').onDelete('cascade'),
          )
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('amount_minor', 'bigint', (c) => c.notNull())
          .addColumn('currency', 'text', (c) => c.notNull())
          .addColumn('previous_minor', 'bigint')
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .addColumn('recorded_by', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('sales_days_by_account_day')
          .on('sales_days')
          .columns(['tenant_id', 'account_id', 'day', 'id'])
          .execute();
      },
    },
    '0011_amazon_connections': {
      // A seller account connected to Amazon's Selling Partner API: its refresh token (sealed with
      // COVERWATCH_SECRET_KEY), and how far its daily sales have been synced.
      async up(db: AnyDb) {
        await tenantRef(db, dialect, 'amazon_connections')
          .addColumn('account_id', 'integer', (c) =>
            c.notNull().unique().references('accounts.id').onDelete('cascade'),
          )
          .addColumn('marketplace_id', 'text', (c) => c.notNull())
          .addColumn('refresh_token', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('connected_at', 'text', (c) => c.notNull())
          .addColumn('connected_by', 'text', (c) => c.notNull())
          .addColumn('synced_through', 'text')
          .addColumn('last_sync_at', 'text')
          .addColumn('last_error', 'text')
          .execute();
      },
    },
    '0012_certificate_drafts': {
      // A certificate read from its PDF, waiting for the member to confirm it: the policy is only
      // stored when they do. The fields are JSON (the same names `policy add` takes); a draft is
      // used once, and the team's own code for it is what the confirm button carries.
      async up(db: AnyDb) {
        await tenantRef(db, dialect, 'certificate_drafts')
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('account_id', 'integer', (c) =>
            c.notNull().references('accounts.id').onDelete('cascade'),
          )
          .addColumn('fields', 'text', (c) => c.notNull())
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('policy_id', 'integer')
          .execute();
        await db.schema
          .createIndex('certificate_drafts_by_code')
          .on('certificate_drafts')
          .columns(['tenant_id', 'code'])
          .unique()
          .execute();
      },
    },
    '0013_planning_leases': {
      // Replicas divide a sweep: a team is planned under a lease (who, until when) that a replica
      // claims in batches (SKIP LOCKED on PostgreSQL); a dead replica's claims lapse with their
      // lease. Each sweep records how many teams it planned, for `coverwatch sweep --stats`.
      async up(db: AnyDb) {
        await db.schema.alterTable('tenants').addColumn('plan_lease_owner', 'text').execute();
        await db.schema.alterTable('tenants').addColumn('plan_lease_until', 'text').execute();
        await db.schema
          .alterTable('sweeps')
          .addColumn('tenants_planned', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        // The same for the sales sync: a connection is synced by one replica at a time, and the
        // seller's usage-plan budget (tokens left, and when) lives here, not in one process.
        for (const column of ['sync_lease_owner', 'sync_lease_until', 'plan_at'])
          await db.schema.alterTable('amazon_connections').addColumn(column, 'text').execute();
        await db.schema.alterTable('amazon_connections').addColumn('plan_tokens', 'real').execute();
      },
    },
    '0014_replay_receipts': {
      // Replay receipts keyed by the request's signed timestamp first: one b-tree (WITHOUT ROWID on
      // SQLite), written at its end, and cleared by a range of keys — no second index to keep. The
      // old table stays for replicas of the previous version during a rollout; nothing reads it.
      async up(db: AnyDb) {
        await db.schema
          .createTable('replay_receipts')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
          .execute();
      },
    },
    '0015_pending_alerts_index': {
      // Leasing reads only pending alerts: the index holds only those. Marking an alert sent then
      // takes it out of this index instead of moving it inside it (SQLite), and adds no entry to it
      // (PostgreSQL writes every index of a row whose indexed column changed).
      async up(db: AnyDb) {
        await db.schema.dropIndex('alerts_due').execute();
        await db.schema
          .createIndex('alerts_due')
          .on('alerts')
          .columns(['next_attempt_at', 'id'])
          .where(sql.ref('status'), '=', sql.lit('pending'))
          .execute();
      },
    },
    '0016_alert_channel_problem': {
      // The platform refused a post because the bot may not post in the team's alert channel any
      // more (removed from it, the channel deleted or archived, the app removed): which channel,
      // why, since when, and when it last refused. Delivery holds the team's alerts instead of asking
      // again every sweep.
      async up(db: AnyDb) {
        for (const column of [
          'alert_problem',
          'alert_problem_channel',
          'alert_problem_since',
          'alert_problem_last',
        ])
          await db.schema.alterTable('tenants').addColumn(column, 'text').execute();
      },
    },
  };
}
