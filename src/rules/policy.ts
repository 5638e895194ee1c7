// Does a certificate of insurance (ACORD 25 fields) satisfy Amazon? Each requirement in force for
// the account's marketplace is judged on its own — pass, fail, or unknown when the field was never
// given — and returns a finding (a code and its values), never a sentence.
import { type CalendarDate, daysBetween } from './calendar.ts';
import type { PolicyFinding } from './findings.ts';
import type { Money } from './money.ts';
import { type Marketplace, type Rule, type RuleOf, ruleOn, type Topic } from './table.ts';

export const COVERAGE_FORMS = ['general', 'umbrella', 'excess', 'other'] as const;
export type CoverageForm = (typeof COVERAGE_FORMS)[number];
export const POLICY_BASES = ['occurrence', 'claims-made'] as const;
export type PolicyBasis = (typeof POLICY_BASES)[number];
export const ENTITY_TYPES = [
  'single-member-llc',
  'llc',
  'corporation',
  'partnership',
  'sole-proprietor',
  'other',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

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
  /** The day the certificate was uploaded to Amazon (Seller Central), if it was. */
  readonly uploadedOn?: CalendarDate | undefined;
}

export interface AccountIdentity {
  readonly marketplace: Marketplace;
  readonly legalName?: string | undefined;
  readonly dba?: string | undefined;
  readonly entity?: EntityType | undefined;
}

export type Outcome = 'pass' | 'fail' | 'unknown';

export interface RequirementResult {
  readonly rule: Rule;
  readonly outcome: Outcome;
  readonly finding: PolicyFinding;
  readonly advisory: boolean;
}

/** compliant: every required field given and passing; unverified: some never given; deficient: one fails. */
export type Verdict = 'compliant' | 'unverified' | 'deficient';

export interface PolicyCompliance {
  readonly verdict: Verdict;
  readonly inForce: boolean;
  readonly results: readonly RequirementResult[];
  /** Requirement topics Amazon has for this marketplace that are not encoded: the answer says so. */
  readonly notEncoded: readonly Topic[];
}

const result = (rule: Rule, outcome: Outcome, finding: PolicyFinding): RequirementResult => ({
  rule,
  outcome,
  finding,
  advisory: rule.advisory === true,
});

/** Whether a policy covers a calendar day: from its effective date up to (not including) its expiry date. */
export function inForceOn(
  policy: Pick<PolicyFacts, 'effectiveOn' | 'expiresOn'>,
  date: CalendarDate,
): boolean {
  return policy.effectiveOn <= date && date < policy.expiresOn;
}

type LimitTopic = 'per-occurrence' | 'aggregate' | 'products-aggregate';

function limit(rule: RuleOf<LimitTopic>, value: Money | undefined): RequirementResult {
  const field = rule.topic;
  const minimum = rule.amount;
  if (!value) return result(rule, 'unknown', { code: 'policy.limit.missing', values: { field, minimum } });
  if (value.currency !== minimum.currency)
    return result(rule, 'fail', {
      code: 'policy.limit.currency',
      values: { field, currency: value.currency, wanted: minimum.currency },
    });
  return value.minor >= minimum.minor
    ? result(rule, 'pass', { code: 'policy.limit.pass', values: { field, value, minimum } })
    : result(rule, 'fail', { code: 'policy.limit.fail', values: { field, value, minimum } });
}

function deductible(rule: RuleOf<'deductible'>, d: Money | undefined): RequirementResult {
  const maximum = rule.amount;
  if (!maximum) return result(rule, 'pass', { code: 'policy.deductible.relaxed', values: {} });
  if (!d) return result(rule, 'unknown', { code: 'policy.deductible.missing', values: { maximum } });
  if (d.currency !== maximum.currency)
    return result(rule, 'fail', {
      code: 'policy.limit.currency',
      values: { field: 'deductible', currency: d.currency, wanted: maximum.currency },
    });
  return d.minor <= maximum.minor
    ? result(rule, 'pass', { code: 'policy.deductible.pass', values: { value: d, maximum } })
    : result(rule, 'fail', { code: 'policy.deductible.fail', values: { value: d, maximum } });
}

