// Tenant isolation across every command, generated from the catalogue: each command's example runs
// in team A while team B holds records with the same names and ids in reach; B's records never
// change and never appear in A's answers.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../commands/catalogue.ts';
import { example } from '../../commands/spec.ts';
import type { Store } from '../../src/store/db.ts';
import type { TenantId } from '../../src/store/tenants.ts';
import { type Harness, harness } from '../support/harness.ts';
import { freshStore } from '../support/stores.ts';

let store: Store;
let h: Harness;
let bId: TenantId;
const B_MARKERS = ['77,777.77', 'Bravo Holdings', 'bravo-note', 'C-BRAVO'];

const TABLES = [
  'accounts',
  'sales_revisions',
  'proof_requests',
  'policies',
  'claims',
  'claim_events',
  'manager_grants',
] as const;
async function rowsOf(tenant: TenantId): Promise<string> {
  const out: string[] = [];
  for (const t of TABLES)
    out.push(
      JSON.stringify(
        (await sql`select * from ${sql.table(t)} where tenant_id = ${tenant} order by id`.execute(store.db))
          .rows,
      ),
    );
  out.push(
    JSON.stringify(
      (
        await sql`select alert_channel, alert_hour, time_zone from tenants where id = ${tenant}`.execute(
          store.db,
        )
      ).rows,
    ),
  );
  return out.join('\n');
}

beforeAll(async () => {
  store = await freshStore('sqlite');
  h = harness(store);
  // Team B first, so it owns policy ids 1-3 (the examples use #3) and the claim id in the examples.
  const b = await h.context({ tenant: 'G-BRAVO', platform: 'discord', channel: 'C-BRAVO' });
  bId = b.scope.tenant.id;
  await h.run(b, '/insurance account add acme-us US legal:"Bravo Holdings"');
  await h.run(b, '/insurance sales record acme-us 2026-10 77,777.77');
  await h.run(b, '/insurance request acme-us 2026-11-01 bravo-note');
  for (let i = 0; i < 3; i++)
    await h.run(
      b,
      '/insurance policy add acme-us effective:2026-01-01 expires:2027-01-01 insured:"Bravo Holdings"',
    );
  await h.run(b, '/claim open acme-us AZ-123456 650 2026-11-18');
  await h.run(b, '/insurance alerts here');
  await h.run(b, '/insurance access grant <@U42>');
});
afterAll(() => store.close());

describe('every command keeps to its own team', () => {
  for (const spec of CATALOGUE) {
    it(`/${spec.path.join(' ')}`, async () => {
      const a = await h.context({ tenant: 'T-ALPHA', platform: 'slack', channel: 'C-ALPHA' });
      if (!(await h.run(a, '/insurance account list')).table) {
        await h.run(a, '/insurance account add acme-us US legal:"Alpha LLC"');
        await h.run(a, '/insurance sales record acme-us 2026-10 1,000');
      }
      const before = await rowsOf(bId);
      const reply = await h.run(a, example(spec));
      expect(await rowsOf(bId)).toBe(before);
      for (const marker of B_MARKERS)
        expect(reply.text, `${example(spec)} leaked ${marker}`).not.toContain(marker);
    });
  }
});
