// The certificate reader against a corpus made here with pdf-lib on ACORD 25's layout: fillable and
// flattened, compliant and deficient in each way Amazon rejects, several insurers, an umbrella over
// general liability — each with the fields it must yield — and the files it must refuse: a scan, a
// file that is not a PDF, one with a password, one of 50 MB.
import { describe, expect, it } from 'vitest';
import { CertificateError } from '../../src/certificates/pdf.ts';
import { mainLine, policyFieldsOf, readCertificate } from '../../src/certificates/read.ts';
import { additionalInsuredIn, amountMinor, formDate, noticeDays } from '../../src/certificates/reading.ts';
import {
  AMAZON_AI,
  type CertificateStyle,
  COMPLIANT,
  certificatePdf,
  encryptedPdf,
  scannedPdf,
  variant,
} from '../support/certificates.ts';

const STYLES: CertificateStyle[] = ['fillable', 'flattened'];

async function problem(bytes: Uint8Array | Promise<Uint8Array>): Promise<string> {
  try {
    await readCertificate(await bytes);
  } catch (err) {
    if (err instanceof CertificateError) return err.problem;
    throw err;
  }
  return 'read';
}

describe.each(STYLES)('a %s certificate', (style) => {
  it('yields every field of a compliant certificate, each with where it was found', async () => {
    const r = await readCertificate(await certificatePdf(COMPLIANT, style));
    expect(r.source).toBe(style === 'fillable' ? 'form-fields' : 'text');
    expect(r.title?.value).toBe('CERTIFICATE OF LIABILITY INSURANCE');
    expect(r.notBound).toBeUndefined();
    expect(r.producer?.value).toBe('Harbor Risk Partners');
    expect(r.insured?.value).toBe('Acme Goods LLC');
    expect(r.insurers.map((i) => [i.letter, i.name.value, i.naic?.value])).toEqual([
      ['A', 'Hartford Fire Insurance Company', '19682'],
    ]);
    expect(r.holder?.value).toBe('Amazon.com Services LLC');
    expect(r.description?.value).toContain(AMAZON_AI);
    expect(r.cancellation?.value).toMatch(/^SHOULD ANY OF THE ABOVE DESCRIBED POLICIES BE CANCELLED/);
    expect(r.lines).toHaveLength(1);
    const gl = mainLine(r)!;
    expect({
      form: gl.form,
      insurer: gl.insurer?.value,
      number: gl.policyNumber?.value,
      effective: gl.effective?.value,
      expires: gl.expires?.value,
      basis: gl.basis?.value,
      each: gl.eachOccurrence?.value,
      aggregate: gl.aggregate?.value,
      products: gl.productsAggregate?.value,
      ai: gl.additionalInsured?.value,
    }).toEqual({
      form: 'general',
      insurer: 'A',
      number: 'GL-7734021',
      effective: '2026-01-15',
      expires: '2027-01-15',
      basis: 'occurrence',
      each: 100_000_000,
      aggregate: 200_000_000,
      products: 200_000_000,
      ai: true,
    });
    // Where each was found: a form field's name, or the printed label beside it.
    if (style === 'fillable') {
      expect(gl.eachOccurrence?.at).toBe('form field GeneralLiability_EachOccurrence_LimitAmount_A');
      expect(r.insured?.at).toBe('form field NamedInsured_FullName_A');
    } else {
      expect(gl.eachOccurrence?.at).toBe('page 1, beside “EACH OCCURRENCE”');
      expect(gl.policyNumber?.at).toBe('page 1, COMMERCIAL GENERAL LIABILITY row, “POLICY NUMBER” column');
      expect(r.insured?.at).toBe('page 1, below “INSURED”');
    }
    expect(policyFieldsOf(r)).toEqual({
      effectiveOn: '2026-01-15',
      expiresOn: '2027-01-15',
      insurer: 'Hartford Fire Insurance Company',
      policyNumber: 'GL-7734021',
      coverageForm: 'general',
      productsCompletedOps: true,
      perOccurrence: '1000000.00',
      aggregate: '2000000.00',
      productsAggregate: '2000000.00',
      deductible: '2500.00',
      basis: 'occurrence',
      additionalInsured: AMAZON_AI,
      certificateHolder: 'Amazon.com Services LLC',
      insuredName: 'Acme Goods LLC',
      cancellationNoticeDays: 30,
    });
  });

  it('Amazon only as certificate holder: no additional insured is read', async () => {
    const spec = variant((s) => ({
      general: { ...s.general!, ai: false },
      description: 'Products sold online. Deductible: $2,500.',
    }));
    const r = await readCertificate(await certificatePdf(spec, style));
    expect(mainLine(r)?.additionalInsured?.value ?? false).toBe(false);
    expect(policyFieldsOf(r).additionalInsured).toBeUndefined();
    expect(policyFieldsOf(r).certificateHolder).toBe('Amazon.com Services LLC');
  });

  it('claims-made, limits below 1M/1M and another insured name are read as printed', async () => {
    const spec = variant((s) => ({
      insured: 'Acme Trading Co',
      general: { ...s.general!, basis: 'claims-made', each: '500,000', aggregate: '500,000' },
    }));
    const f = policyFieldsOf(await readCertificate(await certificatePdf(spec, style)));
    expect(f.basis).toBe('claims-made');
    expect(f.perOccurrence).toBe('500000.00');
    expect(f.aggregate).toBe('500000.00');
    expect(f.insuredName).toBe('Acme Trading Co');
  });

  it('a quote is flagged as not a bound certificate', async () => {
    const r = await readCertificate(
      await certificatePdf(
        variant(() => ({ title: 'COMMERCIAL LIABILITY INSURANCE QUOTE' })),
        style,
      ),
    );
    expect(r.notBound?.value.toLowerCase()).toBe('quote');
  });

  it('several insurers and an umbrella over general liability: each line with its own insurer', async () => {
    const spec = variant((s) => ({
      insurers: [
        { letter: 'A', name: 'Hartford Fire Insurance Company', naic: '19682' },
        { letter: 'B', name: 'Great American Insurance Company', naic: '16691' },
      ],
      general: { ...s.general!, each: '500,000' },
      umbrella: {
        kind: 'umbrella',
        letter: 'B',
        number: 'UMB-55120',
        effective: '02/01/2026',
        expires: '02/01/2027',
        basis: 'occurrence',
        each: '2,000,000',
        aggregate: '2,000,000',
        retention: '10,000',
        ai: true,
      },
    }));
    const r = await readCertificate(await certificatePdf(spec, style));
    expect(r.insurers.map((i) => `${i.letter}:${i.naic?.value}`)).toEqual(['A:19682', 'B:16691']);
    expect(r.lines.map((l) => l.form)).toEqual(['general', 'umbrella']);
    const umbrella = r.lines[1]!;
    expect({
      insurer: umbrella.insurer?.value,
      number: umbrella.policyNumber?.value,
      effective: umbrella.effective?.value,
      each: umbrella.eachOccurrence?.value,
      aggregate: umbrella.aggregate?.value,
      retention: umbrella.retention?.value,
      basis: umbrella.basis?.value,
    }).toEqual({
      insurer: 'B',
      number: 'UMB-55120',
      effective: '2026-02-01',
      each: 200_000_000,
      aggregate: 200_000_000,
      retention: 1_000_000,
      basis: 'occurrence',
    });
    // The policy is the general liability line, with its own insurer.
    const f = policyFieldsOf(r);
    expect(f.insurer).toBe('Hartford Fire Insurance Company');
    expect(f.perOccurrence).toBe('500000.00');
  });
});

