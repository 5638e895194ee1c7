// Does a certificate of insurance (ACORD 25 fields) satisfy Amazon? Each requirement is judged on
// its own — pass, fail, or unknown when the field was not given — with the sentence a seller needs.
import { type CalendarDate, daysBetween } from './calendar.ts';
import { formatMoney, type Money } from './money.ts';
import { type Marketplace, RULES, type Rule, US_POLICY_MINIMUMS } from './table.ts';

export const COVERAGE_FORMS = ['general', 'umbrella', 'excess', 'other'] as const;
export type CoverageForm = (typeof COVERAGE_FORMS)[number];
export const POLICY_BASES = ['occurrence', 'claims-made'] as const;
export type PolicyBasis = (typeof POLICY_BASES)[number];

export interface PolicyFacts {
  readonly insurer?: string | undefined;
  readonly insurerRating?: string | undefined;
  readonly policyNumber?: string | undefined;
  readonly coverageForm?: CoverageForm | undefined;
  readonly productsCompletedOps?: boolean | undefined;
  readonly coversMarketplace?: boolean | undefined;
  readonly effectiveOn: CalendarDate;
  readonly expiresOn: CalendarDate;
  readonly perOccurrence?: Money | undefined;
  readonly aggregate?: Money | undefined;
  readonly productsAggregate?: Money | undefined;
  readonly deductible?: Money | undefined;
  readonly basis?: PolicyBasis | undefined;
  readonly additionalInsured?: string | undefined;
  readonly certificateHolder?: string | undefined;
  readonly insuredName?: string | undefined;
  readonly cancellationNoticeDays?: number | undefined;
  readonly uploadedOn?: CalendarDate | undefined;
}

export interface AccountIdentity {
  readonly marketplace: Marketplace;
  readonly legalName?: string | undefined;
  readonly dba?: string | undefined;
}

export type Outcome = 'pass' | 'fail' | 'unknown';

export interface RequirementResult {
  readonly rule: Rule;
  readonly outcome: Outcome;
  readonly sentence: string;
  readonly advisory: boolean;
}

export type Verdict = 'compliant' | 'incomplete' | 'deficient';

export interface PolicyCompliance {
  readonly verdict: Verdict;
  readonly inForce: boolean;
  readonly results: readonly RequirementResult[];
  /** Set when the marketplace's own limits are not encoded and only the common checks ran. */
  readonly note?: string;
}

const result = (rule: Rule, outcome: Outcome, sentence: string): RequirementResult => ({
  rule,
  outcome,
  sentence,
  advisory: 'advisory' in rule && rule.advisory === true,
});

/** Whether a policy covers a calendar day: from its effective date up to (not including) its expiry date. */
export function inForceOn(
  policy: Pick<PolicyFacts, 'effectiveOn' | 'expiresOn'>,
  date: CalendarDate,
): boolean {
  return policy.effectiveOn <= date && date < policy.expiresOn;
}

function atLeast(
  rule: Rule,
  label: string,
  value: Money | undefined,
  minimumMinor: number,
): RequirementResult {
  if (!value) return result(rule, 'unknown', `${label} not given; it must be at least USD 1,000,000.`);
  const min = { minor: minimumMinor, currency: 'USD' as const };
  if (value.currency !== 'USD')
    return result(rule, 'fail', `${label} is in ${value.currency}; it must be in USD.`);
  return value.minor >= minimumMinor
    ? result(
        rule,
        'pass',
        `${label} ${formatMoney(value, { short: true })} meets the ${formatMoney(min, { short: true })} minimum.`,
      )
    : result(
        rule,
        'fail',
        `${label} ${formatMoney(value, { short: true })} is below the ${formatMoney(min, { short: true })} minimum.`,
      );
}

function deductible(policy: PolicyFacts): RequirementResult {
  const rule = RULES.deductible;
  const d = policy.deductible;
  if (!d)
    return result(
      rule,
      'unknown',
      'Deductible not given; the certificate must state it (USD 10,000 or less).',
    );
  if (d.currency !== 'USD') return result(rule, 'fail', `Deductible is in ${d.currency}; it must be in USD.`);
  return d.minor <= US_POLICY_MINIMUMS.maxDeductibleMinor
    ? result(rule, 'pass', `Deductible ${formatMoney(d, { short: true })} is within USD 10,000.`)
    : result(rule, 'fail', `Deductible ${formatMoney(d, { short: true })} is above USD 10,000.`);
}