function coverage(rule: RuleOf<'coverage'>, policy: PolicyFacts): RequirementResult {
  const products =
    policy.productsCompletedOps ??
    (policy.productsAggregate ? policy.productsAggregate.minor > 0 : undefined);
  if (policy.coverageForm === 'other')
    return result(rule, 'fail', { code: 'policy.coverage.form', values: {} });
  if (products === false) return result(rule, 'fail', { code: 'policy.coverage.products', values: {} });
  if (policy.coversMarketplace === false)
    return result(rule, 'fail', { code: 'policy.coverage.marketplace', values: {} });
  if (!policy.coverageForm || products === undefined) {
    const what = policy.coverageForm ? 'products' : products === undefined ? 'both' : 'form';
    return result(rule, 'unknown', { code: 'policy.coverage.missing', values: { what } });
  }
  return result(rule, 'pass', { code: 'policy.coverage.pass', values: { form: policy.coverageForm } });
}

function basis(rule: RuleOf<'basis'>, policy: PolicyFacts): RequirementResult {
  if (!policy.basis) return result(rule, 'unknown', { code: 'policy.basis.missing', values: {} });
  return policy.basis === 'occurrence'
    ? result(rule, 'pass', { code: 'policy.basis.pass', values: {} })
    : result(rule, 'fail', { code: 'policy.basis.claims-made', values: {} });
}

/** Lower-case words only: "Amazon.com Services, LLC & its affiliates" -> "amazoncom services llc and its affiliates". */
function words(text: string): string {
  return memo(WORDS, text, normaliseWords);
}

// Names and wordings repeat across checks (the same account, every sweep): normalise each once.
const WORDS = new Map<string, string>();
const ENTITIES = new Map<string, string>();
function memo(cache: Map<string, string>, text: string, make: (t: string) => string): string {
  let hit = cache.get(text);
  // Stryker disable next-line all: a cache; every answer is the same with or without it.
  if (hit === undefined) {
    hit = make(text);
    // Stryker disable next-line all: bounds the cache's memory; no answer depends on it.
    if (cache.size >= 5000) cache.clear();
    cache.set(text, hit);
  }
  return hit;
}

// A comma or a bracket parts words ("CO.,LTD" is "co ltd"); other marks join them ("L.L.C." is "llc").
function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[,;:/()，、；：（）]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function additionalInsured(rule: RuleOf<'additional-insured'>, policy: PolicyFacts): RequirementResult {
  const wanted = rule.wording;
  const ai = policy.additionalInsured?.trim();
  if (!ai) {
    // The most common rejection: Amazon in the certificate-holder box and nowhere else.
    if (policy.certificateHolder && /amazon/i.test(policy.certificateHolder))
      return result(rule, 'fail', { code: 'policy.ai.holder-only', values: { wanted } });
    return result(rule, 'unknown', { code: 'policy.ai.missing', values: { wanted } });
  }
  const got = words(ai);
  if (got === words(wanted)) return result(rule, 'pass', { code: 'policy.ai.pass', values: { wanted } });
  return result(rule, 'fail', {
    code: /amazon/.test(got) ? 'policy.ai.wording' : 'policy.ai.not-amazon',
    values: { got: ai, wanted },
  });
}

/** Legal names compared without punctuation, case or the usual spellings of company suffixes. */
function entity(text: string): string {
  return memo(ENTITIES, text, normaliseEntity);
}

function normaliseEntity(text: string): string {
  return words(text)
    .replace(/\blimited liability company\b/g, 'llc')
    .replace(/\bincorporated\b/g, 'inc')
    .replace(/\bcorporation\b/g, 'corp')
    .replace(/\bcompany\b/g, 'co')
    .replace(/\blimited\b/g, 'ltd');
}

