// Every command through the catalogue, on a real SQLite store: happy paths, each class of bad
// input (with nothing written), permissions, and two tenants side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../commands/catalogue.ts';
import { runText } from '../../commands/run.ts';
import { commandName, example } from '../../commands/spec.ts';
import { wordsFor } from '../../src/i18n/index.ts';
import type { Store } from '../../src/store/db.ts';
import { type Harness, harness } from '../support/harness.ts';
import { freshStore } from '../support/stores.ts';

let store: Store;
let h: Harness;

beforeAll(async () => {
  store = await freshStore('sqlite');
  h = harness(store);
});
afterAll(() => store.close());

describe('happy paths', () => {
  it('account add/list/set/remove', async () => {
    const ctx = await h.context({ tenant: 'T-happy' });
    expect(
      (await h.run(ctx, '/insurance account add acme-us US legal:"Acme Goods LLC" owner:<@U7|maria>')).title,
    ).toBe('Added acme-us (Amazon.com (United States))');
    await h.run(ctx, '/insurance account add acme-uk UK');
    const list = await h.run(ctx, '/insurance account list');
    expect(list.table?.rows).toEqual([
      ['acme-uk', 'UK', '—', '—'],
      ['acme-us', 'US', 'Acme Goods LLC', '<@U7>'],
    ]);
    const set = await h.run(ctx, '/insurance account set acme-uk dba:"Acme Kitchen" tz:Europe/London');
    expect(set.fields).toContainEqual({ label: 'Time zone', value: 'Europe/London' });
    expect((await h.run(ctx, '/insurance account remove acme-uk')).title).toBe('Removed acme-uk');
    expect((await h.run(ctx, '/insurance account list')).table?.rows).toHaveLength(1);
  });

  it('sales record/list/history, check, request', async () => {
    const ctx = await h.context({ tenant: 'T-happy' });
    const rec = await h.run(ctx, '/insurance sales record acme-us 2026-10 12,480.50 Seller Central report');
    expect(rec.title).toBe('Recorded USD 12,480.50 for acme-us in 2026-10');
    expect(rec.text).toContain('Deadline\n2026-11-30 (9 days left)');
    const again = await h.run(ctx, '/insurance sales record acme-us 2026-10 $12,600');
    expect(again.title).toBe('Recorded USD 12,600.00 for acme-us in 2026-10 (was USD 12,480.50)');
    await h.run(ctx, '/insurance sales record acme-us 2026-11 8.5k');
    const list = await h.run(ctx, '/insurance sales list acme-us');
    expect(list.table?.rows.map((r) => r.slice(0, 2))).toEqual([
      ['2026-11', 'USD 8,500.00'],
      ['2026-10', 'USD 12,600.00'],
    ]);
    const history = await h.run(ctx, '/insurance sales history acme-us');
    expect(history.preformatted?.split('\n')).toHaveLength(12);
    expect(history.preformatted).toMatch(/^2026-10 █+\|█+ USD 12,600.00 126% over$/m);
    expect(history.preformatted).toMatch(/^2026-11 █+·*\|·* USD 8,500.00 {2}85%$/m);
    const revisions = await h.run(ctx, '/insurance sales history acme-us 2026-10');
    expect(revisions.table?.rows.map((r) => [r[1], r[2], r[4]])).toEqual([
      ['USD 12,480.50', '—', 'Seller Central report'],
      ['USD 12,600.00', 'USD 12,480.50', 'manual'],
    ]);
    const check = await h.run(ctx, '/insurance check');
    expect(check.title).toBe('Insurance check: acme-us — Required — insurance due');
    // October was over; November is not, but the obligation stays for the rest of the term.
    expect(check.citations?.map((c) => c.id)).toEqual(['US-THRESHOLD-1M', 'OBLIGATION-TERM', 'DEADLINE-30D']);
    expect(check.text).toContain('stays required for the rest of the agreement’s term');
    const past = await h.run(ctx, '/insurance check acme-us as-of:2026-09-30');
    expect(past.title).toBe('Insurance check: acme-us — Not required');
    const req = await h.run(ctx, '/insurance request acme-us 2026-10-05 Amazon performance notification');
    expect(req.text).toContain('Required\nyes, since 2026-10-05');
    expect(req.text).toContain('Deadline\n2026-11-04 (passed 17 days ago)');
  });

  it('policy add/list/show/uploaded/remove with field-by-field findings', async () => {
    const ctx = await h.context({ tenant: 'T-happy' });
    const add = await h.run(
      ctx,
      '/insurance policy add acme-us effective:2026-11-01 expires:2027-11-01 per-occurrence:1m aggregate:2m products-aggregate:2m deductible:2500 basis:occurrence form:general products:yes covers-us:yes ai:"Amazon.com Services LLC and its affiliates and assignees" insured:"Acme Goods LLC" insurer:"Hartford" rating:A+ notice-days:30',
    );
    // Compliant, but held is not proof: Amazon has nothing until it is uploaded.
    expect(add.title).toBe('Added: policy #1 for acme-us — compliant, not uploaded to Amazon');
    expect(add.tone).toBe('warn');
    const check = await h.run(ctx, '/insurance check acme-us');
    expect(check.title).toBe('Insurance check: acme-us — Required — insured, but Amazon has no proof');
    expect(check.text).toContain('Proof on file with Amazon\nno — upload the certificate in Seller Central');
    const list = await h.run(ctx, '/insurance policy list');
    expect(list.table?.rows[0]).toEqual([
      '1',
      'acme-us',
      '2026-11-01 → 2027-11-01',
      'compliant',
      'no',
      'not uploaded',
    ]);
    const up = await h.run(ctx, '/insurance policy uploaded 1 2026-11-02');
    expect(up.title).toBe('Marked uploaded: policy #1 for acme-us — compliant, proof on file');
    expect(up.text).toContain('✅ Uploaded on 2026-11-02, valid 364 days after that.');
    expect((await h.run(ctx, '/insurance check acme-us')).title).toBe(
      'Insurance check: acme-us — Required — proof on file',
    );
    expect((await h.run(ctx, '/insurance policy show #1')).text).toContain('Uploaded to Amazon\n2026-11-02');
    const bad = await h.run(
      ctx,
      '/insurance policy add acme-us effective:2026-11-01 expires:2027-11-01 deductible:25k ai:"Amazon.com, Inc."',
    );
    expect(bad.title).toBe('Added: policy #2 for acme-us — DEFICIENT');
    expect(bad.text).toContain('❌ Deductible USD 25,000 is above USD 10,000.');
    expect(bad.text).toContain('❌ Additional insured "Amazon.com, Inc." is not Amazon’s exact wording');
    expect((await h.run(ctx, '/insurance policy remove 2')).title).toBe('Removed policy #2 of acme-us');
    expect((await h.run(ctx, '/insurance policy show 2')).title).toBe('There is no policy #2.');
  });

  it('check: a policy running out with no renewal on file is said, and sets the tone', async () => {
    const ctx = await h.context({ tenant: 'T-renew' });
    await h.run(ctx, '/insurance account add renew-us US legal:"Renew LLC"');
    await h.run(ctx, '/insurance sales record renew-us 2025-10 15,000');
    const terms =
      'per-occurrence:1m aggregate:2m products-aggregate:2m deductible:2500 basis:occurrence form:general products:yes covers-us:yes ai:"Amazon.com Services LLC and its affiliates and assignees" insured:"Renew LLC" insurer:"Hartford" rating:A+ notice-days:30';
    await h.run(
      ctx,
      `/insurance policy add renew-us effective:2025-11-15 expires:2026-12-10 uploaded:2025-11-16 ${terms}`,
    );
    const soon = await h.run(ctx, '/insurance check renew-us');
    expect(soon.title).toBe('Insurance check: renew-us — Required — proof on file');
    expect(soon.tone).toBe('warn');
    expect(soon.text).toContain(
      'Policy #1 expires in 19 days (2026-12-10) and no renewal is on file: renew it, record it with /insurance policy add, and upload the new certificate to Amazon.',
    );
    expect(soon.citations?.map((c) => c.id)).toContain('POLICY-TERM');
    // The deadline of a year ago is met: not "passed 356 days ago".
    expect(soon.text).toContain('Deadline\n2025-11-30 (insured, proof on file)');
    const early = await h.run(ctx, '/insurance check renew-us as-of:2026-09-01');
    expect(early.tone).toBe('ok');
    expect(early.text).not.toContain('no renewal is on file');
    expect((await h.run(ctx, '/insurance check renew-us as-of:2026-12-05')).tone).toBe('danger');
    // Renewed: the new policy starts when the old one ends, so nothing is due.
    await h.run(ctx, `/insurance policy add renew-us effective:2026-12-10 expires:2027-12-10 ${terms}`);
    const renewed = await h.run(ctx, '/insurance check renew-us');
    expect(renewed.tone).toBe('ok');
    expect(renewed.text).not.toContain('no renewal is on file');
  });

  it('check: an EU account’s rule says its stores’ sales count together, in a sentence that reads', async () => {
    const ctx = await h.context({ tenant: 'T-eu' });
    expect((await h.run(ctx, '/insurance account add shop-de EU')).title).toBe(
      'Added shop-de (Amazon’s European stores (DE, FR, IT, ES, NL, BE))',
    );
    await h.run(ctx, '/insurance sales record shop-de 2026-10 30000');
    const rule = (reply: { citations?: readonly { id: string; text: string }[] | undefined }) =>
      reply.citations?.find((c) => c.id === 'EU-THRESHOLD')?.text;
    expect(rule(await h.run(ctx, '/insurance check'))).toMatch(
      /^\[EU-THRESHOLD\] From 2024-05-29: insurance is required once sales across Amazon’s European stores \(DE, FR, IT, ES, NL, BE\), counted together, exceed EUR 5,000 in any one calendar month;/,
    );
    await h.run(ctx, '/insurance settings language:zh-CN');
    expect(rule(await h.run(ctx, '/insurance check'))).toContain(
      '亚马逊欧洲各站（德、法、意、西、荷、比）合并计算的销售额在任一自然月超过',
    );
    // Other stores keep "sales on …".
    await h.run(ctx, '/insurance settings language:en');
    await h.run(ctx, '/insurance account add shop-uk UK');
    await h.run(ctx, '/insurance sales record shop-uk 2026-10 5000');
    expect(rule(await h.run(ctx, '/insurance check shop-uk'))).toBeUndefined();
    expect((await h.run(ctx, '/insurance check shop-uk')).citations?.[0]?.text).toMatch(
      /insurance is required once sales on Amazon\.co\.uk \(United Kingdom\) exceed GBP 4,000/,
    );
  });
  it('a team in Shanghai counts its US account’s days as Amazon does, in Los Angeles, unless the account says otherwise', async () => {
    const ctx = await h.context({ tenant: 'T-shanghai' });
    await h.run(ctx, '/insurance alerts here 9 Asia/Shanghai');
    await h.run(ctx, '/insurance account add shop-us US');
    await h.run(ctx, '/insurance sales record shop-us 2026-10 12,000');
    // 04:00 on Dec 1 in Shanghai is noon on Nov 30 in Los Angeles: Amazon's deadline day, not past it.
    h.setNow('2026-11-30T20:00:00.000Z');
    try {
      const check = await h.run(ctx, '/insurance check');
      expect(check.text).toContain('Deadline\n2026-11-30 (today is the last day)');
      expect(check.text).not.toContain('overdue');
      // The team's own day is already Dec 1: the answer says whose day it counts.
      expect(check.sections?.[0]?.heading).toBe(
        'shop-us · Amazon.com (United States) · as of 2026-11-30 in America/Los_Angeles',
      );
      const set = await h.run(ctx, '/insurance account set shop-us dba:"Shop"');
      expect(set.fields).toContainEqual({
        label: 'Time zone',
        value: 'America/Los_Angeles (the store’s, as Amazon counts its days)',
      });
      // The team's own day is not yet Amazon's: a date typed from it is refused, naming the zone.
      const request = await h.run(ctx, '/insurance request shop-us 2026-12-01');
      expect(request.title).toBe(
        'date: 2026-12-01 is in the future (today is 2026-11-30 in America/Los_Angeles, where the account’s days are counted).',
      );
      await h.run(ctx, '/claim open shop-us AZ-SH 650 2026-11-28');
      expect((await h.run(ctx, '/claim update AZ-SH charged:2026-12-01')).title).toBe(
        'charged: 2026-12-01 must be between Amazon’s notice (2026-11-28) and today (2026-11-30 in America/Los_Angeles).',
      );
      // An account's own zone still wins.
      await h.run(ctx, '/insurance account set shop-us time-zone:Asia/Shanghai');
      expect((await h.run(ctx, '/insurance check')).text).toContain(
        'Deadline\n2026-11-30 (passed 1 day ago)',
      );
    } finally {
      h.setNow('2026-11-21T15:00:00.000Z');
    }
  });

  it('a team with one account need not name it; never for a removal, and not once there are two', async () => {
    const ctx = await h.context({ tenant: 'T-solo' });
    await h.run(ctx, '/insurance account add solo-us US');
    expect((await h.run(ctx, '/insurance sales record 2026-10 12000')).title).toBe(
      'Recorded USD 12,000.00 for solo-us in 2026-10',
    );
    expect((await h.run(ctx, '/insurance request 2026-11-03 email from Amazon')).title).toBe(
      'Recorded Amazon’s request of 2026-11-03 for solo-us',
    );
    expect((await h.run(ctx, '/claim open A-1 650 2026-11-18')).text).toContain('A-1 · solo-us · USD 650.00');
    expect((await h.run(ctx, '/insurance sales list')).title).toBe('Sales of solo-us');
    // A month where the account would go fits as typed too, as an account's name: it is the month.
    expect((await h.run(ctx, '/insurance sales history 2026-10')).title).toBe('solo-us 2026-10: 1 revision');
    expect((await h.run(ctx, '/insurance sales history solo-us 2026-10')).title).toBe(
      'solo-us 2026-10: 1 revision',
    );
    // Named, it is the account as before; a line short of a value is still told what is missing.
    expect((await h.run(ctx, '/insurance sales record solo-us 2026-10')).title).toMatch(/^Missing amount/);
    // A removal names what it removes.
    expect((await h.run(ctx, '/insurance account remove')).title).toMatch(/^Missing name/);
    // A description that starts with a name keeps its capital: "Amazon’s", not "amazon’s".
    expect((await h.run(ctx, '/claim open solo-us A-2 650')).title).toBe(
      'Missing notice (the day of Amazon’s notice)',
    );
    expect((await h.run(ctx, '/claim open solo-us')).lines).toContain('Missing claim (Amazon’s claim ID)');
    // Another name is not this one: the use case says there is no such account.
    expect((await h.run(ctx, '/insurance sales record solo-uk 2026-10 5')).title).toContain('solo-uk');
    await h.run(ctx, '/insurance account add solo-ca CA');
    // Two: the member is told which there are.
    const which = await h.run(ctx, '/insurance sales list');
    expect(which.title).toMatch(/^Missing account/);
    expect(which.lines?.at(-1)).toBe('Known accounts: solo-ca and solo-us.');
    expect((await h.run(ctx, '/insurance account add')).text).not.toContain('Known accounts');
  });

  it('check with a day and no account reads the day as as-of, unless the team has an account so named', async () => {
    const ctx = await h.context({ tenant: 'T-check-day' });
    await h.run(ctx, '/insurance account add day-us US');
    await h.run(ctx, '/insurance sales record day-us 2026-10 12,000');
    expect((await h.run(ctx, '/insurance check 2026-10-15')).text).toContain('as of 2026-10-15');
    expect((await h.run(ctx, '/insurance check 2026-10-15')).title).toContain('Not required');
    expect((await h.run(ctx, '/insurance check yesterday')).text).toContain('as of 2026-11-20');
    // A word that is no day stays an account's name, and an account named like a day is that account.
    expect((await h.run(ctx, '/insurance check nope')).title).toBe('There is no account "nope".');
    await h.run(ctx, '/insurance account add today US');
    expect((await h.run(ctx, '/insurance check today')).title).toBe('Insurance check: today — Not required');
  });

  it('today and yesterday are the account’s days, typed in English or Chinese, in every date argument', async () => {
    const ctx = await h.context({ tenant: 'T-relative' });
    await h.run(ctx, '/insurance alerts here 9 Asia/Shanghai');
    await h.run(ctx, '/insurance account add rel-us US');
    // 04:00 on Dec 1 in Shanghai is noon on Nov 30 in Los Angeles: "today" is Amazon's Nov 30.
    h.setNow('2026-11-30T20:00:00.000Z');
    try {
      expect((await h.run(ctx, '/insurance request rel-us today')).title).toBe(
        'Recorded Amazon’s request of 2026-11-30 for rel-us',
      );
      const claim = await h.run(ctx, '/claim open rel-us AZ-R1 650 昨天 incident:yesterday due:today');
      expect(claim.text).toContain('Notice\n2026-11-29');
      await h.run(ctx, '/claim update AZ-R1 charged:今天');
      expect((await h.run(ctx, '/claim status AZ-R1')).text).toContain('2026-11-30');
      const policy = await h.run(
        ctx,
        '/insurance policy add rel-us effective:yesterday expires:2027-11-29 uploaded:TODAY',
      );
      expect(policy.fields).toContainEqual({ label: 'Coverage', value: '2026-11-29 → 2027-11-29' });
      expect(policy.fields).toContainEqual({ label: 'Uploaded to Amazon', value: '2026-11-30' });
      const moved = await h.run(ctx, '/insurance policy set 1 effective:today');
      expect(moved.fields).toContainEqual({ label: 'Coverage', value: '2026-11-30 → 2027-11-29' });
      expect((await h.run(ctx, '/insurance policy uploaded 1 yesterday')).fields).toContainEqual({
        label: 'Uploaded to Amazon',
        value: '2026-11-29',
      });
      expect((await h.run(ctx, '/insurance sales record rel-us today 6000')).title).toBe(
        'Recorded USD 6,000.00 for rel-us: 2026-11 so far, through 2026-11-30',
      );
      // Months too: last month's total, as sellers record it when a month has closed.
      expect((await h.run(ctx, '/insurance sales record rel-us last-month 9000')).title).toBe(
        'Recorded USD 9,000.00 for rel-us in 2026-10',
      );
      expect((await h.run(ctx, '/insurance sales record rel-us 上个月 9500')).title).toBe(
        'Recorded USD 9,500.00 for rel-us in 2026-10 (was USD 9,000.00)',
      );
      expect((await h.run(ctx, '/insurance sales history rel-us last-month')).title).toBe(
        'rel-us 2026-10: 2 revisions',
      );
      expect((await h.run(ctx, '/insurance sales history rel-us this-month')).title).toBe(
        'rel-us 2026-11: 1 revision',
      );
      expect((await h.run(ctx, '/insurance check as-of:yesterday')).sections?.[0]?.heading).toBe(
        'rel-us · Amazon.com (United States) · as of 2026-11-29',
      );
      // Only those two words: anything else is still not a date.
      expect((await h.run(ctx, '/insurance request rel-us tomorrow')).title).toBe(
        'Date is not a date; write YYYY-MM-DD, today or yesterday, e.g. 2026-11-03 (got "tomorrow")',
      );
    } finally {
      h.setNow('2026-11-21T15:00:00.000Z');
    }
  });

  it('sales record: a currency after the amount is the amount’s, refused when it is not the account’s', async () => {
    const ctx = await h.context({ tenant: 'T-currency' });
    await h.run(ctx, '/insurance account add shop-us US');
    const before = await h.counts();
    const eur = await h.run(ctx, '/insurance sales record shop-us 2026-10 12,000 EUR');
    expect(eur.title).toBe('amount: "12,000 EUR" is in EUR, but this account counts sales in USD');
    expect(await h.counts()).toEqual(before);
    const usd = await h.run(ctx, '/insurance sales record shop-us 2026-10 USD 12,000 payments report');
    expect(usd.title).toBe('Recorded USD 12,000.00 for shop-us in 2026-10');
    const revisions = await h.run(ctx, '/insurance sales history shop-us 2026-10');
    expect(revisions.table?.rows.map((r) => r[4])).toEqual(['payments report']);
    // A sign after the amount is the amount's too, not the figure's source.
    const beforeEuro = await h.counts();
    const euro = await h.run(ctx, '/insurance sales record shop-us 2026-09 12.000,50 €');
    expect(euro.title).toBe('amount: "12.000,50 €" is in EUR, but this account counts sales in USD');
    expect(await h.counts()).toEqual(beforeEuro);
  });

  it('sales record: amounts as European and Canadian sellers write them', async () => {
    const ctx = await h.context({ tenant: 'T-written' });
    await h.run(ctx, '/insurance account add shop-de DE');
    await h.run(ctx, '/insurance account add shop-ca CA');
    const de = await h.run(ctx, '/insurance sales record shop-de 2026-10 12.480,50 €');
    expect(de.title).toBe('Recorded EUR 12,480.50 for shop-de in 2026-10');
    const history = await h.run(ctx, '/insurance sales history shop-de 2026-10');
    expect(history.table?.rows.map((r) => r[4])).toEqual(['manual']);
    const ca = await h.run(ctx, '/insurance sales record shop-ca 2026-10 $15,000');
    expect(ca.title).toBe('Recorded CAD 15,000.00 for shop-ca in 2026-10');
    const before = await h.counts();
    const ambiguous = await h.run(ctx, '/insurance sales record shop-de 2026-09 12.500');
    expect(ambiguous.title).toBe(
      'amount: "12.500" can be read two ways; write 12500 for the whole amount, or 12.50 with cents',
    );
    expect(await h.counts()).toEqual(before);
  });

  it('sales record: the same figure again says it is unchanged', async () => {
    const ctx = await h.context({ tenant: 'T-same' });
    await h.run(ctx, '/insurance account add same-us US');
    await h.run(ctx, '/insurance sales record same-us 2026-10 9,000');
    const again = await h.run(ctx, '/insurance sales record same-us 2026-10 9000.00');
    expect(again.title).toBe(
      'Recorded USD 9,000.00 for same-us in 2026-10 again (unchanged: was USD 9,000.00)',
    );
  });

  it('check: a deficient policy in force is named as why there is no valid proof', async () => {
    const ctx = await h.context({ tenant: 'T-deficient' });
    await h.run(ctx, '/insurance account add shop-us US legal:"Shop LLC"');
    await h.run(ctx, '/insurance sales record shop-us 2026-10 12,000');
    await h.run(ctx, '/insurance policy add shop-us effective:2026-11-01 expires:2027-11-01 deductible:25k');
    const check = await h.run(ctx, '/insurance check shop-us');
    expect(check.text).toContain(
      'Proof on file with Amazon\nno valid proof: policy #1 does not satisfy Amazon',
    );
    expect(check.text).not.toContain('no policy in force to prove');
    await h.run(ctx, '/insurance policy remove 1');
    expect((await h.run(ctx, '/insurance check shop-us')).text).toContain(
      'Proof on file with Amazon\nno policy in force to prove',
    );
  });

  it('claim status lists open claims soonest deadline first, those without one last', async () => {
    const ctx = await h.context({ tenant: 'T-claim-order' });
    await h.run(ctx, '/insurance account add order-us US');
    await h.run(ctx, '/claim open order-us AZ-OLD 4200 2026-11-01');
    await h.run(ctx, '/claim open order-us AZ-LATE 2500 2026-11-05 due:2026-12-15');
    await h.run(ctx, '/claim open order-us AZ-SOON 3000 2026-11-18 due:2026-11-25');
    const status = await h.run(ctx, '/claim status');
    expect(status.sections?.map((s) => s.heading.split(' · ')[0])).toEqual(['AZ-SOON', 'AZ-LATE', 'AZ-OLD']);
  });

  it('claims: the kind as people name it', async () => {
    const ctx = await h.context({ tenant: 'T-kinds' });
    await h.run(ctx, '/insurance account add kind-us US');
    for (const [i, word, kind] of [
      [1, 'bodily-injury', 'personal injury'],
      [2, 'BI', 'personal injury'],
      [3, '人身伤害', 'personal injury'],
      [4, 'PD', 'property damage'],
      [5, '财产损失', 'property damage'],
    ] as const) {
      const open = await h.run(ctx, `/claim open kind-us AZ-${i} 650 2026-11-18 ${word}`);
      expect(open.text, word).toContain(`USD 650.00 ${kind} · open`);
    }
  });

  it('claims: open, status, respond, update, close', async () => {
    const ctx = await h.context({ tenant: 'T-happy' });
    const open = await h.run(
      ctx,
      '/claim open acme-us AZ-900 4200 2026-11-10 personal-injury order:111-1 due:2026-11-30',
    );
    expect(open.text).toContain('Who bears the cost\nyou or your insurer');
    expect(open.text).toContain('Next deadline\n2026-11-30: respond to the claim (9 days left)');
    const status = await h.run(ctx, '/claim status');
    expect(status.title).toBe('1 open claim');
    // Recorded only: nothing done yet, so no "last update".
    expect(status.text).not.toContain('Last update');
    const responded = await h.run(ctx, '/claim respond AZ-900 insurer notified');
    expect(responded.text).toContain('AZ-900 · acme-us · USD 4,200.00 personal injury · responded');
    // What the team did, and its note, is part of the claim from now on.
    expect((await h.run(ctx, '/claim status AZ-900')).text).toContain(
      'Last update\n2026-11-21: responded — insurer notified',
    );
    const rejected = await h.run(ctx, '/claim update AZ-900 status:rejected note:"not our product"');
    expect(rejected.text).toContain('you can still defend');
    const closed = await h.run(ctx, '/claim close AZ-900 settled by insurer');
    expect(closed.text).toContain('· closed');
    expect(closed.text).toContain('Last update\n2026-11-21: closed — settled by insurer');
    // In Chinese, the status words too.
    await h.run(ctx, '/insurance settings language:zh-CN');
    const zh = await h.run(ctx, '/claim status AZ-900');
    expect(zh.sections?.[0]?.heading).toMatch(/ · 已结案$/);
    expect(zh.text).toContain('最近更新\n2026年11月21日：已结案——settled by insurer');
    await h.run(ctx, '/insurance settings language:en');
    expect((await h.run(ctx, '/claim status')).title).toBe('No open claims');
  });

  it('alerts here/status/test/off, access grant/list/revoke, help', async () => {
    const ctx = await h.context({ tenant: 'T-happy', channel: 'C-ALERTS' });
    const here = await h.run(ctx, '/insurance alerts here 8 America/New_York');
    expect(here.lines).toEqual(['Daily from 08:00 America/New_York. Try it: /insurance alerts test']);
    const status = await h.run(ctx, '/insurance alerts status');
    expect(status.fields).toContainEqual({ label: 'Channel', value: 'C-ALERTS' });
    expect((await h.run(ctx, '/insurance alerts test')).title).toBe('Test alert posted');
    const nobot = await h.run(
      await h.context({ tenant: 'T-happy', channel: 'C-NOBOT' }),
      '/insurance alerts here',
    );
    expect(nobot.title).toBe('I cannot post in this channel');
    expect((await h.run(ctx, '/insurance alerts off')).title).toBe('Alerts are off');
    expect((await h.run(ctx, '/insurance access grant <@U42|lee>')).title).toBe(
      '<@U42> can now manage coverwatch',
    );
    expect((await h.run(ctx, '/insurance access list')).lines?.[0]).toMatch(
      /^<@U42> — granted by <@U1> on 2026-11-21$/,
    );
    expect((await h.run(ctx, '/insurance access revoke <@U42>')).title).toBe('Grant removed');
    const index = await h.run(ctx, '/insurance help');
    expect(index.sections?.flatMap((s) => s.lines ?? []).length).toBe(CATALOGUE.length);
    expect((await h.run(ctx, '/insurance help policy add')).fields?.[0]?.value).toMatch(
      /^\/insurance policy add <account> effective:… expires:…/,
    );
    expect((await h.run(ctx, '/insurance sales')).title).toMatch(/^\/insurance sales …/);
    expect((await h.run(ctx, '/insurance')).title).toBe('coverwatch commands');
  });

  it('help lists the commands by topic, each once, in catalogue order within its topic', async () => {
    const ctx = await h.context({ tenant: 'T-help-topics' });
    const index = await h.run(ctx, '/insurance help');
    const headings = index.sections?.map((s) => s.heading);
    expect(headings).toEqual([
      'Check',
      'Seller accounts',
      'Sales',
      'Amazon’s requests for proof',
      'Insurance policies',
      'Alerts',
      'Settings',
      'Who may manage',
      'Help',
      'A-to-z claims',
    ]);
    const listed = index.sections!.flatMap((s) => (s.lines ?? []).map((l) => l.split(' ').slice(0, 3)));
    // Every command once; connecting an account to Amazon is read with the other account commands.
    expect(listed).toHaveLength(CATALOGUE.length);
    const accounts = index.sections!.find((s) => s.heading === 'Seller accounts')!.lines!;
    expect(accounts.map((l) => l.split(' ')[2])).toEqual([
      'add',
      'list',
      'set',
      'remove',
      'connect',
      'disconnect',
    ]);
    // /claim alone: its own topic, and the footer points to /claim help.
    const claim = await h.run(ctx, '/claim');
    expect(claim.sections?.map((s) => s.heading)).toEqual(['A-to-z claims']);
    expect(claim.lines?.[0]).toBe('Details: /claim help <command>, e.g. /claim help open');
    expect((await h.run(ctx, '/claim help')).lines?.[0]).toBe(
      'Details: /claim help <command>, e.g. /claim help open',
    );
    // In Chinese, the headings too.
    await h.run(ctx, '/insurance settings language:zh-CN');
    const zh = await h.run(ctx, '/insurance help');
    expect(zh.sections?.[1]?.heading).toBe('卖家账户');
  });

  it('"private" as the last word answers only the member; quoted, it is a value', async () => {
    const ctx = await h.context({ tenant: 'T-private' });
    await h.run(ctx, '/insurance account add acme-us US');
    const shared = await h.run(ctx, '/insurance check acme-us');
    expect(shared.private).toBeFalsy();
    const alone = await h.run(ctx, '/insurance check acme-us PRIVATE');
    expect(alone).toEqual({ ...shared, private: true });
    const note = await h.run(ctx, '/insurance account set acme-us legal:"private"');
    expect(note.private).toBeFalsy();
    expect((await h.run(ctx, '/insurance help')).lines?.at(-1)).toBe(
      'Add the word private to any command to see the answer alone, e.g. /insurance check private',
    );
  });
});