function coverage(policy: PolicyFacts): RequirementResult {
  const rule = RULES.coverage;
  const products =
    policy.productsCompletedOps ??
    (policy.productsAggregate ? policy.productsAggregate.minor > 0 : undefined);
  if (policy.coverageForm === 'other')
    return result(rule, 'fail', 'The policy is not commercial general, umbrella or excess liability.');
  if (products === false)
    return result(rule, 'fail', 'The policy does not include products/completed operations coverage.');
  if (policy.coversMarketplace === false)
    return result(rule, 'fail', 'The policy does not cover sales on Amazon.com in the US.');
  if (!policy.coverageForm || products === undefined)
    return result(rule, 'unknown', 'Coverage type or products/completed operations not given.');
  return result(rule, 'pass', `${policy.coverageForm} liability including products/completed operations.`);
}

function basis(policy: PolicyFacts): RequirementResult {
  const rule = RULES.basis;
  if (!policy.basis)
    return result(rule, 'unknown', 'Occurrence or claims-made not given; it must be occurrence.');
  return policy.basis === 'occurrence'
    ? result(rule, 'pass', 'Written on an occurrence basis.')
    : result(rule, 'fail', 'Written claims-made; Amazon accepts that only for exempt categories.');
}

/** Lower-case words only: "Amazon.com Services, LLC & its affiliates" -> "amazoncom services llc and its affiliates". */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/l\.l\.c\.?/g, 'llc')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const AMAZON_AI = words(US_POLICY_MINIMUMS.additionalInsured);

function additionalInsured(policy: PolicyFacts): RequirementResult {
  const rule = RULES.additionalInsured;
  const wanted = `"${US_POLICY_MINIMUMS.additionalInsured}"`;
  const ai = policy.additionalInsured?.trim();
  if (!ai) {
    if (policy.certificateHolder && /amazon/i.test(policy.certificateHolder))
      return result(
        rule,
        'fail',
        `Amazon is named only as certificate holder; it must be additional insured, worded ${wanted}.`,
      );
    return result(rule, 'unknown', `Additional insured not given; it must be ${wanted}.`);
  }
  const got = words(ai);
  if (got === AMAZON_AI) return result(rule, 'pass', `Additional insured is ${wanted}.`);
  if (!/amazon/.test(got))
    return result(rule, 'fail', `Additional insured "${ai}" is not Amazon; it must be ${wanted}.`);
  return result(
    rule,
    'fail',
    `Additional insured "${ai}" is not Amazon's exact wording; it must be ${wanted}.`,
  );
}

/** Legal names compared without punctuation, case or the usual spellings of company suffixes. */
function entity(text: string): string {
  return words(text)
    .replace(/\blimited liability company\b/g, 'llc')
    .replace(/\bincorporated\b/g, 'inc')
    .replace(/\bcorporation\b/g, 'corp')
    .replace(/\bcompany\b/g, 'co')
    .replace(/\blimited\b/g, 'ltd');
}

function insuredName(policy: PolicyFacts, account: AccountIdentity): RequirementResult {
  const rule = RULES.insuredName;
  if (!policy.insuredName) return result(rule, 'unknown', 'Named insured not given.');
  if (!account.legalName)
    return result(
      rule,
      'unknown',
      `Named insured is "${policy.insuredName}", but the account has no legal entity name to compare with.`,
    );
  const name = entity(policy.insuredName);
  if (name === entity(account.legalName))
    return result(rule, 'pass', `Named insured matches the legal entity "${account.legalName}".`);
  if (account.dba && name === entity(account.dba))
    return result(
      rule,
      'pass',
      `Named insured matches the DBA "${account.dba}" (allowed for a single-member LLC).`,
    );
  return result(
    rule,
    'fail',
    `Named insured "${policy.insuredName}" does not match the account's legal entity "${account.legalName}".`,
  );
}

