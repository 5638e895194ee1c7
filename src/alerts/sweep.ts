// One alert sweep: plan what is due for every team with an alert channel (at or after its alert
// hour, in its time zone), store new alerts in the outbox — leased to this sweep, and posted as soon
// as their chunk is committed — then deliver whatever else is due (retries, other replicas'
// leftovers). On PostgreSQL the next chunk of teams is claimed and read while one is planned,
// stored and posted. A team whose records and local day have not changed since it was last
// planned is skipped. A dry run plans for any instant and reports what would be sent, writing
// nothing.

import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { wordsFor } from '../i18n/index.ts';
import { sweepSeconds } from '../metrics.ts';
import type { Reply } from '../reply.ts';
import { dateIn, hourIn } from '../rules/calendar.ts';
import {
  type Enqueue,
  enqueueMany,
  finishSweep,
  knownKeys,
  refreshOutboxStatistics,
  startSweep,
} from '../store/alerts.ts';
import type { Store } from '../store/db.ts';
import type { Platform } from '../store/schema.ts';
import { type AccountState, loadStates } from '../store/state.ts';
import {
  claimTenants,
  getTenants,
  heldElsewhere,
  listTenants,
  markPlanned,
  releaseTenants,
  type Tenant,
  type TenantId,
} from '../store/tenants.ts';
import { type DeliveryOptions, startDelivery } from './delivery.ts';
import { mentionFor, type Notifier } from './notifier.ts';
import { decodeAlert, encodeAlert, type StoredAlert } from './payload.ts';
import { type PlannedAlert, planAlerts } from './planner.ts';
import { alertReply } from './render.ts';

export interface SweepDeps {
  readonly store: Store;
  readonly notifier: Notifier;
  readonly now: () => Date;
  readonly owner: string;
  readonly defaults: { readonly alertHour: number };
  readonly log?: DeliveryOptions['log'] & { info(obj: object, msg: string): void };
  readonly delivery?: Partial<
    Pick<DeliveryOptions, 'backoff' | 'maxAttempts' | 'pace' | 'batch' | 'leaseMs' | 'postBudgetMs'>
  >;
  readonly shouldStop?: () => boolean;
}

export interface SweepResult {
  readonly at: string;
  readonly tenantsPlanned: number;
  readonly tenantsSkipped: number;
  readonly planned: number;
  readonly inserted: number;
  readonly delivered: number;
  readonly retried: number;
  readonly failed: number;
  /** Platforms that refused the bot's token: their alerts are held (delivery.ts). */
  readonly refused?: readonly Platform[];
  /** Where the time went, in milliseconds: reading teams' records, planning, storing alerts, delivering. */
  readonly phases: {
    readonly load: number;
    readonly plan: number;
    readonly store: number;
    readonly deliver: number;
  };
  /** Dry runs: what would be sent, by team. */
  readonly preview?: { tenant: Tenant; key: string; reply: Reply }[];
}

const CHUNK = 100;

/** A planned alert as delivery reads it from the outbox (what decodeAlert would give back). */
const asStored = ({ key: _key, ...alert }: PlannedAlert): StoredAlert => ({ format: 'data', ...alert });

/**
 * Teams' records in one read per chunk; if a chunk cannot be read (a hand-edited row), each team is
 * read alone, so one team's bad row costs only that team its alerts — and is reported to it.
 */
async function loadResilient(store: Store, ids: readonly TenantId[]) {
  const unreadable = new Map<TenantId, string>();
  try {
    return { states: await loadStates(store.db, ids), unreadable };
  } catch {
    const states = new Map<TenantId, AccountState[]>();
    for (const id of ids)
      try {
        for (const [t, s] of await loadStates(store.db, [id])) states.set(t, s);
      } catch (err) {
        unreadable.set(id, err instanceof Error ? err.message : String(err));
      }
    return { states, unreadable };
  }
}

