// Every store function that takes an id, called with team A's scope and team B's ids: nothing of B
// is returned, changed or written against — the store keeps teams apart on its own, whatever the
// layer above does. Run on both engines.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { usd } from '../../src/rules/money.ts';
import {
  findAccount,
  hasRecords,
  insertAccount,
  listAccounts,
  removeAccount,
  updateAccount,
} from '../../src/store/accounts.ts';
import { enqueueAlerts, listAlerts, outboxCounts } from '../../src/store/alerts.ts';
import { audit, listAudit } from '../../src/store/audit.ts';
import { findClaim, insertClaim, listClaimEvents, listClaims, updateClaim } from '../../src/store/claims.ts';
import type { Store } from '../../src/store/db.ts';
import {
  getPolicy,
  insertPolicy,
  listPolicies,
  removePolicy,
  updatePolicy,
} from '../../src/store/policies.ts';
import { insertRequest, listRequests } from '../../src/store/requests.ts';
import { listRevisions, recordSales } from '../../src/store/sales.ts';
import { loadTenantState } from '../../src/store/state.ts';
import { addGrant, ensureTenant, listGrants, removeGrant, type TenantId } from '../../src/store/tenants.ts';
import { describeEngines, freshStore, tenantRows } from '../support/stores.ts';

const AT = '2026-11-21T10:00:00.000Z';
const meta = { by: 'U1', at: AT };

describeEngines('store isolation', (engine) => {
  let store: Store;
  let a: TenantId;
  let b: TenantId;
  let bAccount: number;
  let bPolicy: { id: number; number: number };
  let bClaim: number;
  let snapshot: () => Promise<string>;

  beforeAll(async () => {
    store = await freshStore(engine);
    const db = store.db;
    const tenant = (id: string) =>
      ensureTenant(db, { platform: 'slack', externalId: id }, { timeZone: 'UTC', at: AT });
    b = (await tenant('T-B')).id;
    a = (await tenant('T-A')).id;
    const account = await insertAccount(db, b, { name: 'acme-us', marketplace: 'US' }, meta);
    bAccount = account.id;
    await recordSales(db, b, bAccount, {
      month: '2026-10',
      amount: usd(77_777),
      source: 'x',
      recordedOn: '2026-11-01',
      at: AT,
      by: 'U1',
    });
    await insertRequest(db, b, bAccount, { requestedOn: '2026-11-01', by: 'U1', at: AT });
    const policy = await insertPolicy(
      db,
      b,
      bAccount,
      { currency: 'USD', effectiveOn: '2026-01-01', expiresOn: '2027-01-01' },
      meta,
    );
    bPolicy = { id: policy.id, number: policy.number };
    bClaim = (
      await insertClaim(
        db,
        b,
        bAccount,
        { amazonClaimId: 'AZ-B', kind: 'property-damage', amount: usd(650), noticeOn: '2026-11-18' },
        meta,
      )
    ).id;
    await addGrant(db, b, { kind: 'user', subjectId: 'U42', by: 'U1', at: AT });
    await audit(db, b, { actor: 'U1', action: 'x', subject: 'y', at: AT });
    await enqueueAlerts(db, b, [{ key: 'k', kind: 'policy-expiring', payload: '{}' }], AT);
    // Team A has an account of the same name, so "wrong tenant" is never "no such name".
    await insertAccount(db, a, { name: 'acme-us', marketplace: 'US' }, meta);
    snapshot = () => tenantRows(db, b);
  });
  afterAll(() => store?.close());

  it('reads by id see nothing of the other team', async () => {
    const db = store.db;
    expect(await getPolicy(db, a, bPolicy.number)).toBeUndefined();
    expect(await listPolicies(db, a, bAccount)).toEqual([]);
    expect(await listRevisions(db, a, bAccount)).toEqual([]);
    expect(await listRequests(db, a, bAccount)).toEqual([]);
    expect(await listClaims(db, a, { accountId: bAccount })).toEqual([]);
    expect(await findClaim(db, a, 'AZ-B')).toBeUndefined();
    expect(await listClaimEvents(db, a, bClaim)).toEqual([]);
    expect(await loadTenantState(db, a, bAccount)).toEqual([]);
    expect(await hasRecords(db, a, bAccount)).toBe(false);
    expect((await listAccounts(db, a)).map((x) => x.id)).not.toContain(bAccount);
    expect((await findAccount(db, a, 'acme-us'))?.id).not.toBe(bAccount);
    expect(await listGrants(db, a)).toEqual([]);
    expect(await listAudit(db, a)).toEqual([]);
    expect(await listAlerts(db, a)).toEqual([]);
    expect(await outboxCounts(db, a)).toEqual({ pending: 0, sent: 0, failed: 0 });
    // …while the owner sees its own: the reads above are empty because of the tenant, not the data.
    expect((await getPolicy(db, b, bPolicy.number))?.id).toBe(bPolicy.id);
    expect(await listRevisions(db, b, bAccount)).toHaveLength(1);
    expect(await loadTenantState(db, b, bAccount)).toHaveLength(1);
  });

  it('writes by id change nothing of the other team', async () => {
    const db = store.db;
    const before = await snapshot();
    expect(await updatePolicy(db, a, bPolicy.id, { insurer: 'hijack' }, AT)).toBeUndefined();
    expect(await removePolicy(db, a, bPolicy.id, AT)).toBe(false);
    expect(await removeAccount(db, a, bAccount, AT)).toBe(false);
    await expect(updateAccount(db, a, bAccount, { legalName: 'hijack' })).rejects.toThrow();
    await expect(updateClaim(db, a, bClaim, { status: 'closed' }, meta)).rejects.toThrow();
    expect(await removeGrant(db, a, 'user', 'U42')).toBe(false);
    expect(await snapshot()).toBe(before);
  });

  it("inserts naming the other team's account are refused", async () => {
    const db = store.db;
    const before = await snapshot();
    await expect(
      recordSales(db, a, bAccount, {
        month: '2026-09',
        amount: usd(1),
        source: 'x',
        recordedOn: '2026-11-01',
        at: AT,
        by: 'U1',
      }),
    ).rejects.toThrow(/not an account of tenant/);
    await expect(
      insertRequest(db, a, bAccount, { requestedOn: '2026-11-02', by: 'U1', at: AT }),
    ).rejects.toThrow(/not an account of tenant/);
    await expect(
      insertPolicy(
        db,
        a,
        bAccount,
        { currency: 'USD', effectiveOn: '2026-01-01', expiresOn: '2027-01-01' },
        meta,
      ),
    ).rejects.toThrow(/not an account of tenant/);
    await expect(
      insertClaim(
        db,
        a,
        bAccount,
        { amazonClaimId: 'AZ-X', kind: 'property-damage', amount: usd(1), noticeOn: '2026-11-18' },
        meta,
      ),
    ).rejects.toThrow(/not an account of tenant/);
    expect(await snapshot()).toBe(before);
    const counts = await sql<{
      n: number;
    }>`select count(*) as n from sales_revisions where tenant_id = ${a}`.execute(db);
    expect(Number(counts.rows[0]!.n)).toBe(0);
  });
});