function insuredName(
  rule: RuleOf<'insured-name'>,
  policy: PolicyFacts,
  account: AccountIdentity,
  asOf: CalendarDate,
): RequirementResult {
  const insured = policy.insuredName;
  if (!insured) return result(rule, 'unknown', { code: 'policy.insured.missing', values: {} });
  if (!account.legalName)
    return result(rule, 'unknown', { code: 'policy.insured.no-legal-name', values: { insured } });
  const name = entity(insured);
  const legal = account.legalName;
  if (name === entity(legal)) return result(rule, 'pass', { code: 'policy.insured.pass', values: { legal } });
  if (account.dba && name === entity(account.dba)) {
    const dba = account.dba;
    const exception = ruleOn('dba-exception', account.marketplace, asOf);
    if (!exception) return result(rule, 'fail', { code: 'policy.insured.dba-not-allowed', values: { dba } });
    if (account.entity === 'single-member-llc')
      return result(exception, 'pass', { code: 'policy.insured.dba-pass', values: { dba } });
    if (account.entity === undefined)
      return result(exception, 'unknown', { code: 'policy.insured.dba-entity-unknown', values: { dba } });
    return result(exception, 'fail', {
      code: 'policy.insured.dba-entity',
      values: { dba, entity: account.entity },
    });
  }
  // 深圳某某科技有限公司 against "Shenzhen Moumou Technology Co., Ltd.": perhaps one company, but no
  // comparison can tell; the legal name as Seller Central shows it, recorded on the account, can.
  if (HAN.test(insured) !== HAN.test(legal))
    return result(rule, 'unknown', { code: 'policy.insured.other-script', values: { insured, legal } });
  return result(rule, 'fail', { code: 'policy.insured.mismatch', values: { insured, legal } });
}

const HAN = /\p{Script=Han}/u;

