// A certificate PDF -> what it says (every value with where it was found) -> the policy fields the
// rules engine judges. A fillable certificate is read from its form fields, a flattened one from its
// text layer; a scanned page has neither, and says so.
import type { PolicyFields } from '../app/policies.ts';
import { hasAcordFields, readFields } from './acord25-fields.ts';
import { readText } from './acord25-text.ts';
import { CertificateError, type PdfLimits, readPdf } from './pdf.ts';
import {
  additionalInsuredIn,
  type CertificateReading,
  type CoverageLine,
  deductibleIn,
  noticeDays,
} from './reading.ts';

export async function readCertificate(bytes: Uint8Array, limits?: PdfLimits): Promise<CertificateReading> {
  const content = await readPdf(bytes, limits);
  if (content.items.length === 0 && !hasAcordFields(content.fields))
    throw new CertificateError('no-text', 'the PDF has no text layer (a scan or a photo)');
  const text = readText(content.items);
  const reading: CertificateReading = hasAcordFields(content.fields)
    ? {
        ...readFields(content.fields),
        // The printed parts of a fillable form (its title, the cancellation clause) are text.
        title: text.title,
        notBound: text.notBound,
        cancellation: text.cancellation,
      }
    : text;
  if (!reading.title && reading.lines.length === 0 && !reading.insured)
    throw new CertificateError('unreadable', 'no ACORD 25 labels or fields were found');
  return reading;
}

/** The line a policy is made of: general liability, else the first line read. */
export function mainLine(reading: CertificateReading): CoverageLine | undefined {
  return reading.lines.find((l) => l.form === 'general') ?? reading.lines[0];
}

/** Minor units -> "1000000.00", with integers only. */
const amountText = (minor: number | undefined) =>
  minor === undefined
    ? undefined
    : `${(minor - (minor % 100)) / 100}.${String(minor % 100).padStart(2, '0')}`;

/** What `policy add` would be given: the main line's fields, the insured, the holder and the wording. */
export function policyFieldsOf(reading: CertificateReading): PolicyFields {
  const line = mainLine(reading);
  const insurer =
    reading.insurers.find((i) => i.letter === line?.insurer?.value) ??
    (reading.insurers.length === 1 ? reading.insurers[0] : undefined);
  const description = reading.description?.value ?? '';
  const products = line?.productsAggregate?.value;
  return {
    effectiveOn: line?.effective?.value,
    expiresOn: line?.expires?.value,
    insurer: insurer?.name.value,
    policyNumber: line?.policyNumber?.value,
    coverageForm: line?.form,
    productsCompletedOps: products !== undefined && products > 0 ? true : undefined,
    perOccurrence: amountText(line?.eachOccurrence?.value),
    aggregate: amountText(line?.aggregate?.value),
    productsAggregate: amountText(products),
    deductible: amountText(line?.retention?.value ?? deductibleIn(description)),
    basis: line?.basis?.value,
    additionalInsured: additionalInsuredIn(description),
    certificateHolder: reading.holder?.value,
    insuredName: reading.insured?.value,
    cancellationNoticeDays: noticeDays(description) ?? noticeDays(reading.cancellation?.value ?? ''),
  };
}
