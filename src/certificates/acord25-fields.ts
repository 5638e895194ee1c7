// A fillable ACORD 25 read from its form fields. ACORD names its fields after its data standard
// ("F[0].P1[0].GeneralLiability_EachOccurrence_LimitAmount_A[0]"); brokers' systems vary the
// middle a little (Policy_PolicyNumberIdentifier_A or Policy_GeneralLiability_…), so each field is
// found by a pattern on the last part of its name.
import type { PdfField } from './pdf.ts';
import {
  amountMinor,
  type CertificateReading,
  type CoverageLine,
  formDate,
  type Insurer,
  type Located,
} from './reading.ts';

/** "F[0].P1[0].Producer_FullName_A[0]" -> "Producer_FullName_A". */
export const shortName = (name: string): string => (name.split('.').pop() ?? name).replace(/\[\d+\]$/, '');

type Lookup = (pattern: RegExp) => { name: string; field: PdfField } | undefined;

const at = (name: string) => `form field ${name}`;

function text(find: Lookup, pattern: RegExp): Located<string> | undefined {
  const hit = find(pattern);
  const value = typeof hit?.field.value === 'string' ? hit.field.value.replace(/\s+/g, ' ').trim() : '';
  return hit && value ? { value, at: at(hit.name) } : undefined;
}

function checked(find: Lookup, pattern: RegExp): Located<boolean> | undefined {
  const hit = find(pattern);
  if (!hit) return undefined;
  const v = hit.field.value;
  // A checkbox holds its export value when ticked, "Off" when not; ACORD's text "boxes" hold X or Y.
  const on = v === true || (typeof v === 'string' && v !== '' && !/^(off|no|n|false)$/i.test(v.trim()));
  return { value: on, at: at(hit.name) };
}

function amount(find: Lookup, pattern: RegExp): Located<number> | undefined {
  const t = text(find, pattern);
  const minor = t && amountMinor(t.value);
  return t && minor !== undefined ? { value: minor, at: t.at } : undefined;
}

function date(find: Lookup, pattern: RegExp) {
  const t = text(find, pattern);
  const value = t && formDate(t.value);
  return t && value ? { value, at: t.at } : undefined;
}

function line(find: Lookup, form: CoverageLine['form'], p: Record<string, RegExp>): CoverageLine {
  const occurrence = checked(find, p.occurrence!);
  const claimsMade = checked(find, p.claimsMade!);
  const basis = claimsMade?.value
    ? { value: 'claims-made' as const, at: claimsMade.at }
    : occurrence?.value
      ? { value: 'occurrence' as const, at: occurrence.at }
      : undefined;
  return {
    form,
    insurer: text(find, p.letter!),
    policyNumber: text(find, p.number!),
    effective: date(find, p.effective!),
    expires: date(find, p.expires!),
    basis,
    eachOccurrence: amount(find, p.each!),
    aggregate: amount(find, p.aggregate!),
    productsAggregate: p.products ? amount(find, p.products) : undefined,
    retention: amount(find, p.retention!),
    additionalInsured: checked(find, p.ai!),
  };
}

const GENERAL = {
  indicator: /^GeneralLiability_CoverageIndicator_A$/,
  letter: /^GeneralLiability_InsurerLetterCode_A$/,
  number: /^Policy_(?:GeneralLiability_)?PolicyNumberIdentifier_A$/,
  effective: /^Policy_(?:GeneralLiability_)?EffectiveDate_A$/,
  expires: /^Policy_(?:GeneralLiability_)?ExpirationDate_A$/,
  occurrence: /^GeneralLiability_OccurrenceIndicator_A$/,
  claimsMade: /^GeneralLiability_ClaimsMadeIndicator_A$/,
  each: /^GeneralLiability_EachOccurrence_LimitAmount_A$/,
  aggregate: /^GeneralLiability_GeneralAggregate_LimitAmount_A$/,
  products: /^GeneralLiability_ProductsAndCompletedOperations_AggregateLimitAmount_A$/,
  retention: /^GeneralLiability_(?:Deductible|DeductibleOrRetention)(?:_LimitAmount|Amount)_A$/,
  ai: /^CertificateOfInsurance_(?:GeneralLiability_)?AdditionalInsuredCode_A$/,
};

const UMBRELLA = {
  umbrella: /^ExcessUmbrella_UmbrellaIndicator_A$/,
  excess: /^ExcessUmbrella_ExcessIndicator_A$/,
  letter: /^ExcessUmbrella_InsurerLetterCode_A$/,
  number: /^Policy_ExcessLiability_PolicyNumberIdentifier_A$/,
  effective: /^Policy_ExcessLiability_EffectiveDate_A$/,
  expires: /^Policy_ExcessLiability_ExpirationDate_A$/,
  occurrence: /^ExcessUmbrella_OccurrenceIndicator_A$/,
  claimsMade: /^ExcessUmbrella_ClaimsMadeIndicator_A$/,
  each: /^ExcessUmbrella_(?:Umbrella_)?EachOccurrence(?:_Limit)?Amount_A$/,
  aggregate: /^ExcessUmbrella_(?:Umbrella_)?Aggregate(?:_Limit)?Amount_A$/,
  retention: /^ExcessUmbrella_(?:Umbrella_)?DeductibleOrRetentionAmount_A$/,
  ai: /^CertificateOfInsurance_ExcessLiability_AdditionalInsuredCode_A$/,
};

/** True when the form has ACORD 25's fields filled in (a fillable certificate), not just its text. */
export function hasAcordFields(fields: readonly PdfField[]): boolean {
  return fields.some(
    (f) =>
      /^(NamedInsured_FullName_A|GeneralLiability_EachOccurrence_LimitAmount_A)$/.test(shortName(f.name)) &&
      typeof f.value === 'string' &&
      f.value.trim() !== '',
  );
}

export function readFields(
  fields: readonly PdfField[],
): Omit<CertificateReading, 'title' | 'notBound' | 'cancellation'> {
  const byName = new Map<string, PdfField>();
  for (const f of fields) if (!byName.has(shortName(f.name))) byName.set(shortName(f.name), f);
  const find: Lookup = (pattern) => {
    for (const [name, field] of byName) if (pattern.test(name)) return { name, field };
    return undefined;
  };
  const insurers: Insurer[] = [];
  for (const letter of 'ABCDEF') {
    const name = text(find, new RegExp(`^Insurer_FullName_${letter}$`));
    if (name) insurers.push({ letter, name, naic: text(find, new RegExp(`^Insurer_NAICCode_${letter}$`)) });
  }
  const lines: CoverageLine[] = [];
  const general = line(find, 'general', GENERAL);
  if (checked(find, GENERAL.indicator)?.value || general.policyNumber || general.eachOccurrence)
    lines.push(general);
  const excess = checked(find, UMBRELLA.excess)?.value;
  const umbrella = line(find, excess ? 'excess' : 'umbrella', UMBRELLA);
  if (checked(find, UMBRELLA.umbrella)?.value || excess || umbrella.policyNumber || umbrella.eachOccurrence)
    lines.push(umbrella);
  return {
    source: 'form-fields',
    producer: text(find, /^Producer_FullName_A$/),
    insured: text(find, /^NamedInsured_FullName_A$/),
    insurers,
    lines,
    description: text(find, /^CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A$/),
    holder: text(find, /^CertificateHolder_FullName_A$/),
  };
}
