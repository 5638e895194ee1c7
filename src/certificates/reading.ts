// What coverwatch read from a certificate of insurance (the ACORD 25 form), each value with where
// it was found — a form field's name, or the printed label it sat beside — so a member can check it
// against the paper. Pure: the PDF is read elsewhere (pdf.ts); this is the vocabulary.
import type { CalendarDate } from '../rules/calendar.ts';
import type { PolicyBasis } from '../rules/policy.ts';

/** A value and where on the certificate it came from. */
export interface Located<T> {
  readonly value: T;
  /** "form field GeneralLiability_EachOccurrence_LimitAmount_A", or "page 1, beside “EACH OCCURRENCE”". */
  readonly at: string;
}

/** One row of the certificate's coverage table that Amazon cares about. */
export interface CoverageLine {
  readonly form: 'general' | 'umbrella' | 'excess';
  /** The insurer's letter (A–F), which names it in the insurers' box. */
  readonly insurer?: Located<string> | undefined;
  readonly policyNumber?: Located<string> | undefined;
  readonly effective?: Located<CalendarDate> | undefined;
  readonly expires?: Located<CalendarDate> | undefined;
  readonly basis?: Located<PolicyBasis> | undefined;
  /** Limits in minor units (cents). */
  readonly eachOccurrence?: Located<number> | undefined;
  readonly aggregate?: Located<number> | undefined;
  readonly productsAggregate?: Located<number> | undefined;
  /** The deductible or self-insured retention, when stated. */
  readonly retention?: Located<number> | undefined;
  /** The ADDL INSD column marked for this line. */
  readonly additionalInsured?: Located<boolean> | undefined;
}

export interface Insurer {
  readonly letter: string;
  readonly name: Located<string>;
  readonly naic?: Located<string> | undefined;
}

export interface CertificateReading {
  /** Read from the PDF's form fields (a fillable certificate) or its text layer (a flattened one). */
  readonly source: 'form-fields' | 'text';
  /** The form's title as printed, e.g. "CERTIFICATE OF LIABILITY INSURANCE". */
  readonly title?: Located<string> | undefined;
  /** Words that mark a quote or proposal rather than a bound certificate, where found. */
  readonly notBound?: Located<string> | undefined;
  readonly producer?: Located<string> | undefined;
  readonly insured?: Located<string> | undefined;
  readonly insurers: readonly Insurer[];
  readonly lines: readonly CoverageLine[];
  readonly description?: Located<string> | undefined;
  readonly holder?: Located<string> | undefined;
  readonly cancellation?: Located<string> | undefined;
}

/** "$1,000,000" or "1,000,000.00" -> minor units; anything else is not an amount. */
export function amountMinor(text: string): number | undefined {
  const m = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const minor = Number(m[1]!.replaceAll(',', '')) * 100 + Number(m[2] ?? '0');
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** "01/15/2026" (the form's MM/DD/YYYY) -> "2026-01-15"; an impossible date is not a date. */
export function formDate(text: string): CalendarDate | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as CalendarDate;
}

/** Words that make a document a quote or proposal, not proof of insurance. */
export const NOT_BOUND = /\b(quote|quotation|proposal|indication|not bound|not a binder|specimen)\b/i;

/** "Deductible: $2,500 per occurrence" in the remarks (ACORD 25's GL row has no box for it) -> minor units. */
export function deductibleIn(text: string): number | undefined {
  const m =
    /(?:deductible|self[\s-]insured\s+retention)\s*(?:of|:|is)?\s*(\$?\s?\d{1,3}(?:,\d{3})+|\$?\s?\d+)(?:\.\d{2})?/i.exec(
      text,
    );
  return m ? amountMinor(m[1]!.replace(/\s/g, '')) : undefined;
}

/** "… 30 days' notice of cancellation …" -> 30. */
export function noticeDays(text: string): number | undefined {
  const m = /(\d{1,3})\s*days?['’]?\s+(?:prior\s+)?(?:written\s+)?notice\s+of\s+cancell?ation/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * The additional insured named in the description of operations: "Amazon.com Services LLC and its
 * affiliates and assignees are named as additional insured", or "Additional insured: …".
 */
export function additionalInsuredIn(description: string): string | undefined {
  const text = description.replace(/\s+/g, ' ');
  const before =
    /([A-Z](?:[^.;:]|\.(?=\S))*?)\s+(?:is|are)\s+(?:hereby\s+)?(?:named|included|added|listed)\s+as\s+(?:an?\s+)?additional\s+insureds?/i.exec(
      text,
    );
  if (before) return before[1]!.trim();
  const after = /additional\s+insureds?\s*[:\-–]\s*((?:[^.;]|\.(?=\S))+)/i.exec(text);
  return after ? after[1]!.trim() : undefined;
}
