// The rules as data. Every number the engine uses — thresholds, days, percentages, limits — is a
// row here with the dates it is in force (`from` inclusive, `until` exclusive), the marketplaces it
// covers and its sources. Code asks "which row of this topic was in force on this day for this
// marketplace"; no date cut-off or number lives anywhere else. Sentences are rendered from the
// rows by the message catalogue, so no sentence restates a number held here.
import type { CalendarDate } from './calendar.ts';
import type { Currency, Money } from './money.ts';
import { SOURCES, type Source } from './sources.ts';

export const MARKETPLACES = ['US', 'CA', 'MX', 'UK', 'EU', 'JP'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

/**
 * The time zone of each store's day as Amazon's own reports count it (Seller Central's reports, the
 * Sales API's day boundaries): an account's dates, its trigger day and its 30 days, are counted in it
 * unless the account sets its own. Not the team's zone: a team in Shanghai selling on Amazon.com is
 * a day ahead of Amazon for most of its working day.
 */
export const MARKETPLACE_TIME_ZONE: Readonly<Record<Marketplace, string>> = {
  US: 'America/Los_Angeles',
  CA: 'America/Los_Angeles',
  MX: 'America/Los_Angeles',
  UK: 'Europe/London',
  EU: 'Europe/Berlin',
  JP: 'Asia/Tokyo',
};

/** The zone an account's days are counted in: its own, else its store's. */
export const accountTimeZone = (account: {
  readonly timeZone?: string | undefined;
  readonly marketplace: Marketplace;
}): string => account.timeZone ?? MARKETPLACE_TIME_ZONE[account.marketplace];

export const MARKETPLACE_CURRENCY: Record<Marketplace, Currency> = {
  US: 'USD',
  CA: 'CAD',
  MX: 'MXN',
  UK: 'GBP',
  EU: 'EUR',
  JP: 'JPY',
};

/**
 * `confirmed`: Amazon's own terms, emails or staff. `second-hand`: brokers and sellers reporting
 * them; every answer such a row decides says so. `coverwatch`: our own setting, not Amazon's.
 */
export type Confidence = 'confirmed' | 'second-hand' | 'coverwatch';

/** The numbers each topic carries. */
interface TopicParams {
  /** Required once sales exceed `amount` in `months` consecutive calendar months. */
  threshold: { amount: Money; months: number };
  /** Required whenever Amazon asks, whatever the sales. */
  request: object;
  /** Insurance in force within `days` of the trigger. */
  deadline: { days: number };
  /** Once triggered, required for the rest of the agreement's term. */
  'obligation-term': object;
  /** The terms say "exceed": a month exactly at the threshold does not trigger. */
  'at-threshold': object;
  /** coverwatch warns from `percent` of the threshold. */
  approaching: { percent: number };
  /** A policy covers from its effective date to its expiry date. */
  'policy-term': object;
  /** Proof must be uploaded to Amazon, not only held. */
  upload: object;
  'per-occurrence': { amount: Money };
  aggregate: { amount: Money };
  'products-aggregate': { amount: Money };
  /** `amount` absent: no maximum while the requirement was relaxed. */
  deductible: { amount?: Money };
  coverage: object;
  basis: object;
  'additional-insured': { wording: string };
  'insured-name': object;
  /** A single-member LLC may be insured under its DBA. */
  'dba-exception': object;
  'insurer-rating': { grade: string };
  'cancellation-notice': { days: number };
  'upload-validity': { days: number };
  /** Amazon's A-to-z handling of property-damage and personal-injury claims (in force from `from`). */
  'az-start': object;
  'claim-small': { amount: Money };
  'claim-proof-window': { days: number };
  'claim-appeal': { days: number };
  /** Over the `claim-small` line: the seller or its insurer must respond. */
  'claim-large': object;
  'claim-filing': { days: number };
  'claim-max': { amount: Money };
}

export type Topic = keyof TopicParams;

interface RuleBase {
  /** Stable id, cited as [ID] in every answer the row decides. */
  readonly id: string;
  readonly marketplaces: readonly Marketplace[];
  readonly from: CalendarDate | null;
  readonly until: CalendarDate | null;
  readonly sources: readonly Source[];
  /** Sources that disagree with this row: shown beside it, never hidden. */
  readonly conflicts?: readonly Source[];
  readonly confidence: Confidence;
  /** Advisory rows are reported but never make a policy deficient. */
  readonly advisory?: boolean;
}

/** The row type of a topic (distributes over unions, so a switch on `topic` narrows it). */
export type RuleOf<T extends Topic> = T extends Topic
  ? RuleBase & { readonly topic: T } & Readonly<TopicParams[T]>
  : never;
export type Rule = { [T in Topic]: RuleOf<T> }[Topic];
export type ThresholdRule = RuleOf<'threshold'>;

const ALL: readonly Marketplace[] = MARKETPLACES;
const INTL: readonly Marketplace[] = ['CA', 'MX', 'UK', 'EU', 'JP'];
const US: readonly Marketplace[] = ['US'];
const usd = (major: number): Money => ({ minor: major * 100, currency: 'USD' });
const S = SOURCES;

function row<T extends Topic>(
  topic: T,
  r: Omit<RuleOf<T>, 'topic' | 'from' | 'until'> & { from?: CalendarDate; until?: CalendarDate },
): RuleOf<T> {
  return { ...r, topic, from: r.from ?? null, until: r.until ?? null } as RuleOf<T>;
}

/** The day the US one-month rule and Amazon's A-to-z handling of injury claims began. */
const SEP_2021: CalendarDate = '2021-09-01';
/** Amazon Services Europe's agreement, as reported (another report says 2024-07-24: see the rows). */
const EU_2024: CalendarDate = '2024-05-29';
const MULTI_SITE_2024: CalendarDate = '2024-07-24';

export const RULE_TABLE: readonly Rule[] = [
  // --- when insurance is required ---------------------------------------------------------------
  row('threshold', {
    id: 'US-THRESHOLD-3M',
    marketplaces: US,
    until: SEP_2021,
    amount: usd(10_000),
    months: 3,
    sources: [S.bsaUs, S.email2021],
    confidence: 'confirmed',
  }),
  row('threshold', {
    id: 'US-THRESHOLD-1M',
    marketplaces: US,
    from: SEP_2021,
    amount: usd(10_000),
    months: 1,
    sources: [S.email2021, S.notice2021, S.bsaUs],
    confidence: 'confirmed',
  }),
  row('threshold', {
    id: 'CA-THRESHOLD-3M',
    marketplaces: ['CA'],
    until: MULTI_SITE_2024,
    amount: { minor: 10_000_00, currency: 'CAD' },
    months: 3,
    sources: [S.bsaCaMxEarlier],
    confidence: 'second-hand',
  }),
  row('threshold', {
    id: 'CA-THRESHOLD-1M',
    marketplaces: ['CA'],
    from: MULTI_SITE_2024,
    amount: { minor: 10_000_00, currency: 'CAD' },
    months: 1,
    sources: [S.multiSiteNotice2024],
    confidence: 'second-hand',
  }),
  row('threshold', {
    id: 'MX-THRESHOLD-3M',
    marketplaces: ['MX'],
    until: MULTI_SITE_2024,
    amount: { minor: 100_000_00, currency: 'MXN' },
    months: 3,
    sources: [S.bsaCaMxEarlier],
    confidence: 'second-hand',
  }),
  row('threshold', {
    id: 'MX-THRESHOLD-1M',
    marketplaces: ['MX'],
    from: MULTI_SITE_2024,
    amount: { minor: 100_000_00, currency: 'MXN' },
    months: 1,
    sources: [S.regionalSummaries],
    // No source gives Mexico's own day of the change; it is taken from the multi-site notice.
    conflicts: [S.multiSiteNotice2024],
    confidence: 'second-hand',
  }),
  row('threshold', {
    id: 'UK-THRESHOLD',
    marketplaces: ['UK'],
    from: EU_2024,
    amount: { minor: 4_000_00, currency: 'GBP' },
    months: 1,
    sources: [S.bsaEu2024],
    conflicts: [S.multiSiteNotice2024],
    confidence: 'second-hand',
  }),
  row('threshold', {
    id: 'EU-THRESHOLD',
    marketplaces: ['EU'],
    from: EU_2024,
    amount: { minor: 5_000_00, currency: 'EUR' },
    months: 1,
    sources: [S.bsaEu2024],
    conflicts: [S.multiSiteNotice2024],
    confidence: 'second-hand',
  }),
  row('threshold', {
    id: 'JP-THRESHOLD',
    marketplaces: ['JP'],
    amount: { minor: 1_000_000, currency: 'JPY' },
    months: 1,
    sources: [S.regionalSummaries],
    confidence: 'second-hand',
  }),
  row('request', {
    id: 'AMAZON-REQUEST',
    marketplaces: US,
    sources: [S.bsaUs, S.notice2021],
    confidence: 'confirmed',
  }),
  row('request', {
    id: 'AMAZON-REQUEST-INTL',
    marketplaces: INTL,
    sources: [S.multiSiteNotice2024, S.regionalSummaries],
    confidence: 'second-hand',
  }),
  row('deadline', {
    id: 'DEADLINE-30D',
    marketplaces: US,
    days: 30,
    sources: [S.bsaUs],
    confidence: 'confirmed',
  }),
  row('deadline', {
    id: 'DEADLINE-30D-INTL',
    marketplaces: INTL,
    days: 30,
    sources: [S.regionalSummaries],
    confidence: 'second-hand',
  }),
  row('obligation-term', {
    id: 'OBLIGATION-TERM',
    marketplaces: US,
    sources: [S.bsaUs],
    confidence: 'confirmed',
  }),
  row('obligation-term', {
    id: 'OBLIGATION-TERM-INTL',
    marketplaces: INTL,
    sources: [S.regionalSummaries],
    confidence: 'second-hand',
  }),
  row('at-threshold', {
    id: 'THRESHOLD-EXCEED',
    marketplaces: US,
    sources: [S.bsaUs, S.email2021],
    confidence: 'confirmed',
  }),
  row('at-threshold', {
    id: 'THRESHOLD-EXCEED-INTL',
    marketplaces: INTL,
    sources: [S.multiSiteNotice2024],
    confidence: 'second-hand',
  }),
  row('approaching', {
    id: 'APPROACHING-80',
    marketplaces: ALL,
    percent: 80,
    sources: [S.coverwatch],
    confidence: 'coverwatch',
  }),

  // --- the policy ---------------------------------------------------------------------------------
  row('policy-term', {
    id: 'POLICY-TERM',
    marketplaces: US,
    sources: [S.notice2021],
    confidence: 'confirmed',
  }),
  row('policy-term', {
    id: 'POLICY-TERM-INTL',
    marketplaces: INTL,
    sources: [S.regionalSummaries],
    confidence: 'second-hand',
  }),
  row('upload', {
    id: 'PROOF-UPLOAD',
    marketplaces: US,
    sources: [S.notice2021, S.azEmail],
    confidence: 'confirmed',
  }),
  row('upload', {
    id: 'PROOF-UPLOAD-INTL',
    marketplaces: INTL,
    sources: [S.multiSiteNotice2024],
    confidence: 'second-hand',
  }),
  row('per-occurrence', {
    id: 'POLICY-PER-OCCURRENCE',
    marketplaces: US,
    amount: usd(1_000_000),
    sources: [S.forumStaff],
    confidence: 'confirmed',
  }),
  row('per-occurrence', {
    id: 'POLICY-PER-OCCURRENCE-UK',
    marketplaces: ['UK'],
    from: EU_2024,
    amount: { minor: 400_000_00, currency: 'GBP' },
    sources: [S.euLimits],
    confidence: 'second-hand',
  }),
  row('per-occurrence', {
    id: 'POLICY-PER-OCCURRENCE-EU',
    marketplaces: ['EU'],
    from: EU_2024,
    amount: { minor: 500_000_00, currency: 'EUR' },
    sources: [S.euLimits],
    conflicts: [S.euLimitsConflict],
    confidence: 'second-hand',
  }),
  row('aggregate', {
    id: 'POLICY-AGGREGATE',
    marketplaces: US,
    amount: usd(1_000_000),
    sources: [S.forumStaff],
    confidence: 'confirmed',
  }),
  row('aggregate', {
    id: 'POLICY-AGGREGATE-UK',
    marketplaces: ['UK'],
    from: EU_2024,
    amount: { minor: 400_000_00, currency: 'GBP' },
    sources: [S.euLimits],
    confidence: 'second-hand',
  }),
  row('aggregate', {
    id: 'POLICY-AGGREGATE-EU',
    marketplaces: ['EU'],
    from: EU_2024,
    amount: { minor: 500_000_00, currency: 'EUR' },
    sources: [S.euLimits],
    conflicts: [S.euLimitsConflict],
    confidence: 'second-hand',
  }),
  row('products-aggregate', {
    id: 'POLICY-PRODUCTS-AGGREGATE',
    marketplaces: US,
    amount: usd(1_000_000),
    sources: [S.forumStaff],
    confidence: 'confirmed',
  }),
  row('deductible', {
    id: 'POLICY-DEDUCTIBLE',
    marketplaces: US,
    until: '2022-06-27',
    amount: usd(10_000),
    sources: [S.forumStaff],
    confidence: 'confirmed',
  }),
  row('deductible', {
    id: 'POLICY-DEDUCTIBLE-RELAXED',
    marketplaces: US,
    from: '2022-06-27',
    until: '2022-08-15',
    sources: [S.forum2022],
    confidence: 'confirmed',
  }),
  row('deductible', {
    id: 'POLICY-DEDUCTIBLE-2022',
    marketplaces: US,
    from: '2022-08-15',
    amount: usd(10_000),
    sources: [S.forum2022Restored, S.forumStaff],
    confidence: 'confirmed',
  }),
  row('coverage', {
    id: 'POLICY-COVERAGE',
    marketplaces: US,
    sources: [S.forumStaff],
    confidence: 'confirmed',
  }),
  row('basis', {
    id: 'POLICY-OCCURRENCE',
    marketplaces: US,
    sources: [S.forumStaff],
    confidence: 'confirmed',
  }),
  row('additional-insured', {
    id: 'POLICY-ADDITIONAL-INSURED',
    marketplaces: US,
    wording: 'Amazon.com Services LLC and its affiliates and assignees',
    sources: [S.forumStaff, S.email2021],
    confidence: 'confirmed',
  }),
  row('insured-name', {
    id: 'POLICY-INSURED-NAME',
    marketplaces: US,
    sources: [S.forum2022],
    confidence: 'confirmed',
  }),
  row('insured-name', {
    id: 'POLICY-INSURED-NAME-INTL',
    marketplaces: INTL,
    sources: [S.regionalSummaries],
    confidence: 'second-hand',
  }),
  row('dba-exception', {
    id: 'POLICY-DBA-SINGLE-MEMBER-LLC',
    marketplaces: US,
    from: '2022-06-27',
    sources: [S.forum2022],
    confidence: 'confirmed',
  }),
  row('insurer-rating', {
    id: 'POLICY-INSURER-RATING',
    marketplaces: ALL,
    grade: 'A-',
    sources: [S.insurerGuides],
    confidence: 'second-hand',
    advisory: true,
  }),
  row('cancellation-notice', {
    id: 'POLICY-CANCELLATION-NOTICE',
    marketplaces: ALL,
    days: 30,
    sources: [S.insurerGuides, S.bsaEu2024],
    confidence: 'second-hand',
    advisory: true,
  }),
  row('upload-validity', {
    id: 'POLICY-UPLOAD-60D',
    marketplaces: ALL,
    days: 60,
    sources: [S.insurerGuides],
    confidence: 'second-hand',
    advisory: true,
  }),

  // --- A-to-z claims (encoded for Amazon.com) ------------------------------------------------------
  row('az-start', {
    id: 'AZ-START',
    marketplaces: US,
    from: SEP_2021,
    sources: [S.azEmail],
    confidence: 'confirmed',
  }),
  row('claim-small', {
    id: 'AZ-CLAIM-SMALL',
    marketplaces: US,
    from: SEP_2021,
    amount: usd(1_000),
    sources: [S.azPolicy, S.azEmail],
    confidence: 'confirmed',
  }),
  row('claim-proof-window', {
    id: 'AZ-PROOF-7D',
    marketplaces: US,
    from: SEP_2021,
    days: 7,
    sources: [S.azPolicy],
    confidence: 'confirmed',
  }),
  row('claim-appeal', {
    id: 'AZ-APPEAL-30D',
    marketplaces: US,
    from: SEP_2021,
    days: 30,
    sources: [S.azPolicy],
    confidence: 'confirmed',
  }),
  row('claim-large', {
    id: 'AZ-CLAIM-LARGE',
    marketplaces: US,
    from: SEP_2021,
    sources: [S.azEmail],
    confidence: 'confirmed',
  }),
  row('claim-filing', {
    id: 'AZ-CLAIM-FILING-90D',
    marketplaces: US,
    from: SEP_2021,
    days: 90,
    sources: [S.azCustomerTerms],
    confidence: 'second-hand',
  }),
  row('claim-max', {
    id: 'AZ-CLAIM-MAX',
    marketplaces: US,
    from: SEP_2021,
    amount: usd(1_000_000),
    sources: [S.azCustomerTerms],
    confidence: 'second-hand',
  }),
];

/** True when a row is in force on a day. */
export const inForce = (rule: Pick<RuleBase, 'from' | 'until'>, date: CalendarDate): boolean =>
  (rule.from === null || rule.from <= date) && (rule.until === null || date < rule.until);

// Rows by topic, then marketplace, in table order (which is date order within a topic). Plain
// objects with every key present, not Maps or "topic|marketplace" strings: each check looks rows up
// a dozen times, and a property read of a known shape is the cheapest lookup there is.
const INDEX = {} as Record<Topic, Record<Marketplace, Rule[]>>;
for (const r of RULE_TABLE) {
  INDEX[r.topic] ??= Object.fromEntries(MARKETPLACES.map((m) => [m, []])) as unknown as Record<
    Marketplace,
    Rule[]
  >;
  for (const m of r.marketplaces) INDEX[r.topic][m].push(r);
}
const BY_ID = new Map(RULE_TABLE.map((r) => [r.id, r]));
const NONE: readonly Rule[] = [];

/** Every row of a topic for a marketplace, earliest first. */
export function rulesOf<T extends Topic>(topic: T, marketplace: Marketplace): readonly RuleOf<T>[] {
  return (INDEX[topic]?.[marketplace] ?? NONE) as RuleOf<T>[];
}

/** The row of a topic in force on a day for a marketplace, if any. */
export function ruleOn<T extends Topic>(
  topic: T,
  marketplace: Marketplace,
  date: CalendarDate,
): RuleOf<T> | undefined {
  for (const r of rulesOf(topic, marketplace)) if (inForce(r, date)) return r;
  return undefined;
}

/** Like `ruleOn`, for topics every marketplace has at every date: a missing row is a table bug. */
export function requireRule<T extends Topic>(
  topic: T,
  marketplace: Marketplace,
  date: CalendarDate,
): RuleOf<T> {
  const r = ruleOn(topic, marketplace, date);
  if (!r) throw new Error(`rule table has no ${topic} row for ${marketplace} on ${date}`);
  return r;
}

export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}
