// Answers a seller acts on, through the commands: the three standings agree across check, policy
// show and claim status; bad inputs that used to be misread are refused; one account's bad data
// never stops the sweep, and the team is told.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../src/alerts/sweep.ts';
import type { Store } from '../../src/store/db.ts';
import { type Harness, harness } from '../support/harness.ts';
import { freshStore } from '../support/stores.ts';

let store: Store;
let h: Harness;

beforeAll(async () => {
  store = await freshStore('sqlite');
  h = harness(store, '2026-11-21T18:00:00Z');
});
afterAll(async () => {
  await store?.close();
});

const POLICY =
  'effective:2026-11-01 expires:2027-11-01 per-occurrence:1m aggregate:2m products-aggregate:2m deductible:2500 basis:occurrence form:general products:yes ai:"Amazon.com Services LLC and its affiliates and assignees" insured:"Acme Goods LLC"';

describe('one standing, everywhere', () => {
  it('held but not uploaded: check, policy show and claim status all say Amazon has no proof', async () => {
    const ctx = await h.context({ tenant: 'T-standing' });
    await h.run(ctx, '/insurance account add acme-us US legal:"Acme Goods LLC"');
    await h.run(ctx, '/insurance sales record acme-us 2026-10 12,000');
    await h.run(ctx, `/insurance policy add acme-us ${POLICY}`);
    const check = await h.run(ctx, '/insurance check acme-us');
    expect(check.title).toBe('Insurance check: acme-us — Required — insured, but Amazon has no proof');
    expect(check.text).toContain('Insured but not uploaded: policy #1 is in force until 2027-11-01');
    expect((await h.run(ctx, '/insurance policy show 1')).title).toBe(
      'Policy: policy #1 for acme-us — compliant, not uploaded to Amazon',
    );
    const claim = await h.run(ctx, '/claim open acme-us AZ-S1 650 2026-11-20');
    expect(claim.text).toContain(
      'Amazon pays the customer; you repay USD 650.00 unless proof is on file by 2026-11-27',
    );
    // Uploaded inside the window: on time, judged on the day it was uploaded.
    await h.run(ctx, '/insurance policy uploaded 1 2026-11-21');
    expect((await h.run(ctx, '/insurance check acme-us')).title).toBe(
      'Insurance check: acme-us — Required — proof on file',
    );
    const after = await h.run(ctx, '/claim status AZ-S1');
    expect(after.text).toContain('Proof of insurance was provided on 2026-11-21 (policy #1)');
    expect(after.text).toContain('Who bears the cost\nAmazon (it does not seek reimbursement)');
  });

  it('a policy with only dates is unverified, says what is missing, and can be completed with policy set', async () => {
    const ctx = await h.context({ tenant: 'T-bare' });
    await h.run(ctx, '/insurance account add bare-us US legal:"Bare LLC"');
    await h.run(ctx, '/insurance sales record bare-us 2026-10 12,000');
    const add = await h.run(
      ctx,
      '/insurance policy add bare-us effective:2026-11-01 expires:2027-11-01 uploaded:2026-11-02',
    );
    const id = /policy #(\d+)/.exec(add.title)?.[1];
    expect(add.title).toBe(`Added: policy #${id} for bare-us — unverified, proof on file`);
    const check = await h.run(ctx, '/insurance check bare-us');
    expect(check.text).toContain(`Policy #${id} is unverified: per-occurrence limit, aggregate limit,`);
    expect(check.text).toContain('Amazon may reject it');
    const set = await h.run(
      ctx,
      `/insurance policy set ${id} per-occurrence:1m aggregate:2m products-aggregate:2m deductible:0 basis:occurrence form:general products:yes ai:"Amazon.com Services LLC and its affiliates and assignees" insured:"Bare LLC"`,
    );
    expect(set.title).toBe(`Updated: policy #${id} for bare-us — compliant, proof on file`);
    expect((await h.run(ctx, `/insurance policy set ${id} expires:2026-10-01`)).title).toBe(
      'expires: the expiry date must be after the effective date',
    );
  });

  it('an insured name with no legal name on the account asks for the legal name, not the policy’s details', async () => {
    const ctx = await h.context({ tenant: 'T-no-legal' });
    await h.run(ctx, '/insurance account add nolegal-us US');
    await h.run(ctx, '/insurance sales record nolegal-us 2026-10 12,000');
    const add = await h.run(
      ctx,
      '/insurance policy add nolegal-us effective:2026-11-01 expires:2027-11-01 per-occurrence:1m aggregate:2m products-aggregate:2m deductible:0 basis:occurrence form:general products:yes ai:"Amazon.com Services LLC and its affiliates and assignees" insured:"No Legal LLC" uploaded:2026-11-02',
    );
    expect(add.title).toMatch(/unverified, proof on file$/);
    const check = await h.run(ctx, '/insurance check nolegal-us');
    expect(check.text).not.toContain('never given');
    expect(check.text).toContain(
      'names "No Legal LLC" as insured, but the account has no legal entity name to check it against',
    );
    expect(check.text).toContain(
      'Next: give the account its legal entity name, exactly as Seller Central shows it: /insurance account set nolegal-us legal:"…"',
    );
    // A legal name in Chinese characters against an English insured name: compared by nobody, said so.
    await h.run(ctx, '/insurance account set nolegal-us legal:"深圳某某科技有限公司"');
    const script = await h.run(ctx, '/insurance check nolegal-us');
    expect(script.text).toContain(
      'the account’s legal entity name "深圳某某科技有限公司" is in another script',
    );
    expect(script.text).toContain('Next: give the account its legal entity name');
    await h.run(ctx, '/insurance account set nolegal-us legal:"No Legal LLC"');
    expect((await h.run(ctx, '/insurance check nolegal-us')).title).toBe(
      'Insurance check: nolegal-us — Required — proof on file',
    );
  });
});