/**
 * Delivery alone: posts what is due from the outbox (retries whose time has come) without planning.
 * Runs on its own short tick between the hourly sweeps, so a retry due in one minute goes out in
 * about one minute, not at the next sweep.
 */
export function deliverOutbox(deps: SweepDeps) {
  return delivery(deps).deliverDue();
}

function delivery(deps: SweepDeps) {
  return startDelivery({
    store: deps.store,
    notifier: deps.notifier,
    owner: deps.owner,
    now: deps.now,
    ...deps.delivery,
    ...(deps.log ? { log: deps.log } : {}),
    ...(deps.shouldStop ? { shouldStop: deps.shouldStop } : {}),
  });
}

export async function runSweep(
  deps: SweepDeps,
  opts: { at?: Date; dryRun?: boolean } = {},
): Promise<SweepResult> {
  const at = opts.at ?? deps.now();
  const iso = at.toISOString();
  const dryRun = Boolean(opts.dryRun);
  const sweepId = dryRun ? undefined : await deps.store.transaction((db) => startSweep(db, deps.owner, iso));
  const preview: NonNullable<SweepResult['preview']> = [];
  let planned = 0;
  let inserted = 0;
  let tenantsPlanned = 0;
  let tenantsSkipped = 0;
  const phases = { load: 0, plan: 0, store: 0, deliver: 0 };
  const outbox = delivery(deps);
  // New alerts are stored leased to this sweep, for as long as delivery would lease them, when this
  // process can post to their team's platform; the others wait for a replica that can.
  const leaseMs = deps.delivery?.leaseMs ?? 120_000;
  const canPost = (t: Tenant) => !deps.notifier.platforms || deps.notifier.platforms.includes(t.platform);
  let mark = performance.now();
  const lap = (phase: keyof typeof phases) => {
    const now = performance.now();
    phases[phase] += now - mark;
    mark = now;
  };
  // The teams are read once; in each batch of 100, those due (their alert hour reached, their
  // records or day changed since last planned) are claimed under a lease (SKIP LOCKED on
  // PostgreSQL), so replicas sweeping at once divide them — and a quiet sweep writes nothing.
  const hourReached = (t: Tenant) => hourIn(t.timeZone, at) >= (t.alertHour ?? deps.defaults.alertHour);
  const isDue = (t: Tenant) =>
    hourReached(t) &&
    (dryRun || !(t.plannedOn === dateIn(t.timeZone, at) && t.plannedVersion === t.dataVersion));
  const tenants = (await listTenants(deps.store.db)).filter((t) => t.alertChannel);
  // The teams this process can post to are claimed first, in batches of their own: a replica for
  // another platform, sweeping at the same time, then finds its teams unclaimed and posts their
  // alerts itself, instead of finding them planned by this one and waiting for the next sweep.
  const chunks = (group: readonly Tenant[]) =>
    Array.from({ length: Math.ceil(group.length / CHUNK) }, (_, i) =>
      group.slice(i * CHUNK, (i + 1) * CHUNK),
    );
  const own = chunks(tenants.filter(canPost));
  const batches = [...own, ...chunks(tenants.filter((t) => !canPost(t)))];
  /** Due teams of this process's platforms that another replica held when this one reached them. */
  const heldByOthers = new Set<TenantId>();
  /**
   * A batch's due teams, claimed (not in a dry run), with their records read; undefined when none
   * is due. On PostgreSQL the next batch is prepared while this one is planned, stored and posted:
   * the server reads its records while this process works.
   */
  const prepare = async (batchOfTeams: readonly Tenant[]) => {
    const listed = batchOfTeams.filter(hourReached);
    let due = listed.filter(isDue);
    tenantsSkipped += listed.length - due.length;
    if (due.length === 0) return undefined;
    let claimed: readonly Tenant[] = [];
    if (!dryRun) {
      // A claim lapses in real time, whatever instant the sweep plans for: it is about processes.
      const now = new Date();
      claimed = await claimTenants(deps.store.db, deps.store.dialect, {
        owner: deps.owner,
        until: new Date(now.getTime() + leaseMs).toISOString(),
        now: now.toISOString(),
        ids: due.map((t) => t.id),
      });
      // Held by another replica's sweep: it stores their alerts unleased; those this process can
      // post are waited for after the other batches (below), then delivered.
      const taken = new Set(claimed.map((t) => t.id));
      for (const t of due) if (!taken.has(t.id) && canPost(t)) heldByOthers.add(t.id);
      // As the claim found them: another replica may have planned some since they were read.
      due = claimed.filter(isDue);
      tenantsSkipped += claimed.length - due.length;
      if (due.length === 0) {
        await releaseTenants(
          deps.store.db,
          deps.owner,
          claimed.map((t) => t.id),
        );
        return undefined;
      }
    }
    const read = await loadResilient(
      deps.store,
      due.map((t) => t.id),
    );
    return { due, claimed, ...read };
  };
  // A batch prepared but never planned (the sweep stopped or failed first) gives its claims back.
  const giveBack = async (prepared: ReturnType<typeof prepare> | undefined) => {
    const batch = await prepared?.catch(() => undefined);
    if (batch?.claimed.length)
      await releaseTenants(
        deps.store.db,
        deps.owner,
        batch.claimed.map((t) => t.id),
      );
  };
  const runBatch = async (current: NonNullable<Awaited<ReturnType<typeof prepare>>>) => {
    const { due, claimed, states, unreadable } = current;
    const byTeam: Enqueue[][] = [];
    const plannedByKey = new Map<string, PlannedAlert>();
    const marks: Parameters<typeof markPlanned>[1][number][] = [];
    for (const tenant of due) {
      if (deps.shouldStop?.()) break;
      const failed = unreadable.get(tenant.id);
      const { alerts, problems } = failed
        ? { alerts: [], problems: [{ account: '*', problem: failed }] }
        : planAlerts({ accounts: states.get(tenant.id) ?? [] }, at);
      if (problems.length)
        deps.log?.warn(
          { tenant: tenant.id, problems },
          'alert planning skipped accounts with unreadable records',
        );
      planned += alerts.length;
      tenantsPlanned++;
      if (dryRun) {
        const known = await knownKeys(deps.store.db, tenant.id);
        for (const a of alerts)
          if (!known.has(a.key))
            preview.push({
              tenant,
              key: a.key,
              reply: alertReply(
                decodeAlert(encodeAlert(a), a.key),
                mentionFor(tenant.platform),
                wordsFor(tenant.locale, { rememberMessages: false }),
              ),
            });
        continue;
      }
      const lease = canPost(tenant)
        ? { owner: deps.owner, until: new Date(deps.now().getTime() + leaseMs).toISOString() }
        : undefined;
      byTeam.push(
        alerts.map((a) => {
          plannedByKey.set(`${tenant.id}|${a.key}`, a);
          return { tenant: tenant.id, key: a.key, kind: a.kind, payload: encodeAlert(a), lease };
        }),
      );
      // The version read before planning: a write made since then gets the team planned again.
      marks.push({
        tenant: tenant.id,
        on: dateIn(tenant.timeZone, at),
        version: tenant.dataVersion,
        problems: problems.length ? JSON.stringify(problems) : null,
      });
    }
    lap('plan');
    if (dryRun) return;
    // The alerts, the teams marked planned, and the claims given back: one transaction, so another
    // replica that takes a team next finds it planned (and skips it), or unplanned (and plans it).
    const stored = await deps.store.transaction(async (trx) => {
      const n = marks.length ? await enqueueMany(trx, inPostingOrder(byTeam), iso) : [];
      if (marks.length) await markPlanned(trx, marks);
      await releaseTenants(
        trx,
        deps.owner,
        claimed.map((t) => t.id),
      );
      return n;
    });
    inserted += stored.length;
    lap('store');
    // Committed: post them now, while planning waits (a stopped sweep gives their leases back).
    const leased = stored.filter((a) => a.leaseUntil !== undefined);
    await outbox.deliverLeased(
      leased,
      new Map(leased.map((a) => [a.id, asStored(plannedByKey.get(`${a.tenantId}|${a.key}`)!)])),
    );
    lap('deliver');
  };
  /** Waits (real time, at most a claim's lease) until no other replica holds a claim on `ids`. */
  const othersLetGo = async (ids: readonly TenantId[]) => {
    const deadline = Date.now() + leaseMs;
    for (let pause = 20; Date.now() < deadline && !deps.shouldStop?.(); pause = Math.min(pause * 2, 500)) {
      const held = await heldElsewhere(deps.store.db, deps.owner, ids, new Date().toISOString());
      if (held.length === 0) return;
      await sleep(pause);
    }
  };
  const prepareBatch = (b: number) => {
    if (b >= batches.length) return undefined;
    const prepared = prepare(batches[b]!);
    // Awaited later, after this batch's work: a failure (the database gone) must not count as an
    // unhandled rejection meanwhile. Awaiting it still throws.
    prepared.catch(() => undefined);
    return prepared;
  };
  const readsElsewhere = deps.store.dialect === 'postgres';
  let next = prepareBatch(0);
  try {
    for (let b = 0; b < batches.length; b++) {
      if (deps.shouldStop?.()) break;
      mark = performance.now();
      const current = await (next ?? prepareBatch(b));
      // Not across the two groups: this replica's own teams are all planned and posted before it
      // claims any of the others (which a replica for their platform would post at once). Not on
      // SQLite, which reads on this thread: nothing to overlap, and two batches held at once.
      next = b + 1 === own.length || !readsElsewhere ? undefined : prepareBatch(b + 1);
      lap('load');
      if (current) await runBatch(current);
    }
    // Teams of this process's platforms that another replica was planning: once it lets go (its
    // alerts for them are committed with the release), they are read again — planned by it, or, if
    // it died, claimable after its lease — and whatever it stored is delivered below.
    if (!dryRun && heldByOthers.size && !deps.shouldStop?.()) {
      const held = [...heldByOthers];
      heldByOthers.clear();
      await othersLetGo(held);
      mark = performance.now();
      const again = await prepare(await getTenants(deps.store.db, held));
      lap('load');
      if (again) await runBatch(again);
    }
  } finally {
    await giveBack(next);
  }
  if (dryRun)
    return {
      at: iso,
      tenantsPlanned,
      tenantsSkipped,
      planned,
      inserted: 0,
      delivered: 0,
      retried: 0,
      failed: 0,
      phases,
      preview,
    };
  mark = performance.now();
  if (inserted > 1000) await refreshOutboxStatistics(deps.store);
  const delivered = await outbox.deliverDue();
  lap('deliver');
  await deps.store.transaction((db) =>
    finishSweep(db, sweepId!, {
      tenantsPlanned,
      planned,
      delivered: delivered.delivered,
      failed: delivered.failed,
      at: deps.now().toISOString(),
    }),
  );
  const result = { at: iso, tenantsPlanned, tenantsSkipped, planned, inserted, ...delivered, phases };
  for (const [phase, ms] of Object.entries(phases)) sweepSeconds.observe({ phase }, ms / 1000);
  deps.log?.info(result, 'alert sweep finished');
  return result;
}

/**
 * The teams' alerts interleaved — every team's first, then every team's second, … — each team's
 * own order kept. Rows are stored in this order, and delivery posts the channels side by side, one
 * alert of each at a time: the sent marks committed together then fall on neighbouring rows, a few
 * pages, instead of one page per team (on SQLite a first sweep wrote 1.2 GB to the log instead of
 * 0.3 GB; docs/benchmarks.md).
 */
export function inPostingOrder<T>(byTeam: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...byTeam.map((q) => q.length));
  for (let i = 0; i < longest; i++) for (const q of byTeam) if (i < q.length) out.push(q[i]!);
  return out;
}
