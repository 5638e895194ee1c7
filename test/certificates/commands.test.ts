// The certificate commands at the terminal (a path), over the real store: read shows every field and
// Amazon's checklist and stores no policy; confirm stores it once, audited; a draft is its team's
// own; Amazon's rejection decoded; the broker's email asks for exactly what the certificate lacks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.ts';
import { COMPLIANT, certificatePdf, scannedPdf, variant } from '../support/certificates.ts';
import { type Harness, harness } from '../support/harness.ts';
import { freshStore } from '../support/stores.ts';

let store: Store;
let h: Harness;
let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  store = await freshStore('sqlite');
  h = harness(store, '2026-12-02T18:00:00.000Z');
  dir = mkdtempSync(join(tmpdir(), 'coverwatch-certificates-'));
  const write = async (name: string, bytes: Uint8Array | Promise<Uint8Array>) => {
    files[name] = join(dir, name);
    writeFileSync(files[name], await bytes);
  };
  await write('good.pdf', certificatePdf(COMPLIANT, 'flattened'));
  await write(
    'holder-only.pdf',
    certificatePdf(
      variant((s) => ({
        general: { ...s.general!, ai: false, basis: 'claims-made', each: '500,000' },
        insured: 'Acme Trading Co',
        description: 'Products sold online.',
      })),
      'fillable',
    ),
  );
  await write('scan.pdf', scannedPdf());
  await write('notes.txt', Buffer.from('not a certificate'));
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const shell = (tenant: string) => h.context({ tenant, platform: 'shell', actor: 'terminal' });
const codeOf = (text: string) => /policy confirm ([0-9a-f]{6})/.exec(text)?.[1];