describe('every check says what to do next', () => {
  /** One account's part of a team check's text: from its heading to the next account's. */
  const section = (text: string | undefined, account: string) => {
    const lines = text?.split('\n') ?? [];
    const from = lines.findIndex((l) => l.startsWith(`${account} ·`));
    const to = lines.findIndex((l, i) => i > from && / · Amazon\.com /.test(l));
    return from < 0 ? [] : lines.slice(from, to < 0 ? undefined : to);
  };
  const nextOf = (text: string | undefined, account: string) =>
    section(text, account).find((l) => l.startsWith('Next:'));

  it('one next step per account, with the command that does it, and none when all is well', async () => {
    const ctx = await h.context({ tenant: 'T-next' });
    for (const name of [
      'due-us',
      'held-us',
      'bad-us',
      'soon-us',
      'near-us',
      'quiet-us',
      'done-us',
      'gone-us',
    ])
      await h.run(ctx, `/insurance account add ${name} US legal:"Acme Goods LLC"`);
    for (const name of ['due-us', 'held-us', 'bad-us', 'soon-us', 'done-us', 'gone-us'])
      await h.run(ctx, `/insurance sales record ${name} 2026-10 12,000`);
    await h.run(ctx, '/insurance sales record near-us 2026-11-20 8,500');
    await h.run(ctx, '/insurance sales record quiet-us 2026-10 1,000');
    await h.run(ctx, `/insurance policy add held-us ${POLICY}`); // #1, not uploaded
    await h.run(ctx, `/insurance policy add bad-us ${POLICY.replace('deductible:2500', 'deductible:25000')}`); // #2
    await h.run(
      ctx,
      `/insurance policy add soon-us ${POLICY.replace('effective:2026-11-01', 'effective:2026-12-05').replace('expires:2027-11-01', 'expires:2027-12-05')}`,
    ); // #3
    await h.run(ctx, `/insurance policy add done-us ${POLICY} uploaded:2026-11-02`); // #4
    await h.run(
      ctx,
      `/insurance policy add gone-us ${POLICY.replace('effective:2026-11-01 expires:2027-11-01', 'effective:2025-11-01 expires:2026-11-10')} uploaded:2025-11-02`,
    ); // #5, lapsed
    const text = (await h.run(ctx, '/insurance check')).text;
    expect(nextOf(text, 'due-us')).toBe(
      'Next: buy a policy naming "Amazon.com Services LLC and its affiliates and assignees" as additional insured and record it with /insurance policy add due-us …, or check the broker’s certificate first with /insurance policy read due-us <file>.',
    );
    // Held but not uploaded: the reason itself says to upload it, with the command; no second line.
    expect(section(text, 'held-us')).toContain(
      'Insured but not uploaded: policy #1 is in force until 2027-11-01, but Amazon has no proof of it. Upload the certificate in Seller Central, then /insurance policy uploaded 1.',
    );
    expect(nextOf(text, 'held-us')).toBeUndefined();
    // Lapsed: renewing is the usual way back.
    expect(nextOf(text, 'gone-us')).toBe(
      'Next: renew the policy, or buy a new one, naming "Amazon.com Services LLC and its affiliates and assignees" as additional insured and record it with /insurance policy add gone-us …, or check the broker’s certificate first with /insurance policy read gone-us <file>.',
    );
    expect(nextOf(text, 'bad-us')).toBe(
      'Next: ask the insurer for an endorsement or a corrected certificate; /insurance policy broker-email 2 drafts the email.',
    );
    expect(nextOf(text, 'soon-us')).toBe(
      'Next: once policy #3 starts on 2026-12-05, upload its certificate in Seller Central and run /insurance policy uploaded 3.',
    );
    expect(nextOf(text, 'near-us')).toBe('Next: get a quote now, so a policy can start in time.');
    // Nothing to do: no next step.
    expect(section(text, 'quiet-us').length).toBeGreaterThan(3);
    expect(nextOf(text, 'quiet-us')).toBeUndefined();
    expect(section(text, 'done-us')).toContain('Required — proof on file');
    expect(nextOf(text, 'done-us')).toBeUndefined();
  });
});

