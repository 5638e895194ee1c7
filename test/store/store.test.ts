// The store suite, run against SQLite and a real PostgreSQL server.
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { monthFigures } from '../../src/app/sales.ts';
import { usd } from '../../src/rules/money.ts';
import {
  findAccount,
  insertAccount,
  listAccounts,
  removeAccount,
  updateAccount,
} from '../../src/store/accounts.ts';
import { enqueueAlerts, enqueueMany, leaseDue, markSent } from '../../src/store/alerts.ts';
import { audit, listAudit } from '../../src/store/audit.ts';
import { findClaim, insertClaim, listClaimEvents, listClaims, updateClaim } from '../../src/store/claims.ts';
import { migrate, type Store } from '../../src/store/db.ts';
import {
  getPolicy,
  insertPolicy,
  listPolicies,
  removePolicy,
  updatePolicy,
} from '../../src/store/policies.ts';
import { insertRequest, listRequests } from '../../src/store/requests.ts';
import { StoreRowError } from '../../src/store/rows.ts';
import { listRevisions, recordSales } from '../../src/store/sales.ts';
import { loadTenantState } from '../../src/store/state.ts';
import {
  addGrant,
  ensureTenant,
  findTenant,
  listGrants,
  listTenants,
  removeGrant,
  type TenantId,
  updateTenantSettings,
} from '../../src/store/tenants.ts';
import { describeEngines, freshStore } from '../support/stores.ts';

const AT = '2026-11-21T10:00:00.000Z';
const meta = { by: 'U1', at: AT };

