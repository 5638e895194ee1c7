// The rules as data. Each row has an id, a plain-English sentence, its source and how sure we are
// of it, and — where the rule changed over time — an effective window. Code asks the table
// "which rules were in force on this date"; no date cut-offs live anywhere else.
import type { CalendarDate } from './calendar.ts';
import type { Currency } from './money.ts';

export type Confidence = 'confirmed' | 'second-hand';

export interface Source {
  /** Where the rule comes from, as a reader would look it up. */
  readonly title: string;
  /** The words that decide it, where we have them. */
  readonly quote?: string;
}

export interface Rule {
  readonly id: string;
  readonly sentence: string;
  readonly sources: readonly Source[];
  readonly confidence: Confidence;
  /** Advisory rules are reported but never make a policy deficient or an account non-compliant. */
  readonly advisory?: boolean;
}

export const MARKETPLACES = ['US', 'CA', 'MX', 'UK', 'EU', 'JP'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

export interface MarketplaceInfo {
  readonly code: Marketplace;
  readonly name: string;
  readonly currency: Currency;
}

export const MARKETPLACE_INFO: Record<Marketplace, MarketplaceInfo> = {
  US: { code: 'US', name: 'Amazon.com (United States)', currency: 'USD' },
  CA: { code: 'CA', name: 'Amazon.ca (Canada)', currency: 'CAD' },
  MX: { code: 'MX', name: 'Amazon.com.mx (Mexico)', currency: 'MXN' },
  UK: { code: 'UK', name: 'Amazon.co.uk (United Kingdom)', currency: 'GBP' },
  EU: {
    code: 'EU',
    name: "Amazon's European stores (DE, FR, IT, ES, NL, BE), sales counted across them",
    currency: 'EUR',
  },
  JP: { code: 'JP', name: 'Amazon.co.jp (Japan)', currency: 'JPY' },
};

/** A sales threshold: insurance is required once sales exceed `limit` in `consecutiveMonths` months in a row. */
export interface ThresholdRule extends Rule {
  readonly marketplace: Marketplace;
  /** First day in force; null = in force as far back as we know. */
  readonly from: CalendarDate | null;
  /** First day no longer in force; null = still in force. */
  readonly until: CalendarDate | null;
  readonly limitMinor: number;
  readonly consecutiveMonths: number;
  /** Days after the trigger by which insurance must be in force. */
  readonly deadlineDays: number;
}

const BSA: Source = {
  title: 'Amazon Business Solutions Agreement, section 9 (Insurance)',
  quote: '… exceed … or otherwise if requested by us, then within thirty (30) days thereafter …',
};
const AMAZON_EMAIL_2021: Source = {
  title: "Amazon's email to sellers of 2021-08-10, 'Amazon expands A-to-z Guarantee'",
  quote:
    'effective September 1, 2021, our Business Solutions Agreement will require sellers to obtain product liability insurance and name Amazon as an additional insured once you reach $10,000 in sales in one month',
};
const SELLER_NOTICE_2021: Source = {
  title: "Amazon's notice to US sellers, reported 2021-11-10",
  quote:
    "After September 1, 2021, the seller's total monthly sales revenue exceeds $10000 in any month in [Amazon]'s history … If Amazon requires you to provide an insurance certificate, you still need to provide an insurance certificate",
};
const FORUM_STAFF: Source = {
  title: "Amazon staff answers on Seller Forums ('Commercial liability insurance requirements')",
};
const FORUM_2022: Source = { title: 'Amazon Seller Forums announcement, 2022-06-27 (insured name)' };
const INSURER_GUIDES: Source = { title: "Insurance brokers' guides to Amazon's requirements (second-hand)" };
const AZ_EMAIL: Source = {
  title: "Amazon's email to sellers of 2021-08-10, 'Amazon expands A-to-z Guarantee'",
  quote:
    'Pay valid claims less than $1,000 and not seek reimbursement from sellers who have valid insurance … If a seller does not respond to a claim, Amazon will step in … bear the cost ourselves, and separately pursue the seller.',
};
const AZ_POLICY: Source = {
  title: "Amazon's A-to-z Guarantee property damage and personal injury claims policy page",
  quote: 'claims of $1000 or less',
};
const SECOND_HAND_THRESHOLDS: Source = {
  title: "Brokers' and sellers' summaries of Amazon's regional insurance thresholds (second-hand)",
};

export const US_ONE_MONTH_FROM: CalendarDate = '2021-09-01';

export const THRESHOLD_RULES: readonly ThresholdRule[] = [
  {
    id: 'US-THRESHOLD-3M',
    marketplace: 'US',
    from: null,
    until: US_ONE_MONTH_FROM,
    limitMinor: 10_000_00,
    consecutiveMonths: 3,
    deadlineDays: 30,
    sentence:
      'Before 2021-09-01, insurance was required once sales on Amazon.com exceeded USD 10,000 in each of three consecutive months.',
    sources: [BSA, AMAZON_EMAIL_2021],
    confidence: 'confirmed',
  },
  {
    id: 'US-THRESHOLD-1M',
    marketplace: 'US',
    from: US_ONE_MONTH_FROM,
    until: null,
    limitMinor: 10_000_00,
    consecutiveMonths: 1,
    deadlineDays: 30,
    sentence:
      'From 2021-09-01, insurance is required once sales on Amazon.com exceed USD 10,000 in any one calendar month; every month of the account’s history counts.',
    sources: [AMAZON_EMAIL_2021, SELLER_NOTICE_2021, BSA],
    confidence: 'confirmed',
  },
  secondHand('CA-THRESHOLD', 'CA', 10_000_00, 1, 'sales on Amazon.ca exceed CAD 10,000 in one month'),
  secondHand(
    'MX-THRESHOLD',
    'MX',
    100_000_00,
    3,
    'sales on Amazon.com.mx exceed MXN 100,000 in three consecutive months',
  ),
  secondHand('UK-THRESHOLD', 'UK', 4_000_00, 1, 'sales on Amazon.co.uk exceed GBP 4,000 in any month'),
  secondHand(
    'EU-THRESHOLD',
    'EU',
    5_000_00,
    1,
    "sales across Amazon's European stores (DE, FR, IT, ES, NL, BE) exceed EUR 5,000 in any month",
  ),
  secondHand('JP-THRESHOLD', 'JP', 1_000_000, 1, 'sales on Amazon.co.jp exceed JPY 1,000,000 in a month'),
];

function secondHand(
  id: string,
  marketplace: Marketplace,
  limitMinor: number,
  consecutiveMonths: number,
  condition: string,
): ThresholdRule {
  return {
    id,
    marketplace,
    from: null,
    until: null,
    limitMinor,
    consecutiveMonths,
    deadlineDays: 30,
    sentence: `Insurance is required once ${condition} (second-hand: not confirmed from Amazon's own terms).`,
    sources: [SECOND_HAND_THRESHOLDS],
    confidence: 'second-hand',
  };
}

export const RULES = {
  request: {
    id: 'AMAZON-REQUEST',
    sentence: 'Insurance is required whenever Amazon asks for proof of it, whatever the sales.',
    sources: [BSA, SELLER_NOTICE_2021],
    confidence: 'confirmed',
  },
  deadline: {
    id: 'DEADLINE-30D',
    sentence:
      'Insurance must be in force within 30 days of the trigger: the day sales first exceeded the threshold, or the day Amazon asked.',
    sources: [BSA],
    confidence: 'confirmed',
  },
  atThreshold: {
    id: 'THRESHOLD-EXCEED',
    sentence:
      'The agreement says sales must exceed the threshold, so a month exactly at it does not trigger the requirement; Amazon’s 2021 email said "reach", so such an account is at risk.',
    sources: [BSA, AMAZON_EMAIL_2021],
    confidence: 'confirmed',
  },
  term: {
    id: 'POLICY-TERM',
    sentence:
      'A policy covers from its effective date until its expiry date (usually one year); a renewal must be uploaded to Amazon again.',
    sources: [SELLER_NOTICE_2021],
    confidence: 'confirmed',
  },
  perOccurrence: {
    id: 'POLICY-PER-OCCURRENCE',
    sentence: 'The policy must carry at least USD 1,000,000 per occurrence.',
    sources: [FORUM_STAFF],
    confidence: 'confirmed',
  },
  aggregate: {
    id: 'POLICY-AGGREGATE',
    sentence: 'The policy must carry at least USD 1,000,000 in aggregate.',
    sources: [FORUM_STAFF],
    confidence: 'confirmed',
  },
  deductible: {
    id: 'POLICY-DEDUCTIBLE',
    sentence: 'The deductible must be USD 10,000 or less and stated on the certificate.',
    sources: [FORUM_STAFF],
    confidence: 'confirmed',
  },
  coverage: {
    id: 'POLICY-COVERAGE',
    sentence:
      'The policy must be commercial general, umbrella or excess liability including products/completed operations, covering Amazon.com sales in the US.',
    sources: [FORUM_STAFF],
    confidence: 'confirmed',
  },
  basis: {
    id: 'POLICY-OCCURRENCE',
    sentence: 'The policy must be written on an occurrence basis (claims-made only for exempt categories).',
    sources: [FORUM_STAFF],
    confidence: 'confirmed',
  },
  additionalInsured: {
    id: 'POLICY-ADDITIONAL-INSURED',
    sentence:
      'The policy must name "Amazon.com Services LLC and its affiliates and assignees" as additional insured — not merely as certificate holder.',
    sources: [FORUM_STAFF, AMAZON_EMAIL_2021],
    confidence: 'confirmed',
  },
  insuredName: {
    id: 'POLICY-INSURED-NAME',
    sentence:
      'The named insured must match the legal entity of the seller account (a single-member LLC may use its DBA).',
    sources: [FORUM_2022],
    confidence: 'confirmed',
  },
  insurerRating: {
    id: 'POLICY-INSURER-RATING',
    sentence: 'The insurer should be rated A- or better by AM Best or S&P.',
    sources: [INSURER_GUIDES],
    confidence: 'second-hand',
    advisory: true,
  },
  cancellationNotice: {
    id: 'POLICY-CANCELLATION-NOTICE',
    sentence: 'The insurer should give Amazon 30 days’ notice of cancellation.',
    sources: [INSURER_GUIDES],
    confidence: 'second-hand',
    advisory: true,
  },
  uploadValidity: {
    id: 'POLICY-UPLOAD-60D',
    sentence: 'A policy should remain valid at least 60 days after the day it is uploaded to Amazon.',
    sources: [INSURER_GUIDES],
    confidence: 'second-hand',
    advisory: true,
  },
  claimSmall: {
    id: 'AZ-CLAIM-SMALL',
    sentence:
      'For claims of USD 1,000 or less, Amazon resolves the claim by a concession and does not seek reimbursement from a seller with proof of insurance on file.',
    sources: [AZ_POLICY, AZ_EMAIL],
    confidence: 'confirmed',
  },
  claimProofWindow: {
    id: 'AZ-PROOF-7D',
    sentence:
      'A seller required (or asked) to be insured with no proof on file has 7 days from Amazon’s notice of a claim of USD 1,000 or less to provide it; otherwise Amazon expects reimbursement and may withhold funds (appeal within 30 days).',
    sources: [AZ_POLICY],
    confidence: 'confirmed',
  },
  claimLarge: {
    id: 'AZ-CLAIM-LARGE',
    sentence:
      'For claims over USD 1,000 the seller or its insurer must respond and resolve the claim; if the seller does not respond, Amazon may step in, pay and pursue the seller; if the seller rejects a claim Amazon deems valid, Amazon may pay and the seller can still defend.',
    sources: [AZ_EMAIL],
    confidence: 'confirmed',
  },
  claimFacts: {
    id: 'AZ-CLAIM-FACTS',
    sentence:
      'Customers file within 90 days of the incident, for up to USD 1,000,000; these concessions do not affect the order defect rate.',
    sources: [AZ_EMAIL, { title: "Amazon's A-to-z customer terms (second-hand)" }],
    confidence: 'second-hand',
  },
  claimBefore: {
    id: 'AZ-START',
    sentence:
      'Amazon’s A-to-z Guarantee handles property-damage and personal-injury claims only from 2021-09-01; earlier claims were settled between customer and seller.',
    sources: [AZ_EMAIL],
    confidence: 'confirmed',
  },
} as const satisfies Record<string, Rule>;

export const A_TO_Z_FROM: CalendarDate = '2021-09-01';
export const CLAIM_SMALL_LIMIT_MINOR = 1_000_00;
export const CLAIM_PROOF_DAYS = 7;
export const CLAIM_APPEAL_DAYS = 30;
export const CLAIM_FILING_DAYS = 90;

export const US_POLICY_MINIMUMS = {
  perOccurrenceMinor: 1_000_000_00,
  aggregateMinor: 1_000_000_00,
  maxDeductibleMinor: 10_000_00,
  uploadValidityDays: 60,
  cancellationNoticeDays: 30,
  additionalInsured: 'Amazon.com Services LLC and its affiliates and assignees',
} as const;

const RULES_BY_MARKETPLACE = new Map<Marketplace, readonly ThresholdRule[]>(
  MARKETPLACES.map((m) => [m, THRESHOLD_RULES.filter((r) => r.marketplace === m)]),
);

/** The threshold rules of a marketplace that were in force at some point on or before `asOf`. */
export function thresholdRulesUpTo(marketplace: Marketplace, asOf: CalendarDate): ThresholdRule[] {
  const out: ThresholdRule[] = [];
  for (const r of RULES_BY_MARKETPLACE.get(marketplace) ?? [])
    if (r.from === null || r.from <= asOf) out.push(r);
  return out;
}

/** The threshold rule in force on a date. */
export function thresholdRuleOn(marketplace: Marketplace, date: CalendarDate): ThresholdRule | undefined {
  for (const r of RULES_BY_MARKETPLACE.get(marketplace) ?? [])
    if ((r.from === null || r.from <= date) && (r.until === null || date < r.until)) return r;
  return undefined;
}

export function findRule(id: string): Rule | undefined {
  return [...THRESHOLD_RULES, ...Object.values(RULES)].find((r) => r.id === id);
}