describe('inputs that used to be misread', () => {
  it('"10 000" is refused as ambiguous, and nothing is stored', async () => {
    const ctx = await h.context({ tenant: 'T-input' });
    await h.run(ctx, '/insurance account add in-us US');
    const before = await h.counts();
    const r = await h.run(ctx, '/insurance sales record in-us 2026-10 10 000');
    expect(r.title).toBe('Amount is ambiguous: write it without spaces, e.g. 10,000 or 10000 (got "10 000")');
    expect(await h.counts()).toEqual(before);
  });

  it('future upload days and response deadlines before the notice are refused', async () => {
    const ctx = await h.context({ tenant: 'T-input' });
    expect(
      (
        await h.run(
          ctx,
          '/insurance policy add in-us effective:2026-11-01 expires:2027-11-01 uploaded:2026-12-01',
        )
      ).title,
    ).toBe(
      'uploaded: 2026-12-01 is in the future (today is 2026-11-21 in America/Los_Angeles, where the account’s days are counted).',
    );
    expect((await h.run(ctx, '/claim open in-us AZ-F1 650 2026-11-18 due:2026-11-10')).title).toBe(
      'due: 2026-11-10 is before Amazon’s notice of 2026-11-18.',
    );
    await h.run(ctx, '/claim open in-us AZ-F2 1500 2026-11-18');
    // A claim with no deadline recorded is told the command that records it, with its own id.
    expect((await h.run(ctx, '/claim status AZ-F2')).text).toContain('/claim update AZ-F2 due:YYYY-MM-DD.');
    expect((await h.run(ctx, '/claim update AZ-F2 charged:2026-12-01')).title).toBe(
      'charged: 2026-12-01 must be between Amazon’s notice (2026-11-18) and today (2026-11-21 in America/Los_Angeles).',
    );
  });

  it('a policy added again with the same dates and number is pointed out, with both ways to undo it', async () => {
    const ctx = await h.context({ tenant: 'T-twin' });
    await h.run(ctx, '/insurance account add twin-us US');
    const add = '/insurance policy add twin-us effective:2026-11-01 expires:2027-11-01 number:GL-1';
    expect((await h.run(ctx, add)).text).not.toContain('has the same dates');
    expect((await h.run(ctx, add)).lines).toContain(
      'Policy #1 has the same dates and number. If this certificate replaces it, remove the old one with /insurance policy remove 1; if it was added twice, /insurance policy remove 2.',
    );
    // Another number is another policy (a second insurer's, an umbrella): nothing to say.
    expect((await h.run(ctx, `${add.replace('GL-1', 'UMB-9')}`)).text).not.toContain('has the same dates');
    // A removed one is no twin.
    await h.run(ctx, '/insurance policy remove 1');
    await h.run(ctx, '/insurance policy remove 2');
    expect((await h.run(ctx, add)).text).not.toContain('has the same dates');
  });

  it('a month one cent over the threshold reads 100 % and over it, never 100 % and under', async () => {
    const ctx = await h.context({ tenant: 'T-cent' });
    await h.run(ctx, '/insurance account add cent-us US');
    const over = await h.run(ctx, '/insurance sales record cent-us 2026-11-20 10,000.01');
    expect(over.text).toContain('USD 10,000.01 through 2026-11-20 — 100% of USD 10,000, over it');
    const at = await h.run(ctx, '/insurance sales record cent-us 2026-11-20 10,000');
    expect(at.text).toContain('USD 10,000.00 through 2026-11-20 — 100% of USD 10,000\n');
  });

  it('a claim is found whatever the case of its id, and cannot be recorded twice that way', async () => {
    const ctx = await h.context({ tenant: 'T-claim-case' });
    await h.run(ctx, '/insurance account add case-us US');
    await h.run(ctx, '/claim open case-us AZ-77 650 2026-11-18');
    expect((await h.run(ctx, '/claim open case-us az-77 650 2026-11-18')).title).toBe(
      'Claim AZ-77 is already recorded.',
    );
    expect((await h.run(ctx, '/claim respond az-77 sent to the insurer')).title).toBe(
      'Claim AZ-77 marked responded',
    );
    expect((await h.run(ctx, '/claim status Az-77')).text).toContain('AZ-77 · case-us');
  });

  it('a recorded charge day gives the appeal date', async () => {
    const ctx = await h.context({ tenant: 'T-charge' });
    await h.run(ctx, '/insurance account add ch-us US');
    await h.run(ctx, '/insurance sales record ch-us 2026-09 12,000');
    await h.run(ctx, '/claim open ch-us AZ-C1 800 2026-11-01');
    const r = await h.run(ctx, '/claim update AZ-C1 charged:2026-11-15');
    expect(r.text).toContain(
      'you: Amazon paid the customer and expects USD 800.00 back (may withhold funds; appeal within 30 days, by 2026-12-15)',
    );
  });

  it("changing an account's marketplace after sales are recorded is refused, with the way forward", async () => {
    const ctx = await h.context({ tenant: 'T-market' });
    await h.run(ctx, '/insurance account add acme-us US');
    expect((await h.run(ctx, '/insurance account set acme-us marketplace:UK')).title).toBe('Updated acme-us');
    await h.run(ctx, '/insurance account set acme-us marketplace:US');
    await h.run(ctx, '/insurance sales record acme-us 2026-10 12,000');
    const r = await h.run(ctx, '/insurance account set acme-us marketplace:UK');
    expect(r.title).toBe(
      'acme-us already has sales, policies or claims recorded for US; its marketplace cannot change.',
    );
    expect(r.text).toContain('Each Amazon store is its own account');
    expect(r.text).toContain('/insurance account add acme-uk UK');
    expect((await h.run(ctx, '/insurance check acme-us')).title).toContain('Required');
  });
});