describeEngines('store', (engine) => {
  let store: Store;
  let a: TenantId;
  let b: TenantId;

  beforeAll(async () => {
    store = await freshStore(engine);
    a = (
      await ensureTenant(
        store.db,
        { platform: 'slack', externalId: 'T-A' },
        { timeZone: 'America/New_York', at: AT },
      )
    ).id;
    b = (
      await ensureTenant(
        store.db,
        { platform: 'discord', externalId: 'G-B' },
        { timeZone: 'Europe/Berlin', at: AT },
      )
    ).id;
  });
  afterAll(async () => {
    await store?.close();
  });

  it('migrations are idempotent', async () => {
    const again = await migrate(store);
    expect(again.results).toEqual([]);
  });

  it('ensureTenant finds the same tenant again and keeps settings', async () => {
    const again = await ensureTenant(
      store.db,
      { platform: 'slack', externalId: 'T-A' },
      { timeZone: 'UTC', at: AT },
    );
    expect(again.id).toBe(a);
    expect(again.timeZone).toBe('America/New_York');
    await updateTenantSettings(store.db, a, { alertChannel: 'C123', alertHour: 8 });
    const tenants = await listTenants(store.db);
    expect(tenants.find((t) => t.id === a)).toMatchObject({ alertChannel: 'C123', alertHour: 8 });
  });

  it('grants are unique per subject and removable', async () => {
    expect(await addGrant(store.db, a, { kind: 'user', subjectId: 'U9', by: 'U1', at: AT })).toBe(true);
    expect(await addGrant(store.db, a, { kind: 'user', subjectId: 'U9', by: 'U1', at: AT })).toBe(false);
    expect((await listGrants(store.db, a)).map((g) => g.subject_id)).toEqual(['U9']);
    expect(await listGrants(store.db, b)).toEqual([]);
    expect(await removeGrant(store.db, a, 'user', 'U9')).toBe(true);
    expect(await listGrants(store.db, a)).toEqual([]);
  });

  it('accounts: add, rename, remove, reuse a removed name; names unique among live accounts', async () => {
    const acc = await insertAccount(
      store.db,
      a,
      { name: 'acme-us', marketplace: 'US', legalName: 'Acme LLC' },
      meta,
    );
    await expect(insertAccount(store.db, a, { name: 'acme-us', marketplace: 'US' }, meta)).rejects.toThrow();
    const renamed = await updateAccount(store.db, a, acc.id, { name: 'acme-old', owner: 'U7' });
    expect(renamed).toMatchObject({ name: 'acme-old', owner: 'U7', legalName: 'Acme LLC' });
    expect(await removeAccount(store.db, a, acc.id, AT)).toBe(true);
    expect(await findAccount(store.db, a, 'acme-old')).toBeUndefined();
    const reused = await insertAccount(store.db, a, { name: 'acme-old', marketplace: 'UK' }, meta);
    expect(reused.id).not.toBe(acc.id);
  });

  it('sales keep every revision with who, when, source and the value replaced; money stays integer', async () => {
    const acc = await insertAccount(store.db, a, { name: 'rev-us', marketplace: 'US' }, meta);
    await recordSales(store.db, a, acc.id, {
      month: '2026-10',
      amount: usd(9000),
      source: 'slack',
      recordedOn: '2026-10-20',
      at: AT,
      by: 'U1',
    });
    const second = await recordSales(store.db, a, acc.id, {
      month: '2026-10',
      amount: usd(12480, 50),
      source: 'csv',
      recordedOn: '2026-11-02',
      at: AT,
      by: 'U2',
    });
    expect(second.previous).toEqual(usd(9000));
    const huge = { minor: 99_999_999_999_999, currency: 'USD' as const };
    await recordSales(store.db, a, acc.id, {
      month: '2026-09',
      amount: huge,
      source: 'slack',
      recordedOn: '2026-10-01',
      at: AT,
      by: 'U1',
    });
    const revisions = await listRevisions(store.db, a, acc.id);
    expect(revisions.map((r) => [r.month, r.amount.minor, r.recordedBy])).toEqual([
      ['2026-09', 99_999_999_999_999, 'U1'],
      ['2026-10', 900_000, 'U1'],
      ['2026-10', 1_248_050, 'U2'],
    ]);
    expect(typeof revisions[0]!.amount.minor).toBe('number');
    expect(monthFigures(revisions, []).map((r) => r.amount.minor)).toEqual([1_248_050, 99_999_999_999_999]);
  });

  it('requests, policies (versioned) and claims (with events)', async () => {
    const acc = await insertAccount(store.db, a, { name: 'pol-us', marketplace: 'US' }, meta);
    await insertRequest(store.db, a, acc.id, { requestedOn: '2026-03-02', note: 'email', ...meta });
    expect((await listRequests(store.db, a, acc.id)).map((r) => r.requestedOn)).toEqual(['2026-03-02']);

    const p = await insertPolicy(
      store.db,
      a,
      acc.id,
      {
        currency: 'USD',
        effectiveOn: '2026-01-01',
        expiresOn: '2027-01-01',
        aggregate: usd(2_000_000),
        productsCompletedOps: true,
        basis: 'occurrence',
      },
      meta,
    );
    expect(p).toMatchObject({
      version: 1,
      aggregate: usd(2_000_000),
      productsCompletedOps: true,
      perOccurrence: undefined,
    });
    const uploaded = await updatePolicy(store.db, a, p.id, { uploadedOn: '2026-01-05' }, AT);
    expect(uploaded).toMatchObject({ version: 2, uploadedOn: '2026-01-05', aggregate: usd(2_000_000) });
    expect(await updatePolicy(store.db, b, p.id, { uploadedOn: '2026-01-06' }, AT)).toBeUndefined();
    expect(await removePolicy(store.db, a, p.id, AT)).toBe(true);
    expect(await getPolicy(store.db, a, p.id)).toBeUndefined();

    const c = await insertClaim(
      store.db,
      a,
      acc.id,
      { amazonClaimId: 'AZ-1', kind: 'property-damage', amount: usd(650), noticeOn: '2026-11-01' },
      meta,
    );
    await updateClaim(store.db, a, c.id, { status: 'responded', note: 'insurer notified' }, meta);
    expect((await findClaim(store.db, a, 'AZ-1'))?.status).toBe('responded');
    // Whatever the case it is typed in; an id that differs only in case, stored before, is still its own.
    expect((await findClaim(store.db, a, 'az-1'))?.id).toBe(c.id);
    const lower = await insertClaim(
      store.db,
      a,
      acc.id,
      { amazonClaimId: 'az-1', kind: 'property-damage', amount: usd(5), noticeOn: '2026-11-01' },
      meta,
    );
    expect((await findClaim(store.db, a, 'az-1'))?.id).toBe(lower.id);
    expect((await findClaim(store.db, a, 'AZ-1'))?.id).toBe(c.id);
    expect((await findClaim(store.db, a, 'Az-1'))?.id).toBe(c.id);
    expect(await findClaim(store.db, b, 'az-1')).toBeUndefined();
    expect((await listClaimEvents(store.db, a, c.id)).map((e) => e.status)).toEqual(['open', 'responded']);
    await expect(
      insertClaim(
        store.db,
        a,
        acc.id,
        { amazonClaimId: 'AZ-1', kind: 'property-damage', amount: usd(1), noticeOn: '2026-11-01' },
        meta,
      ),
    ).rejects.toThrow();
  });

  it('isolation: two tenants with the same account names never see each other', async () => {
    const accA = await insertAccount(store.db, a, { name: 'twin', marketplace: 'US' }, meta);
    const accB = await insertAccount(store.db, b, { name: 'twin', marketplace: 'US' }, meta);
    await recordSales(store.db, a, accA.id, {
      month: '2026-10',
      amount: usd(1),
      source: 's',
      recordedOn: '2026-10-02',
      ...meta,
    });
    await recordSales(store.db, b, accB.id, {
      month: '2026-10',
      amount: usd(2),
      source: 's',
      recordedOn: '2026-10-02',
      ...meta,
    });
    await insertRequest(store.db, b, accB.id, { requestedOn: '2026-10-03', ...meta });
    await insertPolicy(
      store.db,
      b,
      accB.id,
      { currency: 'USD', effectiveOn: '2026-01-01', expiresOn: '2027-01-01' },
      meta,
    );
    await insertClaim(
      store.db,
      b,
      accB.id,
      { amazonClaimId: 'AZ-B', kind: 'personal-injury', amount: usd(3), noticeOn: '2026-10-04' },
      meta,
    );
    await audit(store.db, b, { actor: 'U-B', action: 'test', subject: 'twin', at: AT });

    expect((await findAccount(store.db, a, 'twin'))?.id).toBe(accA.id);
    expect((await findAccount(store.db, b, 'twin'))?.id).toBe(accB.id);
    // Tenant A asking about tenant B's account id gets nothing.
    expect(await listRevisions(store.db, a, accB.id)).toEqual([]);
    expect(await listRequests(store.db, a, accB.id)).toEqual([]);
    expect(await listPolicies(store.db, a, accB.id)).toEqual([]);
    expect(await listClaims(store.db, a, { accountId: accB.id })).toEqual([]);
    expect(await findClaim(store.db, a, 'AZ-B')).toBeUndefined();
    expect(await removeAccount(store.db, a, accB.id, AT)).toBe(false);
    await expect(updateAccount(store.db, a, accB.id, { owner: 'x' })).rejects.toThrow();
    expect((await listAudit(store.db, a)).some((e) => e.actor === 'U-B')).toBe(false);
    const stateA = await loadTenantState(store.db, a);
    expect(stateA.flatMap((s) => s.sales).every((r) => r.amount.minor !== 200)).toBe(true);
    const twinA = stateA.find((s) => s.account.name === 'twin')!;
    expect(twinA.sales.map((r) => r.amount.minor)).toEqual([100]);
    expect(twinA.requests).toEqual([]);
    expect((await listAccounts(store.db, b)).map((x) => x.name)).toEqual(['twin']);
  });

  it('alert leases respect their limit and never overlap', async () => {
    const at = '2026-11-21T10:00:00.000Z';
    expect(
      await enqueueAlerts(
        store.db,
        a,
        Array.from({ length: 6 }, (_, i) => ({ key: `lease/${i}`, kind: 'test', payload: '{}' })),
        at,
      ),
    ).toBe(6);
    expect(await enqueueAlerts(store.db, a, [{ key: 'lease/0', kind: 'test', payload: '{}' }], at)).toBe(0);
    const lease = (owner: string) =>
      leaseDue(store, { now: at, owner, leaseUntil: '2026-11-21T10:05:00.000Z', limit: 2, tenant: a });
    const [x, y] = await Promise.all([lease('x'), lease('y')]);
    const z = await lease('z');
    const ids = [...x, ...y, ...z].map((r) => r.id);
    expect([x.length, y.length, z.length]).toEqual([2, 2, 2]);
    expect(new Set(ids).size).toBe(6);
    expect(await lease('w')).toEqual([]);
  });

  it('a process leases only the alerts of platforms it can post to', async () => {
    const at = '2026-11-21T11:00:00.000Z';
    const discord = (
      await ensureTenant(store.db, { platform: 'discord', externalId: 'G-LEASE' }, { timeZone: 'UTC', at })
    ).id;
    await enqueueAlerts(store.db, a, [{ key: 'platform/slack', kind: 'test', payload: '{}' }], at);
    await enqueueAlerts(store.db, discord, [{ key: 'platform/discord', kind: 'test', payload: '{}' }], at);
    const lease = (owner: string, platforms: ('slack' | 'discord' | 'shell')[]) =>
      leaseDue(store, { now: at, owner, leaseUntil: '2026-11-21T11:05:00.000Z', limit: 50, platforms });
    expect((await lease('discord-only', ['discord'])).map((r) => r.key)).toEqual(['platform/discord']);
    expect((await lease('none', [])).map((r) => r.key)).toEqual([]);
    // (The earlier lease test's alerts, whose leases have expired, are Slack alerts too.)
    const slack = (await lease('slack-only', ['slack'])).map((r) => r.key);
    expect(slack).toContain('platform/slack');
    expect(slack).not.toContain('platform/discord');
  });

  it('marking sent takes the alerts this owner holds, once, and ids only', async () => {
    const at = '2026-11-21T12:00:00.000Z';
    const lease = (owner: string) => ({ owner, until: '2026-11-21T12:05:00.000Z' });
    const stored = await enqueueMany(
      store.db,
      [
        { tenant: a, key: 'mark/0', kind: 'test', payload: '{}', lease: lease('me') },
        { tenant: a, key: 'mark/1', kind: 'test', payload: '{}', lease: lease('me') },
        { tenant: b, key: 'mark/2', kind: 'test', payload: '{}', lease: lease('other') },
      ],
      at,
    );
    const [mine0, mine1, theirs] = stored.map((s) => s.id);
    expect((await markSent(store.db, [mine1!, theirs!, mine0!], 'me', at)).sort()).toEqual(
      [mine0!, mine1!].sort(),
    );
    // Already sent: nothing to mark again.
    expect(await markSent(store.db, [mine0!], 'me', at)).toEqual([]);
    expect(await markSent(store.db, [], 'me', at)).toEqual([]);
    await expect(markSent(store.db, [1.5], 'me', at)).rejects.toThrow(/not alert ids/);
    const statuses = await store.db
      .selectFrom('alerts')
      .select(['id', 'status'])
      .where('id', 'in', [mine0!, mine1!, theirs!])
      .orderBy('id')
      .execute();
    expect(statuses.map((r) => r.status)).toEqual(['sent', 'sent', 'pending']);
  });

  it('a transaction that fails part-way stores nothing', async () => {
    await expect(
      store.transaction(async (trx) => {
        await insertAccount(trx, a, { name: 'half', marketplace: 'US' }, meta);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await findAccount(store.db, a, 'half')).toBeUndefined();
  });

  it('a hand-edited row fails validation with the table and row named, not a crash', async () => {
    const acc = await insertAccount(store.db, a, { name: 'edited', marketplace: 'US' }, meta);
    const rev = await recordSales(store.db, a, acc.id, {
      month: '2026-10',
      amount: usd(5),
      source: 's',
      recordedOn: '2026-10-02',
      ...meta,
    });
    await sql`update sales_revisions set month = 'Oct 2026' where id = ${rev.id}`.execute(store.db);
    const err = await listRevisions(store.db, a, acc.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreRowError);
    expect(String((err as Error).message)).toBe(
      `invalid row in sales_revisions (id ${rev.id}): month: not a YYYY-MM month`,
    );
    // The bulk read (check, the sweep) checks each sales row by hand first: the same error.
    await expect(loadTenantState(store.db, a, acc.id)).rejects.toThrow(
      `invalid row in sales_revisions (id ${rev.id}): month: not a YYYY-MM month`,
    );
    const currencyNamed = new RegExp(`invalid row in sales_revisions \\(id ${rev.id}\\): currency`);
    // The last two hold the separators of PostgreSQL's bulk read (a newline, a comma): the read sees
    // them and reads row by row, so the bad value is named, and the forged line is never a row.
    const forged = `2026-10\n${rev.id},1,${acc.id},2026-09,1,USD,2026-09-01`;
    const edits: [RawBuilder<unknown>, string | RegExp | typeof StoreRowError][] = [
      [sql`month = '2026-10', currency = 'XXX'`, currencyNamed],
      [sql`currency = 'USD', amount_minor = -5`, StoreRowError],
      [
        sql`amount_minor = 500, month = ${forged}`,
        `invalid row in sales_revisions (id ${rev.id}): month: not a YYYY-MM month`,
      ],
      [sql`month = '2026-10', currency = 'US,D'`, currencyNamed],
    ];
    for (const [set, error] of edits) {
      await sql`update sales_revisions set ${set} where id = ${rev.id}`.execute(store.db);
      await expect(loadTenantState(store.db, a, acc.id)).rejects.toThrow(error);
    }
    await sql`update sales_revisions set currency = 'USD' where id = ${rev.id}`.execute(store.db);
    expect((await loadTenantState(store.db, a, acc.id))[0]!.sales).toEqual([
      { id: rev.id, accountId: acc.id, month: '2026-10', amount: usd(5), recordedOn: '2026-10-02' },
    ]);
    await sql`update accounts set marketplace = 'ATLANTIS' where id = ${acc.id}`.execute(store.db);
    await expect(listAccounts(store.db, a)).rejects.toThrow(
      /invalid row in accounts \(id \d+\): marketplace/,
    );
    await sql`update accounts set marketplace = 'US' where id = ${acc.id}`.execute(store.db);
  });

  it('a team row read on every request is checked again whenever it changes', async () => {
    const identity = { platform: 'slack' as const, externalId: 'T-A' };
    const before = await findTenant(store.db, identity);
    // Unchanged: the same checked object comes back, frozen (requests share it).
    expect(await findTenant(store.db, identity)).toBe(before);
    expect(Object.isFrozen(before)).toBe(true);
    await sql`update tenants set time_zone = '' where id = ${a}`.execute(store.db);
    await expect(findTenant(store.db, identity)).rejects.toThrow(
      new RegExp(`invalid row in tenants \\(id ${a}\\): time_zone`),
    );
    await sql`update tenants set time_zone = 'America/New_York', data_version = data_version + 1 where id = ${a}`.execute(
      store.db,
    );
    const after = await findTenant(store.db, identity);
    expect(after).not.toBe(before);
    expect(after!.dataVersion).toBe(before!.dataVersion + 1);
  });
});
