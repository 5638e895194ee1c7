// The situations in the seed documents, replayed through commands exactly as a seller would type
// them, with the clock set to the day they happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('seed situations', () => {
  it('over USD 10,000 in one month, October 2021: required under the new one-month rule', async () => {
    h.setNow('2021-11-05T18:00:00Z');
    const ctx = await h.context({ tenant: 'seed-1' });
    await h.run(ctx, '/insurance account add oct-seller US');
    await h.run(ctx, '/insurance sales record oct-seller 2021-09 7,900');
    const rec = await h.run(ctx, '/insurance sales record oct-seller 2021-10 10,420.18');
    expect(rec.text).toContain('yes, since 2021-10-31');
    expect(rec.text).toContain('2021-11-30 (25 days left)');
    expect(rec.citations?.map((c) => c.id)).toEqual(['US-THRESHOLD-1M', 'DEADLINE-30D']);
  });

  it('three consecutive months over in summer 2021, checked as of 2021-08-31: the old three-month rule', async () => {
    h.setNow('2021-08-31T18:00:00Z');
    const ctx = await h.context({ tenant: 'seed-2' });
    await h.run(ctx, '/insurance account add summer-seller US');
    for (const [m, v] of [
      ['2021-05', '11,200'],
      ['2021-06', '12,050'],
      ['2021-07', '10,900.50'],
    ])
      await h.run(ctx, `/insurance sales record summer-seller ${m} ${v}`);
    const check = await h.run(ctx, '/insurance check summer-seller as-of:2021-08-31');
    expect(check.text).toContain(
      'sales exceeded USD 10,000 in 3 consecutive months (2021-05, 2021-06, and 2021-07); triggered on 2021-07-31',
    );
    expect(check.text).toContain('2021-08-30 (passed 1 day ago)');
    expect(check.citations?.[0]?.id).toBe('US-THRESHOLD-3M');
    const before = await h.run(ctx, '/insurance check summer-seller as-of:2021-07-30');
    expect(before.title).toBe(
      'Insurance check: summer-seller — Not required yet — approaching the threshold',
    );
  });

  it('never over the threshold, but Amazon asked for proof', async () => {
    h.setNow('2021-11-10T18:00:00Z');
    const ctx = await h.context({ tenant: 'seed-3' });
    await h.run(ctx, '/insurance account add small-seller US');
    await h.run(ctx, '/insurance sales record small-seller 2021-10 3,100');
    expect((await h.run(ctx, '/insurance check')).title).toBe('Insurance check: small-seller — Not required');
    const req = await h.run(
      ctx,
      '/insurance request small-seller 2021-11-10 Amazon asked for the certificate of insurance',
    );
    expect(req.text).toContain(
      'Required because Amazon asked for proof of insurance on 2021-11-10, whatever the sales.',
    );
    expect(req.text).toContain('2021-12-10 (30 days left)');
    expect(req.citations?.map((c) => c.id)).toEqual(['AMAZON-REQUEST', 'DEADLINE-30D']);
  });

  it('an $800 claim with proof of insurance on file: Amazon pays and does not seek reimbursement', async () => {
    h.setNow('2025-03-05T18:00:00Z');
    const ctx = await h.context({ tenant: 'seed-4' });
    await h.run(ctx, '/insurance account add insured-seller US legal:"Insured Seller LLC"');
    await h.run(ctx, '/insurance sales record insured-seller 2025-01 25,000');
    await h.run(
      ctx,
      '/insurance policy add insured-seller effective:2025-02-01 expires:2026-02-01 per-occurrence:1m aggregate:2m deductible:1000 basis:occurrence form:general products:yes ai:"Amazon.com Services LLC and its affiliates and assignees" insured:"Insured Seller LLC" uploaded:2025-02-02',
    );
    const claim = await h.run(ctx, '/claim open insured-seller AZ-800A 800 2025-03-03');
    expect(claim.text).toContain('Who bears the cost\nAmazon (it does not seek reimbursement)');
    expect(claim.text).toContain(
      'Proof of insurance was on file when Amazon gave notice (policy #1, uploaded 2025-02-02), so Amazon does not seek reimbursement.',
    );
    expect(claim.text).toContain('Next deadline\nnone recorded');
  });

  it('an $800 claim without proof on file: 7 days to upload it, then Amazon expects reimbursement', async () => {
    h.setNow('2025-03-05T18:00:00Z');
    const ctx = await h.context({ tenant: 'seed-5' });
    await h.run(ctx, '/insurance account add bare-seller US');
    await h.run(ctx, '/insurance sales record bare-seller 2025-01 25,000');
    const claim = await h.run(ctx, '/claim open bare-seller AZ-800B 800 2025-03-03');
    expect(claim.text).toContain('2025-03-10: upload proof of insurance to Amazon (5 days left)');
    h.setNow('2025-03-12T18:00:00Z');
    const later = await h.run(ctx, '/claim status AZ-800B');
    expect(later.text).toContain('Proof of insurance was due by 2025-03-10 and was not provided.');
    expect(later.text).toContain(
      'Amazon expects reimbursement of USD 800.00 and may withhold funds; you can appeal within 30 days of its request.',
    );
    // Who bears the cost is the seller, not Amazon.
    expect(later.text).toContain(
      'Who bears the cost\nyou: Amazon paid the customer and expects USD 800.00 back (may withhold funds; appeal within 30 days)',
    );
    expect(later.tone).toBe('danger');
  });

  it('a $2,500 claim the seller ignores: Amazon may step in, pay and pursue the seller', async () => {
    h.setNow('2025-06-20T18:00:00Z');
    const ctx = await h.context({ tenant: 'seed-6' });
    await h.run(ctx, '/insurance account add quiet-seller US');
    const claim = await h.run(ctx, '/claim open quiet-seller AZ-2500 2,500 2025-06-10');
    expect(claim.text).toContain('Who bears the cost\nyou or your insurer');
    expect(claim.text).toContain(
      'You or your insurer must respond to and resolve this USD 2,500.00 claim (over USD 1,000).',
    );
    // One condition, not two ("If you do nothing: If you do not respond, …").
    expect(claim.text).toContain(
      '\nIf you do nothing: Amazon may step in, pay the customer, and pursue you for the cost.',
    );
    expect(claim.citations?.map((c) => c.id)).toEqual(['AZ-CLAIM-LARGE']);
  });
});