describe('one account’s bad data never stops the sweep', () => {
  it('an unreadable row costs its team those alerts only; alerts status says what was skipped', async () => {
    const bad = await h.context({ tenant: 'T-bad', channel: 'C-BAD' });
    const good = await h.context({ tenant: 'T-good', channel: 'C-GOOD' });
    for (const [ctx, name] of [
      [bad, 'broken-us'],
      [good, 'fine-us'],
    ] as const) {
      await h.run(ctx, `/insurance account add ${name} US`);
      await h.run(ctx, `/insurance sales record ${name} 2026-10 12,000`);
      await h.run(ctx, '/insurance alerts here 9 America/Los_Angeles');
    }
    // A hand-edited row: a month that is not a month.
    await sql`update sales_revisions set month = '2026-13' where account_id = (select id from accounts where name = 'broken-us')`.execute(
      store.db,
    );
    const posted: string[] = [];
    const result = await runSweep({
      store,
      notifier: { post: async (tenant, channel) => void posted.push(`${tenant.externalId}/${channel}`) },
      now: () => new Date('2026-11-21T18:00:00Z'),
      owner: 'test',
      defaults: { alertHour: 9 },
      delivery: { pace: () => 0 },
    });
    expect(result.delivered).toBeGreaterThan(0);
    expect(posted.every((p) => p === 'T-good/C-GOOD')).toBe(true);
    const status = await h.run(bad, '/insurance alerts status');
    expect(status.tone).toBe('warn');
    expect(status.text).toContain(
      'No alerts could be planned for this team in the last sweep: invalid row in sales_revisions',
    );
    expect((await h.run(good, '/insurance alerts status')).text).not.toContain('could be planned');
  });
});

describe('alert keys follow the account, not its name', () => {
  it('a renamed account is not alerted again; a new account reusing a removed name is', async () => {
    const ctx = await h.context({ tenant: 'T-rename', channel: 'C-RENAME' });
    await h.run(ctx, '/insurance account add acme-us US');
    await h.run(ctx, '/insurance sales record acme-us 2026-11 12,000');
    await h.run(ctx, '/insurance alerts here 9 America/Los_Angeles');
    const posted: string[] = [];
    const sweep = (day: string) =>
      runSweep({
        store,
        notifier: {
          post: async (tenant, _channel, reply) =>
            void (tenant.externalId === 'T-rename' && posted.push(reply.title)),
        },
        now: () => new Date(`${day}T18:00:00Z`),
        owner: 'test',
        defaults: { alertHour: 9 },
        delivery: { pace: () => 0 },
      });
    await sweep('2026-11-21');
    expect(posted).toEqual(['acme-us must now carry product liability insurance']);
    await h.run(ctx, '/insurance account set acme-us rename:acme-usa');
    await sweep('2026-11-21');
    expect(posted).toHaveLength(1);
    await h.run(ctx, '/insurance account remove acme-usa');
    await h.run(ctx, '/insurance account add acme-usa US');
    await h.run(ctx, '/insurance sales record acme-usa 2026-11 13,000');
    await sweep('2026-11-21');
    expect(posted).toEqual([
      'acme-us must now carry product liability insurance',
      'acme-usa must now carry product liability insurance',
    ]);
  });
});