describe('files that are not a readable certificate', () => {
  it('a scanned page: no text, said so', async () => {
    expect(await problem(scannedPdf())).toBe('no-text');
  });
  it('not a PDF', async () => {
    expect(await problem(Buffer.from('Date,Ordered Product Sales\n11/3/2026,$1.00\n'))).toBe('not-pdf');
  });
  it('a PDF with a password', async () => {
    expect(await problem(encryptedPdf())).toBe('encrypted');
  });
  it('50 MB: refused before it is parsed', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    big.write('%PDF-1.7\n', 0, 'latin1');
    expect(await problem(big)).toBe('too-large');
  });
  it('a broken PDF is unreadable, not a crash', async () => {
    expect(await problem(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'))).toMatch(
      /unreadable|no-text/,
    );
  });
  it('a PDF that is not a certificate', async () => {
    const { PDFDocument, StandardFonts } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.drawText('Invoice 2026-118: 40 units', { font: await doc.embedFont(StandardFonts.Helvetica) });
    expect(await problem(doc.save())).toBe('unreadable');
  });
  it('a reader that runs out of time is stopped', async () => {
    await expect(
      readCertificate(await certificatePdf(COMPLIANT, 'flattened'), {
        maxBytes: 5 * 1024 * 1024,
        timeoutMs: 1,
        maxHeapMb: 256,
      }),
    ).rejects.toMatchObject({ problem: 'too-slow' });
  });
});

describe('the pieces', () => {
  it('amounts, dates, notice days and the additional insured wording', () => {
    expect(amountMinor('$1,000,000')).toBe(100_000_000);
    expect(amountMinor('2500.50')).toBe(250_050);
    expect(amountMinor('1,00,000')).toBeUndefined();
    expect(formDate('1/15/2026')).toBe('2026-01-15');
    expect(formDate('02/30/2026')).toBeUndefined();
    expect(noticeDays("30 days' written notice of cancellation")).toBe(30);
    expect(additionalInsuredIn(`Certificate holder. ${AMAZON_AI} are included as additional insured.`)).toBe(
      AMAZON_AI,
    );
    expect(additionalInsuredIn(`Additional insured: ${AMAZON_AI}.`)).toBe(AMAZON_AI);
    expect(additionalInsuredIn('Products sold online.')).toBeUndefined();
  });
});