/** AM Best and S&P grades, best first, merged on one scale (both agencies' "secure" line is A-). */
const GRADE_ORDER = ['AAA', 'AA+', 'AA', 'AA-', 'A++', 'A+', 'A', 'A-'].concat([
  'BBB+',
  'BBB',
  'BBB-',
  'B++',
  'B+',
  'B',
  'B-',
  'C++',
  'C+',
  'C',
  'C-',
  'D',
]);
/** "A+", "AM Best A+", "A.M. Best: A", "S&P AA-", "A (Excellent)". */
const RATING_RE = /^(?:S\s*&\s*P|A\.?M\.?\s*BEST)?[\s:]*([A-D]{1,3}[+-]{0,2})(?:\s|\(|$)/;

function insurerRating(rule: RuleOf<'insurer-rating'>, policy: PolicyFacts): RequirementResult {
  const minimum = rule.grade;
  if (!policy.insurerRating)
    return result(rule, 'unknown', { code: 'policy.rating.missing', values: { minimum } });
  const grade = RATING_RE.exec(policy.insurerRating.toUpperCase())?.[1];
  if (!grade)
    return result(rule, 'unknown', {
      code: 'policy.rating.unreadable',
      values: { rating: policy.insurerRating },
    });
  const rank = GRADE_ORDER.indexOf(grade);
  // Letters no agency gives ("DDD", a misread "ABC") are not a grade: unreadable, not "below the minimum".
  if (rank < 0)
    return result(rule, 'unknown', {
      code: 'policy.rating.unreadable',
      values: { rating: policy.insurerRating },
    });
  return rank <= GRADE_ORDER.indexOf(minimum)
    ? result(rule, 'pass', { code: 'policy.rating.pass', values: { grade } })
    : result(rule, 'fail', { code: 'policy.rating.fail', values: { grade, minimum } });
}

function cancellationNotice(rule: RuleOf<'cancellation-notice'>, policy: PolicyFacts): RequirementResult {
  const minimum = rule.days;
  const days = policy.cancellationNoticeDays;
  if (days === undefined)
    return result(rule, 'unknown', { code: 'policy.notice.missing', values: { minimum } });
  return days >= minimum
    ? result(rule, 'pass', { code: 'policy.notice.pass', values: { days } })
    : result(rule, 'fail', { code: 'policy.notice.fail', values: { days, minimum } });
}

function term(rule: RuleOf<'policy-term'>, policy: PolicyFacts, asOf: CalendarDate): RequirementResult {
  const { effectiveOn, expiresOn } = policy;
  if (expiresOn <= effectiveOn)
    return result(rule, 'fail', { code: 'policy.term.invalid', values: { effectiveOn, expiresOn } });
  if (asOf < effectiveOn)
    return result(rule, 'fail', { code: 'policy.term.not-yet', values: { effectiveOn } });
  if (asOf >= expiresOn) return result(rule, 'fail', { code: 'policy.term.expired', values: { expiresOn } });
  return result(rule, 'pass', {
    code: 'policy.term.pass',
    values: { effectiveOn, expiresOn, days: daysBetween(asOf, expiresOn) },
  });
}

function uploadValidity(
  rule: RuleOf<'upload-validity'>,
  policy: PolicyFacts,
  asOf: CalendarDate,
): RequirementResult {
  const minimum = rule.days;
  if (!policy.uploadedOn) {
    // Not uploaded yet: uploaded today, would it still run long enough? Said now, while the broker
    // can still send the renewal's certificate instead.
    const left = daysBetween(asOf, policy.expiresOn);
    return left >= 0 && left < minimum
      ? result(rule, 'fail', { code: 'policy.validity.short', values: { days: left, minimum } })
      : result(rule, 'unknown', { code: 'policy.validity.not-uploaded', values: {} });
  }
  const days = daysBetween(policy.uploadedOn, policy.expiresOn);
  return days >= minimum
    ? result(rule, 'pass', { code: 'policy.validity.pass', values: { uploadedOn: policy.uploadedOn, days } })
    : result(rule, 'fail', {
        code: 'policy.validity.fail',
        values: { uploadedOn: policy.uploadedOn, days, minimum },
      });
}

/** The requirement topics judged field by field; a marketplace without a row for one has it "not encoded". */
export const FIELD_TOPICS = [
  'per-occurrence',
  'aggregate',
  'products-aggregate',
  'deductible',
  'coverage',
  'basis',
  'additional-insured',
] as const satisfies readonly Topic[];

export function policyCompliance(
  policy: PolicyFacts,
  account: AccountIdentity,
  asOf: CalendarDate,
): PolicyCompliance {
  const m = account.marketplace;
  const on = <T extends Topic>(topic: T) => ruleOn(topic, m, asOf);
  const results: RequirementResult[] = [];
  const notEncoded: Topic[] = [];
  const termRule = on('policy-term');
  if (termRule) results.push(term(termRule, policy, asOf));
  for (const topic of FIELD_TOPICS) {
    const rule = on(topic);
    if (!rule) {
      // A marketplace without a row for a topic has it "not encoded" (the US table has a row for
      // every topic on every day: test/rules/table.test.ts).
      notEncoded.push(topic);
      continue;
    }
    switch (rule.topic) {
      case 'per-occurrence':
        results.push(limit(rule, policy.perOccurrence));
        break;
      case 'aggregate':
        results.push(limit(rule, policy.aggregate));
        break;
      case 'products-aggregate':
        results.push(limit(rule, policy.productsAggregate));
        break;
      case 'deductible':
        results.push(deductible(rule, policy.deductible));
        break;
      case 'coverage':
        results.push(coverage(rule, policy));
        break;
      case 'basis':
        results.push(basis(rule, policy));
        break;
      case 'additional-insured':
        results.push(additionalInsured(rule, policy));
        break;
    }
  }
  const nameRule = on('insured-name');
  if (nameRule) results.push(insuredName(nameRule, policy, account, asOf));
  const rating = on('insurer-rating');
  if (rating) results.push(insurerRating(rating, policy));
  const notice = on('cancellation-notice');
  if (notice) results.push(cancellationNotice(notice, policy));
  const validity = on('upload-validity');
  if (validity) results.push(uploadValidity(validity, policy, asOf));
  // Dates decide "in force", not the verdict: an expired policy is lapsed, not deficient.
  let verdict: Verdict = 'compliant';
  for (const r of results) {
    if (r.advisory || r.rule.topic === 'policy-term') continue;
    if (r.outcome === 'fail') {
      verdict = 'deficient';
      break;
    }
    if (r.outcome === 'unknown') verdict = 'unverified';
  }
  return { verdict, inForce: inForceOn(policy, asOf), results, notEncoded };
}