describe('bad input: a clear error, usage and example, and nothing written', () => {
  const cases: [string, RegExp, RegExp?][] = [
    [
      '/insurance sale record acme-us 2026-10 5',
      /^Unknown command \/insurance sale\.$/,
      /Did you mean \/insurance sales record/,
    ],
    ['/insurance chek', /^Unknown command \/insurance chek\.$/, /Did you mean \/insurance check/],
    ['/claim add acme-us A-1 500 2026-11-01', /^Unknown command \/claim add\.$/, /Did you mean \/claim open/],
    [
      '/insurance policy delete 1',
      /^Unknown command \/insurance policy delete\.$/,
      /Did you mean \/insurance policy remove/,
    ],
    [
      '/insurance sales record acme-us 2026-10',
      /^Missing amount/,
      /Usage: \/insurance sales record <account> <month> <amount>/,
    ],
    [
      '/insurance sales record acme-us Foo-2026 5000',
      /^Month is not a month or a day; write YYYY-MM \(or last-month\), or YYYY-MM-DD \(or today\) for a total so far/,
      /Example: \/insurance sales record acme-us 2026-10 12,480.50/,
    ],
    ['/insurance sales record acme-us 2026-10 -5', /^amount: "-5" is negative/],
    ['/insurance sales record acme-us 2026-10 12.3456', /^amount: "12.3456" has more than 2 decimals/],
    [
      '/insurance sales record acme-us 2026-10 12.345',
      /^amount: "12.345" can be read two ways; write 12345 for the whole amount$/,
    ],
    [
      '/insurance sales record acme-us 2026-10 CAD500',
      /^amount: .* is in CAD, but this account counts sales in USD/,
    ],
    ['/insurance sales record acme-us 2027-01 500', /^2027-01 has not started yet/],
    [
      '/insurance sales record nobody 2026-10 500',
      /^There is no account "nobody"\.$/,
      /Known accounts: acme-us\./,
    ],
    ['/insurance sales record acme-us 2026-10 5 extra "quoted', /quote opened at/],
    ['/insurance check acme-us as-of:2026-02-30', /^As-of is not a date/],
    [
      '/insurance policy add acme-us effective:2026-11-01 expires:2026-10-01',
      /^expires: the expiry date must be after the effective date$/,
    ],
    ['/insurance policy add acme-us effective:2026-11-01', /^Missing expires/],
    [
      '/insurance policy add acme-us effective:2026-11-01 expires:2027-11-01 basis:sometimes',
      /^Basis is not one of occurrence, claims-made/,
    ],
    ['/insurance request acme-us 2099-01-01', /^date: 2099-01-01 is in the future/],
    ['/insurance account add acme-us', /^An account named "acme-us" already exists\.$/],
    ['/insurance account add Acme_US! US', /^Name is not an account name/],
    [
      '/claim open acme-us AZ-1 650 2026-11-18 kind:theft',
      /^Kind is not one of property-damage, personal-injury/,
    ],
    ['/claim respond AZ-404', /^There is no claim "AZ-404"\.$/],
    ['/insurance policy uploaded 99', /^There is no policy #99\.$/],
    ['/insurance account set acme-us', /^Nothing to change\.$/],
    ['/insurance sales record acme-us 2026-10 5 source:"a" source:"b"', /^Source is given twice$/],
    ['/insurance sales record acme-us 2026-10 10 000', /^Amount is ambiguous: write it without spaces/],
    ['/insurance account list extra words', /^Unexpected "extra words"$/, /Usage: \/insurance account list/],
  ];

  for (const [line, title, more] of cases) {
    it(line, async () => {
      const ctx = await h.context({ tenant: 'T-bad' });
      if (!(await h.run(ctx, '/insurance account list')).table)
        await h.run(ctx, '/insurance account add acme-us US');
      const before = await h.counts();
      const reply = await h.run(ctx, line);
      expect(reply.tone).toBe('danger');
      expect(reply.private).toBe(true);
      expect(reply.title).toMatch(title);
      if (more) expect(reply.text).toMatch(more);
      expect(await h.counts()).toEqual(before);
    });
  }
});

describe('permissions', () => {
  const manage = CATALOGUE.filter((c) => c.permission !== 'read');
  const read = CATALOGUE.filter((c) => c.permission === 'read');

  it('the catalogue has every kind; granting is for admins only', () => {
    expect(manage.length).toBeGreaterThan(10);
    expect(read.length).toBeGreaterThan(5);
    expect(CATALOGUE.filter((c) => c.permission === 'admin').map(commandName)).toEqual([
      '/insurance access grant',
      '/insurance access revoke',
    ]);
  });

  it('grants go to members the platform named: no typed names, no Slack user groups', async () => {
    const ctx = await h.context({ tenant: 'T-GRANTS' });
    const before = await h.counts();
    const typed = await h.run(ctx, '/insurance access grant "maria"');
    expect(typed.title).toBe(
      'Who is not a member or role: mention them (type @ and pick from the list), e.g. @maria (got "maria")',
    );
    const group = await h.run(ctx, '/insurance access grant <!subteam^S0123|ops>');
    expect(group.title).toBe(
      'Slack user groups cannot be granted: Slack does not tell coverwatch who is in them. Grant each member instead.',
    );
    expect(await h.counts()).toEqual(before);
    // A Discord role is a real grant: Discord sends the member's roles with every interaction.
    const discord = await h.context({ tenant: 'G-GRANTS', platform: 'discord' });
    expect((await h.run(discord, '/insurance access grant role:500000000000000001')).title).toBe(
      'role 500000000000000001 can now manage coverwatch',
    );
  });

  it('a granted member manages, but cannot grant or revoke: only admins can', async () => {
    const admin = await h.context({ tenant: 'T-grant' });
    expect((await h.run(admin, '/insurance access grant <@U0HELPER>')).title).toBe(
      '<@U0HELPER> can now manage coverwatch',
    );
    const helper = await h.context({ tenant: 'T-grant', actor: 'U0HELPER', manager: false });
    expect((await h.run(helper, '/insurance account add helper-us US')).title).toMatch(/^Added helper-us/);
    const before = await h.counts();
    for (const line of ['/insurance access grant <@U0FRIEND>', '/insurance access revoke <@U0HELPER>']) {
      const reply = await h.run(helper, line);
      expect(reply.title, line).toBe('You do not have permission for this');
      expect(reply.text).toContain('Only workspace admins and owners can grant or revoke access.');
    }
    expect(await h.counts()).toEqual(before);
    expect((await h.run(admin, '/insurance access revoke <@U0HELPER>')).title).toBe('Grant removed');
  });

  for (const spec of manage) {
    it(`${commandName(spec)} is refused to a member without manager rights, and writes nothing`, async () => {
      const admin = await h.context({ tenant: 'T-perm' });
      if (!(await h.run(admin, '/insurance account list')).table) {
        await h.run(admin, '/insurance account add acme-us US');
        await h.run(admin, '/claim open acme-us AZ-123456 650 2026-11-18');
      }
      const member = await h.context({ tenant: 'T-perm', actor: 'U-member', manager: false });
      const before = await h.counts();
      const reply = await h.run(member, example(spec, wordsFor()));
      expect(reply.title).toBe('You do not have permission for this');
      expect(reply.text).toContain('workspace admins and owners');
      expect(await h.counts()).toEqual(before);
    });
  }

  it('read commands work for every member: each answers exactly, never refused, never the catch-all', async () => {
    const admin = await h.context({ tenant: 'T-read' });
    await h.run(admin, '/insurance account add acme-us US legal:"Read LLC"');
    await h.run(admin, '/insurance sales record acme-us 2026-10 1,000');
    for (let i = 0; i < 3; i++)
      await h.run(
        admin,
        '/insurance policy add acme-us effective:2026-01-01 expires:2027-01-01 insured:"Read LLC"',
      );
    await h.run(admin, '/claim open acme-us AZ-123456 650 2026-11-18');
    const member = await h.context({ tenant: 'T-read', actor: 'U-member', manager: false });
    const expected: Record<string, string> = {
      'insurance check': 'Insurance check: acme-us — Not required',
      'insurance account list': '1 seller account',
      'insurance sales list': 'Sales of acme-us',
      'insurance sales history': 'acme-us 2026-10: 1 revision',
      'insurance policy list': '3 policies on file',
      'insurance policy show': 'Policy: policy #3 for acme-us — unverified, not uploaded to Amazon',
      'insurance policy rejected': 'Amazon’s message about acme-us’s certificate names 1 requirement',
      'insurance policy broker-email': 'Email to the broker for policy #3 (acme-us)',
      'insurance alerts status': 'Alerts are off',
      'insurance access list': 'No grants: only admins can manage',
      'insurance help': '/insurance sales record',
      'claim status': 'Claim AZ-123456',
      'claim help': '/claim open',
    };
    expect(read.map((s) => s.path.join(' ')).sort()).toEqual(Object.keys(expected).sort());
    for (const spec of read) {
      const reply = await h.run(member, example(spec, wordsFor()));
      expect(reply.title, example(spec, wordsFor())).toBe(expected[spec.path.join(' ')]);
      expect(reply.text).not.toMatch(/Something went wrong|permission/);
    }
  });
});

describe('two tenants', () => {
  it('same account names, separate data, every command', async () => {
    const a = await h.context({ tenant: 'T-twin-a' });
    const b = await h.context({ tenant: 'G-twin-b', platform: 'discord' });
    await h.run(a, '/insurance account add shop US');
    await h.run(b, '/insurance account add shop US');
    await h.run(a, '/insurance sales record shop 2026-10 20000');
    await h.run(b, '/insurance sales record shop 2026-10 100');
    await h.run(a, '/claim open shop AZ-77 650 2026-11-18');
    expect((await h.run(a, '/insurance check')).title).toContain('Required');
    expect((await h.run(b, '/insurance check')).title).toBe('Insurance check: shop — Not required');
    expect((await h.run(b, '/insurance sales list shop')).table?.rows.map((r) => r[1])).toEqual([
      'USD 100.00',
    ]);
    expect((await h.run(b, '/claim status')).title).toBe('No open claims');
    expect((await h.run(b, '/claim status AZ-77')).title).toBe('There is no claim "AZ-77".');
    expect((await h.run(b, '/claim close AZ-77')).title).toBe('There is no claim "AZ-77".');
  });
});

describe('answer cache', () => {
  it('two databases in one process never share answers, though tenant id and data version match', async () => {
    const [a, b] = [harness(await freshStore('sqlite')), harness(await freshStore('sqlite'))];
    try {
      // Both databases: tenant id 1, two writes each (data version 2), the same question.
      const [ca, cb] = [await a.context({ tenant: 'T-twin' }), await b.context({ tenant: 'T-twin' })];
      expect(ca.scope.tenant.id).toBe(cb.scope.tenant.id);
      await a.run(ca, '/insurance account add twin-us US');
      await a.run(ca, '/insurance sales record twin-us 2026-10 20000');
      await b.run(cb, '/insurance account add twin-us US');
      await b.run(cb, '/insurance sales record twin-us 2026-10 100');
      expect((await a.run(ca, '/insurance check')).title).toBe(
        'Insurance check: twin-us — Required — insurance due',
      );
      expect((await b.run(cb, '/insurance check')).title).toBe('Insurance check: twin-us — Not required');
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });

  it('a repeated check is served again, and any write shows at once', async () => {
    const ctx = await h.context({ tenant: 'T-cache' });
    await h.run(ctx, '/insurance account add cache-us US');
    const first = await h.run(ctx, '/insurance check');
    const again = await h.run(ctx, '/insurance check');
    expect(again.title).toBe(first.title);
    expect(first.title).toBe('Insurance check: cache-us — Not required');
    await h.run(ctx, '/insurance sales record cache-us 2026-10 20,000');
    expect((await h.run(ctx, '/insurance check')).title).toBe(
      'Insurance check: cache-us — Required — insurance due',
    );
    await h.run(ctx, '/insurance request cache-us 2026-09-01');
    expect((await h.run(ctx, '/insurance check')).text).toContain('Amazon asked for proof');
    h.setNow('2026-12-15T15:00:00.000Z');
    expect((await h.run(ctx, '/insurance check')).text).toContain('passed');
    h.setNow('2026-11-21T15:00:00.000Z');
  });

  it('an overdue (danger) answer is served from the cache too, until a write or the next minute', async () => {
    const ctx = await h.context({ tenant: 'T-cache-danger' });
    await h.run(ctx, '/insurance account add late-us US');
    await h.run(ctx, '/insurance sales record late-us 2026-09 20,000');
    // Two requests at the same data version and minute: the second gets the very same reply.
    const ask = async () => runText(await h.context({ tenant: 'T-cache-danger' }), 'insurance', 'check');
    const first = await ask();
    expect(first.tone).toBe('danger');
    expect(await ask()).toBe(first);
    h.setNow('2026-11-21T15:01:00.000Z');
    const nextMinute = await ask();
    expect(nextMinute).not.toBe(first);
    expect(nextMinute.title).toBe(first.title);
    await h.run(ctx, '/insurance sales record late-us 2026-09 20,001');
    expect(await ask()).not.toBe(nextMinute);
    h.setNow('2026-11-21T15:00:00.000Z');
  });
});
