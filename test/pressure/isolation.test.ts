// Tenant isolation across every command, generated from the catalogue. Team B holds records with the
// same names and numbers as team A (account acme-us, policies #1-#3, claim AZ-123456). Each command's
// example runs in a fresh team A of its own, and must (1) give exactly the answer A's own records
// call for — so the test fails if a command breaks, not only if it leaks — (2) never show B's
// records, and (3) leave B's rows untouched. No reply may be the catch-all "Something went wrong".
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../commands/catalogue.ts';
import { example } from '../../commands/spec.ts';
import { wordsFor } from '../../src/i18n/index.ts';
import type { Store } from '../../src/store/db.ts';
import type { TenantId } from '../../src/store/tenants.ts';
import { type Harness, harness } from '../support/harness.ts';
import { freshStore, tenantRows } from '../support/stores.ts';

let store: Store;
let h: Harness;
let bId: TenantId;
const B_MARKERS = ['77,777.77', 'Bravo Holdings', 'bravo-note', 'C-BRAVO'];

/** What each command's example must answer in team A, from A's own records. */
const EXPECTED: Record<string, string> = {
  'insurance check': 'Insurance check: acme-us — Not required',
  'insurance account add': 'An account named "acme-us" already exists.',
  'insurance account list': '1 seller account',
  'insurance account set': 'Updated acme-usa',
  'insurance account remove': 'Removed acme-us',
  'insurance sales record': 'Recorded USD 12,480.50 for acme-us in 2026-10 (was USD 1,000.00)',
  'insurance sales import':
    'In Slack, share the report file in a message, then use “Import sales report” on that message; in Discord, attach it to the command; at the terminal, give its path.',
  'insurance sales list': 'Sales of acme-us',
  'insurance account connect':
    'A refresh token is a password to your Amazon data: it is never taken from message text. Send /insurance account connect <account> without it and enter it in the private form that opens. Nothing was stored; if you sent it here, revoke it in Seller Central and authorize again.',
  'insurance account disconnect': 'acme-us is not connected to Amazon.',
  'insurance sales sync':
    'Amazon is not set up on this coverwatch: its operator sets AMAZON_LWA_CLIENT_ID, AMAZON_LWA_CLIENT_SECRET and COVERWATCH_SECRET_KEY (see .env.example). Until then, type or import sales.',
  'insurance sales history': 'acme-us 2026-10: 1 revision',
  'insurance request': 'Recorded Amazon’s request of 2026-11-03 for acme-us',
  'insurance policy add': 'Added: policy #4 for acme-us — unverified, not uploaded to Amazon',
  'insurance policy set': 'Updated: policy #3 for acme-us — unverified, not uploaded to Amazon',
  'insurance policy list': '3 policies on file',
  'insurance policy show': 'Policy: policy #3 for acme-us — unverified, not uploaded to Amazon',
  'insurance policy uploaded': 'Marked uploaded: policy #3 for acme-us — unverified, proof on file',
  'insurance policy remove': 'Removed policy #3 of acme-us',
  'insurance policy read':
    'In Slack, share the certificate PDF in a message, then use “Check this certificate” on that message; in Discord, attach it to the command; at the terminal, give its path.',
  'insurance policy confirm':
    'There is no certificate check with the code 3fa9c1. Read the certificate again: /insurance policy read <account> <file>.',
  'insurance policy rejected': 'Amazon’s message about acme-us’s certificate names 1 requirement',
  'insurance policy broker-email': 'Email to the broker for policy #3 (acme-us)',
  'insurance settings': 'Language changed',
  'insurance alerts here': 'Alerts will be posted in this channel',
  'insurance alerts off': 'Alerts are off',
  'insurance alerts status': 'Alerts are on',
  'insurance alerts test': 'Test alert posted',
  'insurance access grant': '<@maria> could already manage coverwatch',
  'insurance access revoke': 'Grant removed',
  'insurance access list': '1 grant',
  'insurance help': '/insurance sales record',
  'claim open': 'Claim AZ-123456 is already recorded.',
  'claim status': 'Claim AZ-123456',
  'claim respond': 'Claim AZ-123456 marked responded',
  'claim update': 'Claim AZ-123456 updated',
  'claim close': 'Claim AZ-123456 closed',
  'claim help': '/claim open',
};

async function rowsOf(tenant: TenantId): Promise<string> {
  const out = [await tenantRows(store.db, tenant)];
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

/** The same shape of records in any team: names, numbers and ids collide across teams on purpose. */
async function records(
  ctx: Awaited<ReturnType<Harness['context']>>,
  legal: string,
  amount: string,
  note: string,
) {
  await h.run(ctx, `/insurance account add acme-us US legal:"${legal}"`);
  await h.run(ctx, `/insurance sales record acme-us 2026-10 ${amount}`);
  await h.run(ctx, `/insurance request acme-us 2026-11-01 ${note}`);
  for (let i = 0; i < 3; i++)
    await h.run(
      ctx,
      `/insurance policy add acme-us effective:2026-01-01 expires:2027-01-01 insured:"${legal}"`,
    );
  await h.run(ctx, '/claim open acme-us AZ-123456 650 2026-11-18');
  await h.run(ctx, '/insurance alerts here');
  await h.run(ctx, '/insurance access grant <@maria>');
}

beforeAll(async () => {
  store = await freshStore('sqlite');
  h = harness(store);
  const b = await h.context({ tenant: 'G-BRAVO', platform: 'discord', channel: 'C-BRAVO' });
  bId = b.scope.tenant.id;
  await records(b, 'Bravo Holdings', '77,777.77', 'bravo-note');
});
afterAll(() => store.close());

describe('every command keeps to its own team', () => {
  it('the expectations cover every command in the catalogue', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(CATALOGUE.map((s) => s.path.join(' ')).sort());
  });

  for (const spec of CATALOGUE) {
    const name = spec.path.join(' ');
    it(`/${name}`, async () => {
      const a = await h.context({
        tenant: `T-ALPHA-${spec.path.join('-')}`,
        platform: 'slack',
        channel: 'C-ALPHA',
      });
      await records(a, 'Alpha LLC', '1,000', 'alpha-note');
      const before = await rowsOf(bId);
      const reply = await h.run(a, example(spec, wordsFor()));
      expect(reply.title, example(spec, wordsFor())).toBe(EXPECTED[name]);
      expect(reply.text).not.toMatch(/Something went wrong/);
      expect(await rowsOf(bId)).toBe(before);
      for (const marker of B_MARKERS)
        expect(reply.text, `${example(spec, wordsFor())} leaked ${marker}`).not.toContain(marker);
    });
  }
});