describe('/insurance policy read and confirm', () => {
  it('a compliant certificate: every field with where it was found, the checklist, nothing stored until confirmed', async () => {
    const ctx = await shell('T-cert-1');
    await h.run(ctx, '/insurance account add acme-us US legal:"Acme Goods LLC"');
    const before = await h.counts();
    const r = await h.run(ctx, `/insurance policy read acme-us ${files['good.pdf']}`);
    expect(r.title).toBe('Certificate good.pdf for acme-us — Amazon should accept it');
    expect(r.tone).toBe('ok');
    expect(r.text).toContain('Named insured: Acme Goods LLC — page 1, below “INSURED”');
    expect(r.text).toContain('Each occurrence: USD 1,000,000.00 — page 1, beside “EACH OCCURRENCE”');
    expect(r.text).toContain('✅ Written on an occurrence basis.');
    expect(r.actions?.map((a) => a.command)).toEqual([
      `insurance policy confirm ${codeOf(r.text)}`,
      `insurance policy confirm ${codeOf(r.text)} uploaded:2026-12-02`,
    ]);
    const after = await h.counts();
    expect(after.policies).toBe(before.policies);
    expect(after.certificate_drafts).toBe((before.certificate_drafts ?? 0) + 1);

    const saved = await h.run(ctx, `/${r.actions![1]!.command}`);
    expect(saved.title).toBe('Added: policy #1 for acme-us — compliant, proof on file');
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['action', 'subject'])
      .where('action', 'like', 'certificate.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['certificate.read', 'certificate.confirm']);
    const again = await h.run(ctx, `/${r.actions![0]!.command}`);
    expect(again.title).toBe(`The certificate checked as ${codeOf(r.text)} is already saved, as policy #1.`);
    expect((await h.counts()).policies).toBe((after.policies ?? 0) + 1);
  });

  it('a deficient certificate: each failure named, with the rule', async () => {
    const ctx = await shell('T-cert-2');
    await h.run(ctx, '/insurance account add acme-us US legal:"Acme Goods LLC"');
    const r = await h.run(ctx, `/insurance policy read acme-us ${files['holder-only.pdf']}`);
    expect(r.title).toBe('Certificate holder-only.pdf for acme-us — Amazon would reject it');
    expect(r.text).toContain('❌ Amazon is named only as certificate holder');
    expect(r.text).toContain('❌ Written claims-made');
    expect(r.text).toContain('❌ Per-occurrence limit USD 500,000 is below the USD 1,000,000 minimum.');
    expect(r.text).toMatch(/❌ Named insured "Acme Trading Co"/);
    expect(r.citations?.map((c) => c.id)).toEqual(
      expect.arrayContaining(['POLICY-ADDITIONAL-INSURED', 'POLICY-OCCURRENCE', 'POLICY-PER-OCCURRENCE']),
    );
  });

  it('a scan, a non-PDF, a missing file: a clear answer, nothing stored', async () => {
    const ctx = await shell('T-cert-3');
    await h.run(ctx, '/insurance account add acme-us US');
    const before = await h.counts();
    expect((await h.run(ctx, `/insurance policy read acme-us ${files['scan.pdf']}`)).title).toContain(
      'has no text in it — it is a scan or a photo',
    );
    const notPdf = await h.run(ctx, `/insurance policy read acme-us ${files['notes.txt']}`);
    expect(notPdf.title).toBe('notes.txt is not a PDF. Send the certificate as the PDF the broker issued.');
    // The example is a certificate, not the sales report the other file command takes.
    expect(notPdf.text).toContain('Example: /insurance policy read acme-us ./acme-coi.pdf');
    expect((await h.run(ctx, `/insurance policy read acme-us ${join(dir, 'none.pdf')}`)).title).toBe(
      `file: there is no file at ${join(dir, 'none.pdf')}.`,
    );
    expect((await h.run(ctx, `/insurance policy read acme-us ${dir}`)).title).toBe(
      `file: ${dir} is a folder: name a file in it.`,
    );
    const big = join(dir, 'big.pdf');
    writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 0x20));
    expect((await h.run(ctx, `/insurance policy read acme-us ${big}`)).title).toBe(
      `file: ${big} is 6.0 MB; a file handed to coverwatch may be at most 5 MB.`,
    );
    expect(await h.counts()).toEqual(before);
  });

  it('a draft is its own team’s: another team cannot confirm it', async () => {
    const a = await shell('T-cert-4a');
    await h.run(a, '/insurance account add acme-us US');
    const code = codeOf((await h.run(a, `/insurance policy read acme-us ${files['good.pdf']}`)).text)!;
    const b = await h.context({ tenant: 'T-cert-4b', platform: 'slack' });
    await h.run(b, '/insurance account add acme-us US');
    const before = await h.counts();
    expect((await h.run(b, `/insurance policy confirm ${code}`)).title).toBe(
      `There is no certificate check with the code ${code}. Read the certificate again: /insurance policy read <account> <file>.`,
    );
    expect(await h.counts()).toEqual(before);
  });

  it('a draft older than a week is read again, not saved', async () => {
    const ctx = await shell('T-cert-5');
    await h.run(ctx, '/insurance account add acme-us US');
    const code = codeOf((await h.run(ctx, `/insurance policy read acme-us ${files['good.pdf']}`)).text)!;
    h.setNow('2026-12-10T18:00:00.000Z');
    try {
      expect((await h.run(ctx, `/insurance policy confirm ${code}`)).title).toBe(
        `The certificate check ${code} is older than 7 days; read the certificate again to save it.`,
      );
    } finally {
      h.setNow('2026-12-02T18:00:00.000Z');
    }
  });
});

describe('/insurance policy rejected', () => {
  it('names each requirement Amazon’s message is about, and what to ask the broker', async () => {
    const ctx = await h.context({ tenant: 'T-rej' });
    await h.run(ctx, '/insurance account add acme-us US');
    const r = await h.run(
      ctx,
      '/insurance policy rejected acme-us "We could not approve your document: Amazon is only listed as certificate holder, and the policy is claims-made. The named insured does not match the legal business name."',
    );
    expect(r.title).toBe('Amazon’s message about acme-us’s certificate names 3 requirements');
    expect(r.sections?.map((s) => s.heading)).toEqual([
      'Amazon is only the certificate holder, not an additional insured',
      'The policy is claims-made; Amazon wants occurrence',
      'The named insured does not match the seller account’s legal name',
    ]);
    expect(r.text).toContain('Amazon said: “only listed as certificate holder”');
    expect(r.citations?.map((c) => c.id)).toEqual(
      expect.arrayContaining(['POLICY-ADDITIONAL-INSURED', 'POLICY-OCCURRENCE']),
    );
    const none = await h.run(
      ctx,
      '/insurance policy rejected acme-us "Thank you for contacting Seller Support."',
    );
    expect(none.title).toBe('No requirement recognised in that message for acme-us');
    // A deductible Amazon cannot find is rejected as one too high is: the answer covers both.
    const deductible = await h.run(
      ctx,
      '/insurance policy rejected acme-us "The deductible is not shown on the certificate."',
    );
    expect(deductible.sections?.map((s) => s.heading)).toEqual([
      'The deductible or retention is not shown on the certificate, or is above what Amazon allows',
    ]);
    expect(deductible.text).toContain('state the deductible or retention of the general liability line');
    // No policy recorded yet: the broker email waits for one.
    expect(deductible.lines?.at(-1)).toContain(
      'Once its policy is recorded, /insurance policy broker-email <policy>',
    );
  });

  it('points the broker email at the policy uploaded last, the one Amazon turned down', async () => {
    const ctx = await h.context({ tenant: 'T-rej-policy' });
    await h.run(ctx, '/insurance account add acme-us US');
    await h.run(
      ctx,
      '/insurance policy add acme-us effective:2026-01-01 expires:2027-01-01 uploaded:2026-01-02',
    );
    await h.run(ctx, '/insurance policy add acme-us effective:2026-06-01 expires:2027-06-01');
    await h.run(
      ctx,
      '/insurance policy add acme-us effective:2025-11-01 expires:2026-11-01 uploaded:2026-03-01',
    );
    const r = await h.run(
      ctx,
      '/insurance policy rejected acme-us "Amazon is only listed as certificate holder"',
    );
    expect(r.lines?.at(-1)).toContain('/insurance policy broker-email 3 drafts the request.');
  });
});