const GOOD_RATINGS = new Set(['A++', 'A+', 'A', 'A-', 'AAA', 'AA+', 'AA', 'AA-']);
const RATING_RE = /^(?:AM\s*BEST|S\s*&\s*P|A\.?M\.?\s*BEST)?[\s:]*([A-D]{1,3}[+-]{0,2})(?:\s|\(|$)/;

function insurerRating(policy: PolicyFacts): RequirementResult {
  const rule = RULES.insurerRating;
  if (!policy.insurerRating)
    return result(rule, 'unknown', 'Insurer rating not given; A- or better is expected.');
  const grade = RATING_RE.exec(policy.insurerRating.trim().toUpperCase())?.[1];
  if (!grade) return result(rule, 'unknown', `"${policy.insurerRating}" is not an AM Best or S&P rating.`);
  return GOOD_RATINGS.has(grade)
    ? result(rule, 'pass', `Insurer rated ${grade}.`)
    : result(rule, 'fail', `Insurer rated ${grade}, below A-.`);
}

function cancellationNotice(policy: PolicyFacts): RequirementResult {
  const rule = RULES.cancellationNotice;
  const days = policy.cancellationNoticeDays;
  if (days === undefined) return result(rule, 'unknown', 'Notice of cancellation to Amazon not given.');
  return days >= US_POLICY_MINIMUMS.cancellationNoticeDays
    ? result(rule, 'pass', `${days} days' notice of cancellation.`)
    : result(rule, 'fail', `Only ${days} days' notice of cancellation; 30 are expected.`);
}

function dates(policy: PolicyFacts, asOf: CalendarDate): RequirementResult {
  const rule = RULES.term;
  if (policy.expiresOn <= policy.effectiveOn)
    return result(
      rule,
      'fail',
      `Expiry ${policy.expiresOn} is not after the effective date ${policy.effectiveOn}.`,
    );
  if (asOf < policy.effectiveOn)
    return result(rule, 'fail', `Not yet in force: coverage starts on ${policy.effectiveOn}.`);
  if (asOf >= policy.expiresOn) return result(rule, 'fail', `Expired on ${policy.expiresOn}.`);
  const left = daysBetween(asOf, policy.expiresOn);
  return result(
    rule,
    'pass',
    `In force from ${policy.effectiveOn} until ${policy.expiresOn} (expires in ${left} days).`,
  );
}

function uploadValidity(policy: PolicyFacts): RequirementResult {
  const rule = RULES.uploadValidity;
  if (!policy.uploadedOn) return result(rule, 'unknown', 'Not yet marked as uploaded to Amazon.');
  const left = daysBetween(policy.uploadedOn, policy.expiresOn);
  return left >= US_POLICY_MINIMUMS.uploadValidityDays
    ? result(rule, 'pass', `Uploaded on ${policy.uploadedOn}, valid ${left} days after that.`)
    : result(
        rule,
        'fail',
        `Uploaded on ${policy.uploadedOn} with only ${left} days left; at least 60 are expected.`,
      );
}

export function policyCompliance(
  policy: PolicyFacts,
  account: AccountIdentity,
  asOf: CalendarDate,
): PolicyCompliance {
  const common = [
    dates(policy, asOf),
    insuredName(policy, account),
    insurerRating(policy),
    cancellationNotice(policy),
    uploadValidity(policy),
  ];
  const usOnly =
    account.marketplace === 'US'
      ? [
          atLeast(
            RULES.perOccurrence,
            'Per-occurrence limit',
            policy.perOccurrence,
            US_POLICY_MINIMUMS.perOccurrenceMinor,
          ),
          atLeast(RULES.aggregate, 'Aggregate limit', policy.aggregate, US_POLICY_MINIMUMS.aggregateMinor),
          deductible(policy),
          coverage(policy),
          basis(policy),
          additionalInsured(policy),
        ]
      : [];
  const [term, ...rest] = common;
  const results = [term!, ...usOnly, ...rest];
  // Dates decide `inForce`, not the verdict: an expired policy is lapsed, not deficient.
  const required = results.filter((r) => !r.advisory && r.rule !== RULES.term);
  const verdict: Verdict = required.some((r) => r.outcome === 'fail')
    ? 'deficient'
    : required.some((r) => r.outcome === 'unknown')
      ? 'incomplete'
      : 'compliant';
  return {
    verdict,
    inForce: inForceOn(policy, asOf),
    results,
    ...(account.marketplace === 'US'
      ? {}
      : {
          note: `Amazon's limits and wording for ${account.marketplace} are not encoded; only dates, insured name and insurer were checked.`,
        }),
  };
}