describe('/insurance policy broker-email', () => {
  it('asks for Amazon’s wording, limits, occurrence, the legal name; marks what the policy lacks', async () => {
    const ctx = await h.context({ tenant: 'T-broker' });
    await h.run(ctx, '/insurance account add acme-us US legal:"Acme Goods LLC"');
    await h.run(
      ctx,
      '/insurance policy add acme-us effective:2026-01-15 expires:2027-01-15 per-occurrence:500000 aggregate:1m basis:claims-made certificate-holder:"Amazon.com Services LLC" insured:"Acme Goods LLC" number:GL-1',
    );
    const r = await h.run(ctx, '/insurance policy broker-email 1');
    expect(r.title).toBe('Email to the broker for policy #1 (acme-us)');
    const email = r.preformatted!;
    expect(email).toContain('Subject: Certificate of insurance for Amazon — Acme Goods LLC, policy GL-1');
    expect(email).toContain(
      '- Additional insured: “Amazon.com Services LLC and its affiliates and assignees”, by endorsement',
    );
    expect(email).toContain('(Now: Amazon is named only as certificate holder');
    expect(email).toContain('- Limits: at least USD 1,000,000 each occurrence');
    expect(email).toContain('(Now: Per-occurrence limit USD 500,000 is below the USD 1,000,000 minimum.)');
    expect(email).toContain(
      '- Basis: occurrence (the OCCUR box), not claims-made.\n  (Now: Written claims-made',
    );
    expect(email).toContain(
      '- Named insured: Acme Goods LLC, exactly as the legal name of the Amazon seller account.',
    );
    expect(email).not.toMatch(/Named insured: Acme Goods LLC[^\n]*\n {2}\(Now/);
    expect(email).toContain('for Acme Goods LLC’s product liability policy GL-1 to show the following.');
  });

  it('a certificate without a number or an insurer: left out of the sentences, never a dash or our #id', async () => {
    const ctx = await h.context({ tenant: 'T-broker-bare' });
    await h.run(ctx, '/insurance account add bare-us US legal:"Bare Goods LLC"');
    await h.run(
      ctx,
      '/insurance policy add bare-us effective:2026-01-15 expires:2027-01-15 per-occurrence:500000',
    );
    await h.run(
      ctx,
      '/insurance policy add bare-us effective:2026-01-15 expires:2027-01-15 insurer:"Hartford Fire" per-occurrence:500000',
    );
    const [bare, named] = [
      (await h.run(ctx, '/insurance policy broker-email 1')).preformatted!,
      (await h.run(ctx, '/insurance policy broker-email 2')).preformatted!,
    ];
    expect(bare).toContain('Subject: Certificate of insurance for Amazon — Bare Goods LLC\n');
    expect(bare).toContain('for Bare Goods LLC’s product liability policy to show the following.');
    expect(named).toContain('for Bare Goods LLC’s product liability policy with Hartford Fire to show');
    expect(`${bare}${named}`).not.toMatch(/—\s*\(|#1|#2|\bnone\b/);
  });
});
