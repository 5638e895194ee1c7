// The worked cases, written as data a domain expert can read and check against DESIGN.md §1 and
// ../shared/CASES.md. Sales are "month amount [recorded-on]"; policies are "effective expiry
// [field:value …]" and meet every requirement unless a field says otherwise (see builders.ts).
// Boundary cases sit beside the worked ones: every number in the rule table is tried at N and N + 1.
import type { EntityType, Marketplace } from '../../src/rules/index.ts';

export interface EligibilityCase {
  readonly id: string;
  readonly facts: string;
  readonly marketplace?: Marketplace;
  readonly sales: readonly string[];
  readonly requests?: readonly string[];
  readonly policies?: readonly string[];
  readonly entity?: EntityType;
  readonly asOf: string;
  readonly expect: {
    readonly required: boolean;
    readonly status: string;
    readonly rule?: string;
    readonly triggeredOn?: string;
    readonly deadline?: string;
    readonly daysLeft?: number;
    readonly standing?: 'not-insured' | 'not-uploaded' | 'proof-on-file';
    /** Text the seller reads (findings and citations). */
    readonly mentions?: readonly string[];
    readonly never?: readonly string[];
    /** Rule ids cited, exactly (order free). */
    readonly cites?: readonly string[];
  };
}

const UPLOADED = 'uploaded:2022-04-21';

export const ELIGIBILITY_CASES: readonly EligibilityCase[] = [
  // --- CASES.md ------------------------------------------------------------------------------------
  {
    id: 'E1',
    facts: 'one month just over, recorded after the month closed',
    sales: ['2022-03 10000.01 2022-04-02'],
    asOf: '2022-04-10',
    expect: {
      required: true,
      status: 'deadline-running',
      rule: 'US-THRESHOLD-1M',
      triggeredOn: '2022-03-31',
      deadline: '2022-04-30',
      daysLeft: 20,
      standing: 'not-insured',
      mentions: ['only once it had closed', '20 days left', 'No policy is on file.'],
      cites: ['US-THRESHOLD-1M', 'DEADLINE-30D'],
    },
  },
  {
    id: 'E2',
    facts: 'month-to-date over the threshold, recorded mid-month',
    sales: ['2022-03 10250.00 2022-03-18'],
    asOf: '2022-03-20',
    expect: {
      required: true,
      status: 'deadline-running',
      triggeredOn: '2022-03-18',
      deadline: '2022-04-17',
      mentions: ['first day your records showed', 'Amazon counts from the day sales actually exceeded'],
    },
  },
  {
    id: 'E3',
    facts: 'three consecutive months over, before the one-month rule',
    sales: ['2020-11 11000', '2020-12 11000', '2021-01 11000'],
    asOf: '2021-02-15',
    expect: {
      required: true,
      status: 'deadline-running',
      rule: 'US-THRESHOLD-3M',
      triggeredOn: '2021-01-31',
      deadline: '2021-03-02',
      mentions: ['3 consecutive months (2020-11, 2020-12, and 2021-01)'],
      cites: ['US-THRESHOLD-3M', 'DEADLINE-30D'],
    },
  },
  {
    id: 'E4',
    facts: 'two over, one under, two over — never three in a row',
    sales: ['2021-03 11000', '2021-04 9000', '2021-05 11000', '2021-06 11000'],
    asOf: '2021-07-10',
    expect: {
      required: false,
      status: 'approaching',
      mentions: ['2 consecutive months over the threshold so far', 'once 3 consecutive months are over'],
      never: ['more this month and insurance becomes required'],
      cites: ['US-THRESHOLD-3M', 'AMAZON-REQUEST'],
    },
  },
  {
    id: 'E4-eve',
    facts: 'same sales, on the eve of the one-month rule: warns what changes tomorrow',
    sales: ['2021-03 11000', '2021-04 9000', '2021-05 11000', '2021-06 11000'],
    asOf: '2021-08-31',
    expect: {
      required: false,
      // July was never recorded, so the run ended in June: nothing is "approaching" under the old rule.
      status: 'not-required',
      mentions: [
        'Tomorrow (2021-09-01) the rules change',
        'US-THRESHOLD-1M',
        'From then this account is required',
      ],
    },
  },
  {
    id: 'E4b',
    facts: 'same sales, checked on the day the one-month rule took effect',
    sales: ['2021-03 11000', '2021-04 9000', '2021-05 11000', '2021-06 11000'],
    asOf: '2021-09-01',
    expect: {
      required: true,
      status: 'deadline-running',
      rule: 'US-THRESHOLD-1M',
      triggeredOn: '2021-09-01',
      deadline: '2021-10-01',
      mentions: ['took effect on 2021-09-01'],
      cites: ['US-THRESHOLD-1M', 'DEADLINE-30D'],
    },
  },
  {
    id: 'E4c',
    facts: 'only month over is before 2021-09-01, checked years later',
    sales: ['2021-03 10500'],
    asOf: '2024-01-15',
    expect: {
      required: true,
      status: 'overdue',
      triggeredOn: '2021-09-01',
      deadline: '2021-10-01',
      mentions: ['took effect on 2021-09-01', 'Overdue'],
    },
  },
  {
    id: 'E4d',
    facts: 'three months over in summer 2021, checked 2021-08-31',
    sales: ['2021-05 12000', '2021-06 15000', '2021-07 13000'],
    asOf: '2021-08-31',
    expect: {
      required: true,
      status: 'overdue',
      rule: 'US-THRESHOLD-3M',
      triggeredOn: '2021-07-31',
      deadline: '2021-08-30',
      mentions: ['This answer stays the same'],
    },
  },
  {
    id: 'E5',
    facts: 'one month exactly at USD 10,000.00, every other month lower',
    sales: ['2023-04 8000', '2023-05 10000.00', '2023-06 2000'],
    asOf: '2023-06-10',
    expect: {
      required: false,
      status: 'at-threshold',
      mentions: ['not over it', 'at risk', 'exactly USD 10,000'],
      cites: ['US-THRESHOLD-1M', 'AMAZON-REQUEST', 'THRESHOLD-EXCEED'],
    },
  },
  {
    id: 'E5b',
    facts: 'one cent over the threshold',
    sales: ['2023-05 10000.01'],
    asOf: '2023-06-10',
    expect: { required: true, status: 'deadline-running', triggeredOn: '2023-05-31', deadline: '2023-06-30' },
  },
  {
    id: 'E6',
    facts: 'never over; Amazon asked for proof (leap year)',
    sales: ['2024-01 4000', '2024-02 3500'],
    requests: ['2024-02-05'],
    asOf: '2024-02-20',
    expect: {
      required: true,
      status: 'deadline-running',
      rule: 'AMAZON-REQUEST',
      triggeredOn: '2024-02-05',
      deadline: '2024-03-06',
      cites: ['AMAZON-REQUEST', 'DEADLINE-30D'],
    },
  },
  {
    id: 'E6b',
    facts: 'several proof requests: the earliest decides, a future one is ignored',
    sales: ['2024-01 4000'],
    requests: ['2024-03-01', '2024-02-05', '2024-09-01'],
    asOf: '2024-03-02',
    expect: {
      required: true,
      status: 'deadline-running',
      triggeredOn: '2024-02-05',
      deadline: '2024-03-06',
      mentions: ['requests: 2024-02-05 and 2024-03-01'],
    },
  },
  {
    id: 'E7',
    facts: 'E1 plus a compliant policy 2022-04-20 -> 2023-04-20, uploaded to Amazon',
    sales: ['2022-03 10000.01 2022-04-02'],
    policies: [`2022-04-20 2023-04-20 ${UPLOADED}`],
    asOf: '2022-05-01',
    expect: {
      required: true,
      status: 'proof-on-file',
      standing: 'proof-on-file',
      mentions: ['in force until 2023-04-20', 'uploaded to Amazon on 2022-04-21'],
      cites: ['US-THRESHOLD-1M', 'DEADLINE-30D', 'PROOF-UPLOAD'],
    },
  },
  {
    id: 'E7-held',
    facts: 'E7 but never marked uploaded: insured, yet Amazon has no proof',
    sales: ['2022-03 10000.01 2022-04-02'],
    policies: ['2022-04-20 2023-04-20'],
    asOf: '2022-05-01',
    expect: {
      required: true,
      status: 'not-uploaded',
      standing: 'not-uploaded',
      mentions: ['Insured but not uploaded', 'Amazon has no proof', '/insurance policy uploaded 1'],
      never: ['Proof on file'],
    },
  },
  {
    id: 'E7-upload-later',
    facts: 'uploaded after the as-of day: not on file yet on that day',
    sales: ['2022-03 10000.01 2022-04-02'],
    policies: ['2022-04-20 2023-04-20 uploaded:2022-05-10'],
    asOf: '2022-05-09',
    expect: { required: true, status: 'not-uploaded', standing: 'not-uploaded' },
  },
  {
    id: 'E7-upload-day',
    facts: 'on the upload day itself it is on file',
    sales: ['2022-03 10000.01 2022-04-02'],
    policies: ['2022-04-20 2023-04-20 uploaded:2022-05-10'],
    asOf: '2022-05-10',
    expect: { required: true, status: 'proof-on-file', standing: 'proof-on-file' },
  },
  {
    id: 'E7b',
    facts: 'the day after the policy expired',
    sales: ['2022-03 10000.01 2022-04-02'],
    policies: [`2022-04-20 2023-04-20 ${UPLOADED}`],
    asOf: '2023-04-21',
    expect: {
      required: true,
      status: 'overdue',
      standing: 'not-insured',
      mentions: ['expired on 2023-04-20', 'Overdue'],
      cites: ['US-THRESHOLD-1M', 'DEADLINE-30D', 'POLICY-TERM'],
    },
  },
  {
    id: 'E7c',
    facts: 'lapsed policy renewed after a gap: uninsured in the gap, the renewal shown',
    sales: ['2022-03 10000.01 2022-04-02'],
    policies: [`2022-04-20 2023-04-20 ${UPLOADED}`, '2023-05-10 2024-05-10 uploaded:2023-05-01'],
    asOf: '2023-05-01',
    expect: { required: true, status: 'overdue', mentions: ['Policy #2 starts on 2023-05-10'] },
  },
  {
    id: 'E7d',
    facts: 'lapsed policy renewed after a gap: insured again after renewal',
    sales: ['2022-03 10000.01 2022-04-02'],
    policies: [`2022-04-20 2023-04-20 ${UPLOADED}`, '2023-05-10 2024-05-10 uploaded:2023-05-01'],
    asOf: '2023-05-15',
    expect: { required: true, status: 'proof-on-file', mentions: ['policy #2 is in force until 2024-05-10'] },
  },

  // --- the standing: deficient, unverified, starting after the deadline -----------------------------
  {
    id: 'S-deficient',
    facts: 'a policy in force with a USD 500,000 aggregate does not count',
    sales: ['2025-06 15000'],
    policies: ['2025-06-15 2026-06-15 uploaded:2025-06-16 aggregate:500000'],
    asOf: '2025-07-10',
    expect: {
      required: true,
      status: 'deadline-running',
      standing: 'not-insured',
      mentions: ['does not satisfy Amazon', 'fix it by 2025-07-30'],
      cites: ['US-THRESHOLD-1M', 'DEADLINE-30D', 'POLICY-AGGREGATE'],
    },
  },
  {
    id: 'S-products-aggregate',
    facts: 'products/completed operations aggregate below USD 1,000,000 is deficient too',
    sales: ['2025-06 15000'],
    policies: ['2025-06-15 2026-06-15 uploaded:2025-06-16 productsAggregate:999999.99'],
    asOf: '2025-07-10',
    expect: {
      required: true,
      status: 'deadline-running',
      standing: 'not-insured',
      cites: ['US-THRESHOLD-1M', 'DEADLINE-30D', 'POLICY-PRODUCTS-AGGREGATE'],
    },
  },
  {
    id: 'S-unverified',
    facts: 'a policy with only dates, uploaded: on file but unverified',
    sales: ['2025-06 15000'],
    policies: ['2025-06-15 2026-06-15 uploaded:2025-06-16 bare:yes'],
    asOf: '2025-07-10',
    expect: {
      required: true,
      status: 'proof-on-file',
      standing: 'proof-on-file',
      mentions: ['is unverified', 'per-occurrence limit', 'additional insured', 'Amazon may reject it'],
      never: ['compliant'],
    },
  },
  {
    id: 'S-starts-later',
    facts: 'a recorded policy that starts after the deadline is shown, with the gap',
    sales: ['2026-09 12000'],
    policies: ['2026-11-15 2027-11-15'],
    asOf: '2026-10-05',
    expect: {
      required: true,
      status: 'deadline-running',
      standing: 'not-insured',
      mentions: ['Policy #1 starts on 2026-11-15, after the deadline 2026-10-30'],
      never: ['No policy is on file'],
    },
  },

  // --- threshold boundaries -------------------------------------------------------------------------
  {
    id: 'B-exact-then-over',
    facts: 'exactly at the threshold on the 10th, over on the 20th: the 20th triggers',
    sales: ['2026-09 10000.00 2026-09-10', '2026-09 10500 2026-09-20'],
    asOf: '2026-10-05',
    expect: { required: true, status: 'deadline-running', triggeredOn: '2026-09-20', deadline: '2026-10-20' },
  },
  {
    id: 'B-over-then-exact',
    facts: 'over, then corrected back to exactly the threshold: not required',
    sales: ['2026-09 10500 2026-09-20', '2026-09 10000.00 2026-10-02'],
    asOf: '2026-10-10',
    expect: { required: false, status: 'at-threshold' },
  },
  {
    id: 'M3',
    facts: 'a revision corrected the month back under the threshold',
    sales: ['2026-09 10500 2026-09-20', '2026-09 9800 2026-10-02'],
    asOf: '2026-10-10',
    expect: { required: false, status: 'not-required', cites: ['US-THRESHOLD-1M', 'AMAZON-REQUEST'] },
  },
  {
    id: 'M4',
    facts: 'the first record over counts, even when a later revision raises it',
    sales: ['2026-09 8000 2026-09-10', '2026-09 10200 2026-09-22', '2026-09 14000 2026-10-03'],
    asOf: '2026-10-10',
    expect: { required: true, status: 'deadline-running', triggeredOn: '2026-09-22', deadline: '2026-10-22' },
  },
  {
    id: 'M1',
    facts: 'current month at 85% of the threshold',
    sales: ['2026-10 8500 2026-10-19'],
    asOf: '2026-10-20',
    expect: {
      required: false,
      status: 'approaching',
      mentions: [
        '85%',
        'USD 1,500.01 more this month',
        'At this pace you cross USD 10,000 around 2026-10-23',
      ],
      cites: ['US-THRESHOLD-1M', 'AMAZON-REQUEST', 'APPROACHING-80'],
    },
  },
  {
    id: 'M1-late',
    facts: 'current month at 90% on its second-last day: at its pace it would not cross this month',
    sales: ['2026-10 9000 2026-10-30'],
    asOf: '2026-10-30',
    expect: {
      required: false,
      status: 'approaching',
      mentions: ['90%', 'USD 1,000.01 more this month'],
      never: ['At this pace'],
    },
  },
  {
    id: 'M1-stale',
    facts:
      'a figure of the 12th read on the 21st, whose pace passed the threshold on the 15th: no forecast of a day behind us',
    sales: ['2026-11 8500 2026-11-12'],
    asOf: '2026-11-21',
    expect: {
      required: false,
      status: 'approaching',
      mentions: [
        '85%',
        'At the pace of the last figure (through 2026-11-12), the month passed USD 10,000 around 2026-11-15: record its total to date',
      ],
      never: ['At this pace you cross'],
    },
  },
  {
    id: 'M1-stale-today',
    facts: 'the same figure read on the 15th, the day its pace passes the threshold: still a forecast',
    sales: ['2026-11 8500 2026-11-12'],
    asOf: '2026-11-15',
    expect: {
      required: false,
      status: 'approaching',
      mentions: ['At this pace you cross USD 10,000 around 2026-11-15.'],
      never: ['At the pace of the last figure'],
    },
  },
  {
    id: 'B-80',
    facts: 'exactly 80% is approaching',
    sales: ['2026-10 8000.00 2026-10-19'],
    asOf: '2026-10-20',
    expect: { required: false, status: 'approaching', mentions: ['80%'] },
  },
  {
    id: 'B-79.99',
    facts: '79.99% is not approaching',
    sales: ['2026-10 7999.99 2026-10-19'],
    asOf: '2026-10-20',
    expect: { required: false, status: 'not-required', cites: ['US-THRESHOLD-1M', 'AMAZON-REQUEST'] },
  },
  {
    id: 'M2',
    facts: 'a month over that is after the as-of date does not count',
    sales: ['2026-10 12000 2026-10-25'],
    asOf: '2026-10-20',
    expect: { required: false, status: 'not-required' },
  },
  {
    id: 'B-deadline-day-30',
    facts: 'the 30th day after the trigger is the last day',
    sales: ['2026-09 12000'],
    asOf: '2026-10-30',
    expect: {
      required: true,
      status: 'deadline-running',
      deadline: '2026-10-30',
      daysLeft: 0,
      mentions: ['today is the last day'],
    },
  },
  {
    id: 'B-deadline-day-31',
    facts: 'the 31st day after the trigger is overdue',
    sales: ['2026-09 12000'],
    asOf: '2026-10-31',
    expect: { required: true, status: 'overdue', daysLeft: -1, mentions: ['1 day ago'] },
  },
  {
    id: 'O-term',
    facts: 'once triggered, later months under the threshold do not end the obligation',
    sales: ['2026-06 12000', '2026-07 3000', '2026-08 2000'],
    asOf: '2026-09-05',
    expect: {
      required: true,
      status: 'overdue',
      triggeredOn: '2026-06-30',
      mentions: ['stays required for the rest of the agreement’s term'],
      cites: ['US-THRESHOLD-1M', 'OBLIGATION-TERM', 'DEADLINE-30D'],
    },
  },
  {
    id: 'C-2026-not-required',
    facts: 'a 2026 answer never cites the pre-2021 three-month rule',
    sales: ['2026-05 3000'],
    asOf: '2026-06-10',
    expect: {
      required: false,
      status: 'not-required',
      cites: ['US-THRESHOLD-1M', 'AMAZON-REQUEST'],
      never: ['US-THRESHOLD-3M'],
    },
  },

  // --- other marketplaces: dated, second-hand, said so -----------------------------------------------
  {
    id: 'UK1',
    marketplace: 'UK',
    facts: 'UK seller over GBP 4,000 in one month (second-hand rule)',
    sales: ['2025-01 4100'],
    asOf: '2025-02-03',
    expect: {
      required: true,
      status: 'deadline-running',
      rule: 'UK-THRESHOLD',
      triggeredOn: '2025-01-31',
      deadline: '2025-03-02',
      mentions: ['second-hand', 'are not encoded', 'conflicting'],
      never: ["Amazon's email to sellers of 2021-08-10", 'Business Solutions Agreement (US)'],
      cites: ['UK-THRESHOLD', 'DEADLINE-30D-INTL'],
    },
  },
  {
    id: 'UK-before',
    marketplace: 'UK',
    facts: 'before the UK rule starts: not required, and the eve warns',
    sales: ['2024-04 5000'],
    asOf: '2024-05-28',
    expect: {
      required: false,
      status: 'not-required',
      mentions: [
        'no insurance threshold is in force',
        'the rule starts on 2024-05-29',
        'From then this account is required',
      ],
    },
  },
  {
    id: 'UK-start',
    marketplace: 'UK',
    facts: 'on the UK rule’s first day, an earlier month over counts from that day',
    sales: ['2024-04 5000'],
    asOf: '2024-05-29',
    expect: { required: true, status: 'deadline-running', triggeredOn: '2024-05-29', deadline: '2024-06-28' },
  },
  {
    id: 'UK-at',
    marketplace: 'UK',
    facts: 'UK month exactly at GBP 4,000',
    sales: ['2025-03 4000.00'],
    asOf: '2025-04-10',
    expect: {
      required: false,
      status: 'at-threshold',
      cites: ['UK-THRESHOLD', 'AMAZON-REQUEST-INTL', 'THRESHOLD-EXCEED-INTL'],
    },
  },
  {
    id: 'EU1',
    marketplace: 'EU',
    facts: 'EU stores over EUR 5,000 by a cent',
    sales: ['2025-02 5000.01'],
    asOf: '2025-03-10',
    expect: { required: true, status: 'deadline-running', rule: 'EU-THRESHOLD', triggeredOn: '2025-02-28' },
  },
  {
    id: 'CA-3M',
    marketplace: 'CA',
    facts: 'Canada before 2024-07-24: two months over is not three',
    sales: ['2024-04 11000', '2024-05 11000'],
    asOf: '2024-06-10',
    expect: {
      required: false,
      status: 'approaching',
      mentions: ['2 consecutive months'],
      cites: ['CA-THRESHOLD-3M', 'AMAZON-REQUEST-INTL'],
    },
  },
  {
    id: 'CA-eve',
    marketplace: 'CA',
    facts: 'Canada on the eve of the one-month rule',
    sales: ['2024-05 11000', '2024-06 12000'],
    asOf: '2024-07-23',
    expect: {
      required: false,
      status: 'approaching',
      mentions: ['Tomorrow (2024-07-24)', 'From then this account is required'],
    },
  },
  {
    id: 'CA-1M',
    marketplace: 'CA',
    facts: 'Canada from 2024-07-24: any one month',
    sales: ['2024-05 11000', '2024-06 12000'],
    asOf: '2024-07-24',
    expect: {
      required: true,
      status: 'deadline-running',
      rule: 'CA-THRESHOLD-1M',
      triggeredOn: '2024-07-24',
    },
  },
  {
    id: 'MX1',
    marketplace: 'MX',
    facts: 'MX seller over MXN 100,000 two months in a row is not yet required (three-month rule)',
    sales: ['2024-01 120000', '2024-02 130000'],
    asOf: '2024-03-05',
    expect: { required: false, status: 'approaching', cites: ['MX-THRESHOLD-3M', 'AMAZON-REQUEST-INTL'] },
  },
  {
    id: 'MX2',
    marketplace: 'MX',
    facts: 'MX three months over',
    sales: ['2024-01 120000', '2024-02 130000', '2024-03 110000'],
    asOf: '2024-04-10',
    expect: {
      required: true,
      status: 'deadline-running',
      rule: 'MX-THRESHOLD-3M',
      triggeredOn: '2024-03-31',
    },
  },
  {
    id: 'MX-headroom',
    marketplace: 'MX',
    facts: 'under a three-month rule, 85% this month alone is not "USD X more and required"',
    sales: ['2024-03 85000 2024-03-20'],
    asOf: '2024-03-21',
    expect: {
      required: false,
      status: 'approaching',
      mentions: ['no month yet over the threshold so far', 'once 3 consecutive months are over'],
      never: ['more this month and insurance becomes required'],
    },
  },
  {
    id: 'MX-headroom-run',
    marketplace: 'MX',
    facts: 'two months over already: crossing this month triggers, so the headroom is shown',
    sales: ['2024-01 120000', '2024-02 130000', '2024-03 85000 2024-03-20'],
    asOf: '2024-03-21',
    expect: { required: false, status: 'approaching', mentions: ['MXN 15,000.01 more this month'] },
  },
  {
    id: 'B-3M-exact',
    facts: 'three-month rule: two months over and the third exactly at the threshold',
    sales: ['2020-11 11000', '2020-12 11000', '2021-01 10000.00'],
    asOf: '2021-02-15',
    expect: { required: false, status: 'at-threshold' },
  },
  {
    id: 'B-CA-3M-exact',
    marketplace: 'CA',
    facts: 'Canada, three-month rule: the third month exactly at CAD 10,000',
    sales: ['2024-01 11000', '2024-02 11000', '2024-03 10000.00'],
    asOf: '2024-04-10',
    expect: { required: false, status: 'at-threshold' },
  },
  {
    id: 'B-CA-3M-over',
    marketplace: 'CA',
    facts: 'Canada, three-month rule: the third month a cent over',
    sales: ['2024-01 11000', '2024-02 11000', '2024-03 10000.01'],
    asOf: '2024-04-10',
    expect: {
      required: true,
      status: 'deadline-running',
      rule: 'CA-THRESHOLD-3M',
      triggeredOn: '2024-03-31',
    },
  },
  {
    id: 'B-CA-1M-exact',
    marketplace: 'CA',
    facts: 'Canada, one-month rule: exactly CAD 10,000',
    sales: ['2025-01 10000.00'],
    asOf: '2025-02-10',
    expect: { required: false, status: 'at-threshold' },
  },
  {
    id: 'B-CA-1M-over',
    marketplace: 'CA',
    facts: 'Canada, one-month rule: a cent over',
    sales: ['2025-01 10000.01'],
    asOf: '2025-02-10',
    expect: { required: true, status: 'deadline-running', rule: 'CA-THRESHOLD-1M' },
  },
  {
    id: 'B-MX-3M-exact',
    marketplace: 'MX',
    facts: 'Mexico, three-month rule: the third month exactly at MXN 100,000',
    sales: ['2024-01 120000', '2024-02 130000', '2024-03 100000.00'],
    asOf: '2024-04-10',
    expect: { required: false, status: 'at-threshold' },
  },
  {
    id: 'B-MX-1M-exact',
    marketplace: 'MX',
    facts: 'Mexico, one-month rule: exactly MXN 100,000',
    sales: ['2025-01 100000.00'],
    asOf: '2025-02-10',
    expect: { required: false, status: 'at-threshold' },
  },
  {
    id: 'B-MX-1M-over',
    marketplace: 'MX',
    facts: 'Mexico, one-month rule: a centavo over',
    sales: ['2025-01 100000.01'],
    asOf: '2025-02-10',
    expect: { required: true, status: 'deadline-running', rule: 'MX-THRESHOLD-1M' },
  },
  {
    id: 'B-UK-over',
    marketplace: 'UK',
    facts: 'UK: a penny over GBP 4,000',
    sales: ['2025-03 4000.01'],
    asOf: '2025-04-10',
    expect: { required: true, status: 'deadline-running', rule: 'UK-THRESHOLD' },
  },
  {
    id: 'B-EU-exact',
    marketplace: 'EU',
    facts: 'EU stores: exactly EUR 5,000',
    sales: ['2025-02 5000.00'],
    asOf: '2025-03-10',
    expect: { required: false, status: 'at-threshold' },
  },
  {
    id: 'B-JP-exact',
    marketplace: 'JP',
    facts: 'Japan: exactly JPY 1,000,000',
    sales: ['2025-05 1000000'],
    asOf: '2025-06-10',
    expect: { required: false, status: 'at-threshold' },
  },
  {
    id: 'B-INTL-deadline-30',
    marketplace: 'UK',
    facts: 'outside the US too, day 30 after the trigger is the last day',
    sales: ['2025-01 4100'],
    asOf: '2025-03-02',
    expect: { required: true, status: 'deadline-running', deadline: '2025-03-02', daysLeft: 0 },
  },
  {
    id: 'B-INTL-deadline-31',
    marketplace: 'UK',
    facts: 'outside the US too, day 31 is overdue',
    sales: ['2025-01 4100'],
    asOf: '2025-03-03',
    expect: { required: true, status: 'overdue', daysLeft: -1 },
  },
  {
    id: 'JP1',
    marketplace: 'JP',
    facts: 'Japan: JPY 1,000,001 in a month',
    sales: ['2025-05 1000001'],
    asOf: '2025-06-10',
    expect: { required: true, status: 'deadline-running', rule: 'JP-THRESHOLD', triggeredOn: '2025-05-31' },
  },
];

export interface PolicyCase {
  readonly id: string;
  readonly facts: string;
  readonly marketplace?: Marketplace;
  /** A policy line as in builders.policyFrom, plus any field overrides given here. */
  readonly policy: string;
  readonly over?: Record<string, unknown>;
  readonly dba?: string;
  readonly entity?: EntityType;
  readonly asOf: string;
  readonly expect: {
    readonly verdict: 'compliant' | 'unverified' | 'deficient';
    /** Rule id -> outcome. */
    readonly outcomes?: Readonly<Record<string, 'pass' | 'fail' | 'unknown'>>;
    readonly mentions?: readonly string[];
    readonly notEncoded?: readonly string[];
  };
}

const P = '2022-09-01 2023-09-01';

export const POLICY_CASES: readonly PolicyCase[] = [
  {
    id: 'P-E7',
    facts: 'meets every requirement',
    policy: P,
    asOf: '2022-10-01',
    expect: { verdict: 'compliant', mentions: ['expires in 335 days'] },
  },
  {
    id: 'P-E8',
    facts: 'aggregate below USD 1,000,000',
    policy: `${P} aggregate:500000`,
    asOf: '2022-10-01',
    expect: {
      verdict: 'deficient',
      outcomes: { 'POLICY-AGGREGATE': 'fail', 'POLICY-PER-OCCURRENCE': 'pass' },
      mentions: ['Aggregate limit USD 500,000 is below the USD 1,000,000 minimum'],
    },
  },
  {
    id: 'P-E9',
    facts: 'a USD 25,000 deductible',
    policy: `${P} deductible:25000`,
    asOf: '2022-10-01',
    expect: {
      verdict: 'deficient',
      outcomes: { 'POLICY-DEDUCTIBLE-2022': 'fail' },
      mentions: ['Deductible USD 25,000 is above USD 10,000.'],
    },
  },
  {
    id: 'P-E10-holder',
    facts: 'Amazon named as certificate holder only',
    policy: `${P} ai:none holder:Amazon.com_Services_LLC`,
    asOf: '2022-10-01',
    expect: {
      verdict: 'deficient',
      outcomes: { 'POLICY-ADDITIONAL-INSURED': 'fail' },
      mentions: ['named only as certificate holder'],
    },
  },
  {
    id: 'P-E10-wording',
    facts: 'additional insured "Amazon.com, Inc."',
    policy: `${P} ai:Amazon.com,_Inc.`,
    asOf: '2022-10-01',
    expect: {
      verdict: 'deficient',
      outcomes: { 'POLICY-ADDITIONAL-INSURED': 'fail' },
      mentions: ['not Amazon’s exact wording'],
    },
  },
  {
    id: 'P-per-occurrence-N',
    facts: 'per occurrence exactly USD 1,000,000',
    policy: `${P} perOccurrence:1000000`,
    asOf: '2022-10-01',
    expect: { verdict: 'compliant', outcomes: { 'POLICY-PER-OCCURRENCE': 'pass' } },
  },
  {
    id: 'P-per-occurrence-N-1',
    facts: 'per occurrence a cent under',
    policy: `${P} perOccurrence:999999.99`,
    asOf: '2022-10-01',
    expect: { verdict: 'deficient', outcomes: { 'POLICY-PER-OCCURRENCE': 'fail' } },
  },
  {
    id: 'P-aggregate-N',
    facts: 'aggregate exactly USD 1,000,000',
    policy: `${P} aggregate:1000000`,
    asOf: '2022-10-01',
    expect: { verdict: 'compliant' },
  },
  {
    id: 'P-products-N-1',
    facts: 'products aggregate a cent under',
    policy: `${P} productsAggregate:999999.99`,
    asOf: '2022-10-01',
    expect: { verdict: 'deficient', outcomes: { 'POLICY-PRODUCTS-AGGREGATE': 'fail' } },
  },
  {
    id: 'P-products-missing',
    facts: 'products aggregate never given',
    policy: `${P} productsAggregate:none`,
    asOf: '2022-10-01',
    expect: { verdict: 'unverified', outcomes: { 'POLICY-PRODUCTS-AGGREGATE': 'unknown' } },
  },
  {
    id: 'P-deductible-N',
    facts: 'deductible exactly USD 10,000',
    policy: `${P} deductible:10000`,
    asOf: '2022-10-01',
    expect: { verdict: 'compliant' },
  },
  {
    id: 'P-deductible-N+1',
    facts: 'deductible a cent over',
    policy: `${P} deductible:10000.01`,
    asOf: '2022-10-01',
    expect: { verdict: 'deficient' },
  },
  {
    id: 'P-deductible-before-relax',
    facts: 'USD 25,000 the day before the relaxation',
    policy: `${P} deductible:25000`,
    asOf: '2022-06-26',
    expect: { verdict: 'deficient', outcomes: { 'POLICY-DEDUCTIBLE': 'fail' } },
  },
  {
    id: 'P-deductible-relaxed',
    facts: 'USD 25,000 on the first relaxed day',
    policy: `${P} deductible:25000`,
    asOf: '2022-06-27',
    expect: {
      verdict: 'compliant',
      outcomes: { 'POLICY-DEDUCTIBLE-RELAXED': 'pass' },
      mentions: ['relaxed'],
    },
  },
  {
    id: 'P-deductible-relaxed-last',
    facts: 'USD 25,000 on the last relaxed day',
    policy: `${P} deductible:25000`,
    asOf: '2022-08-14',
    expect: { verdict: 'compliant' },
  },
  {
    id: 'P-deductible-restored',
    facts: 'USD 25,000 on the day it was restored',
    policy: `${P} deductible:25000`,
    asOf: '2022-08-15',
    expect: { verdict: 'deficient', outcomes: { 'POLICY-DEDUCTIBLE-2022': 'fail' } },
  },
  {
    id: 'P-dba-smllc',
    facts: 'a single-member LLC insured under its DBA, from 2022-06-27',
    policy: '2022-06-01 2023-06-01',
    over: { insuredName: 'Acme Kitchen' },
    dba: 'Acme Kitchen',
    entity: 'single-member-llc',
    asOf: '2022-06-27',
    expect: { verdict: 'compliant', outcomes: { 'POLICY-DBA-SINGLE-MEMBER-LLC': 'pass' } },
  },
  {
    id: 'P-dba-before',
    facts: 'the same DBA the day before the announcement',
    policy: '2022-06-01 2023-06-01',
    over: { insuredName: 'Acme Kitchen' },
    dba: 'Acme Kitchen',
    entity: 'single-member-llc',
    asOf: '2022-06-26',
    expect: {
      verdict: 'deficient',
      outcomes: { 'POLICY-INSURED-NAME': 'fail' },
      mentions: ['a DBA was not accepted on this day'],
    },
  },
  {
    id: 'P-dba-llc',
    facts: 'a multi-member LLC may not use its DBA',
    policy: P,
    over: { insuredName: 'Acme Kitchen' },
    dba: 'Acme Kitchen',
    entity: 'llc',
    asOf: '2022-10-01',
    expect: { verdict: 'deficient', mentions: ['only from a single-member LLC, and this account is an LLC'] },
  },
  {
    id: 'P-dba-unknown-entity',
    facts: 'a DBA with the entity not set: unverified',
    policy: P,
    over: { insuredName: 'Acme Kitchen' },
    dba: 'Acme Kitchen',
    asOf: '2022-10-01',
    expect: { verdict: 'unverified', mentions: ['entity:single-member-llc'] },
  },
  {
    id: 'P-insured-mismatch',
    facts: 'another company named',
    policy: P,
    over: { insuredName: 'Zeta Trading Co' },
    asOf: '2022-10-01',
    expect: { verdict: 'deficient', outcomes: { 'POLICY-INSURED-NAME': 'fail' } },
  },
  {
    id: 'P-rating-A-',
    facts: 'rated A- (the minimum)',
    policy: P,
    over: { insurerRating: 'AM Best A- (Excellent)' },
    asOf: '2022-10-01',
    expect: { verdict: 'compliant', outcomes: { 'POLICY-INSURER-RATING': 'pass' } },
  },
  {
    id: 'P-rating-B++',
    facts: 'rated B++: advisory fail, still compliant',
    policy: P,
    over: { insurerRating: 'B++' },
    asOf: '2022-10-01',
    expect: { verdict: 'compliant', outcomes: { 'POLICY-INSURER-RATING': 'fail' } },
  },
  {
    id: 'P-notice-N',
    facts: '30 days’ notice',
    policy: P,
    over: { cancellationNoticeDays: 30 },
    asOf: '2022-10-01',
    expect: { verdict: 'compliant', outcomes: { 'POLICY-CANCELLATION-NOTICE': 'pass' } },
  },
  {
    id: 'P-notice-N-1',
    facts: '29 days’ notice',
    policy: P,
    over: { cancellationNoticeDays: 29 },
    asOf: '2022-10-01',
    expect: { verdict: 'compliant', outcomes: { 'POLICY-CANCELLATION-NOTICE': 'fail' } },
  },
  {
    id: 'P-validity-N',
    facts: 'uploaded 60 days before expiry',
    policy: `${P} uploaded:2023-07-03`,
    asOf: '2023-07-03',
    expect: { verdict: 'compliant', outcomes: { 'POLICY-UPLOAD-60D': 'pass' } },
  },
  {
    id: 'P-validity-N-1',
    facts: 'uploaded 59 days before expiry',
    policy: `${P} uploaded:2023-07-04`,
    asOf: '2023-07-04',
    expect: { verdict: 'compliant', outcomes: { 'POLICY-UPLOAD-60D': 'fail' } },
  },
  {
    id: 'P-bare',
    facts: 'only dates given: unverified, never compliant',
    policy: `${P} bare:yes`,
    asOf: '2022-10-01',
    expect: {
      verdict: 'unverified',
      outcomes: { 'POLICY-PER-OCCURRENCE': 'unknown', 'POLICY-ADDITIONAL-INSURED': 'unknown' },
    },
  },
  {
    id: 'P-UK',
    marketplace: 'UK',
    facts: 'UK limits GBP 400,000 (second-hand); the rest not encoded',
    policy: '2024-06-01 2025-06-01',
    over: {
      perOccurrence: { minor: 400_000_00, currency: 'GBP' },
      aggregate: { minor: 400_000_00, currency: 'GBP' },
    },
    asOf: '2024-07-01',
    expect: {
      verdict: 'compliant',
      outcomes: { 'POLICY-PER-OCCURRENCE-UK': 'pass', 'POLICY-AGGREGATE-UK': 'pass' },
      notEncoded: ['products-aggregate', 'deductible', 'coverage', 'basis', 'additional-insured'],
    },
  },
  {
    id: 'P-UK-N-1',
    marketplace: 'UK',
    facts: 'UK per occurrence a penny under',
    policy: '2024-06-01 2025-06-01',
    over: {
      perOccurrence: { minor: 399_999_99, currency: 'GBP' },
      aggregate: { minor: 400_000_00, currency: 'GBP' },
    },
    asOf: '2024-07-01',
    expect: {
      verdict: 'deficient',
      outcomes: { 'POLICY-PER-OCCURRENCE-UK': 'fail' },
      notEncoded: ['products-aggregate', 'deductible', 'coverage', 'basis', 'additional-insured'],
    },
  },
  {
    id: 'P-UK-aggregate-N-1',
    marketplace: 'UK',
    facts: 'UK aggregate a penny under',
    policy: '2024-06-01 2025-06-01',
    over: {
      perOccurrence: { minor: 400_000_00, currency: 'GBP' },
      aggregate: { minor: 399_999_99, currency: 'GBP' },
    },
    asOf: '2024-07-01',
    expect: {
      verdict: 'deficient',
      outcomes: { 'POLICY-AGGREGATE-UK': 'fail' },
      notEncoded: ['products-aggregate', 'deductible', 'coverage', 'basis', 'additional-insured'],
    },
  },
  {
    id: 'P-EU-N',
    marketplace: 'EU',
    facts: 'EU limits exactly EUR 500,000 (second-hand; a conflicting source says USD 1M)',
    policy: '2024-06-01 2025-06-01',
    over: {
      perOccurrence: { minor: 500_000_00, currency: 'EUR' },
      aggregate: { minor: 500_000_00, currency: 'EUR' },
    },
    asOf: '2024-07-01',
    expect: {
      verdict: 'compliant',
      outcomes: { 'POLICY-PER-OCCURRENCE-EU': 'pass', 'POLICY-AGGREGATE-EU': 'pass' },
      notEncoded: ['products-aggregate', 'deductible', 'coverage', 'basis', 'additional-insured'],
    },
  },
  {
    id: 'P-EU-N-1',
    marketplace: 'EU',
    facts: 'EU per occurrence a cent under, aggregate a cent under',
    policy: '2024-06-01 2025-06-01',
    over: {
      perOccurrence: { minor: 499_999_99, currency: 'EUR' },
      aggregate: { minor: 499_999_99, currency: 'EUR' },
    },
    asOf: '2024-07-01',
    expect: {
      verdict: 'deficient',
      outcomes: { 'POLICY-PER-OCCURRENCE-EU': 'fail', 'POLICY-AGGREGATE-EU': 'fail' },
      notEncoded: ['products-aggregate', 'deductible', 'coverage', 'basis', 'additional-insured'],
    },
  },
  {
    id: 'P-aggregate-N-1',
    facts: 'aggregate a cent under',
    policy: `${P} aggregate:999999.99`,
    asOf: '2022-10-01',
    expect: { verdict: 'deficient', outcomes: { 'POLICY-AGGREGATE': 'fail' } },
  },
  {
    id: 'P-products-N',
    facts: 'products aggregate exactly USD 1,000,000',
    policy: `${P} productsAggregate:1000000`,
    asOf: '2022-10-01',
    expect: { verdict: 'compliant', outcomes: { 'POLICY-PRODUCTS-AGGREGATE': 'pass' } },
  },
  {
    id: 'P-deductible-before-relax-N',
    facts: 'USD 10,000 under the first deductible row',
    policy: `${P} deductible:10000`,
    asOf: '2022-06-26',
    expect: { verdict: 'compliant', outcomes: { 'POLICY-DEDUCTIBLE': 'pass' } },
  },
  {
    id: 'P-deductible-before-relax-N+1',
    facts: 'a cent over under the first deductible row',
    policy: `${P} deductible:10000.01`,
    asOf: '2022-06-26',
    expect: { verdict: 'deficient', outcomes: { 'POLICY-DEDUCTIBLE': 'fail' } },
  },
  {
    id: 'P-JP',
    marketplace: 'JP',
    facts: 'Japan: no limits encoded at all',
    policy: '2024-06-01 2025-06-01',
    over: { perOccurrence: undefined, aggregate: undefined },
    asOf: '2024-07-01',
    expect: {
      verdict: 'compliant',
      notEncoded: [
        'per-occurrence',
        'aggregate',
        'products-aggregate',
        'deductible',
        'coverage',
        'basis',
        'additional-insured',
      ],
    },
  },
];

export interface ClaimCase {
  readonly id: string;
  readonly facts: string;
  readonly sales?: readonly string[];
  readonly requests?: readonly string[];
  readonly policies?: readonly string[];
  readonly claim: {
    readonly amount: string;
    readonly noticeOn: string;
    readonly incidentOn?: string;
    readonly status?: 'open' | 'responded' | 'rejected' | 'closed';
    readonly responseDueOn?: string;
    readonly chargedOn?: string;
  };
  readonly asOf: string;
  readonly expect: {
    readonly bearer: string;
    readonly proof?: 'at-notice' | 'in-window' | 'late' | 'none';
    readonly due?: {
      readonly on: string;
      readonly daysLeft: number;
      readonly what: 'upload-proof' | 'respond';
    };
    readonly appealBy?: string;
    readonly mentions?: readonly string[];
    readonly never?: readonly string[];
    readonly cites?: readonly string[];
  };
}

const REQUIRED = ['2025-01 12000'];
const NOTICE = '2025-03-03';

export const CLAIM_CASES: readonly ClaimCase[] = [
  {
    id: 'C1',
    facts: 'claim USD 1,000.00 with valid proof on file',
    sales: REQUIRED,
    policies: ['2025-02-01 2026-02-01 uploaded:2025-02-02'],
    claim: { amount: '1000.00', noticeOn: NOTICE },
    asOf: '2025-03-05',
    expect: {
      bearer: 'amazon',
      proof: 'at-notice',
      mentions: ['does not seek reimbursement'],
      cites: ['AZ-CLAIM-SMALL', 'PROOF-UPLOAD'],
    },
  },
  {
    id: 'C1-held',
    facts: 'a policy held but not uploaded is no proof',
    sales: REQUIRED,
    policies: ['2025-02-01 2026-02-01'],
    claim: { amount: '650', noticeOn: NOTICE },
    asOf: '2025-03-05',
    expect: {
      bearer: 'you-unless-proof',
      proof: 'none',
      due: { on: '2025-03-10', daysLeft: 5, what: 'upload-proof' },
    },
  },
  {
    id: 'C2',
    facts: 'USD 650, required, no proof, notice 2025-03-03',
    sales: REQUIRED,
    claim: { amount: '650', noticeOn: NOTICE },
    asOf: '2025-03-05',
    expect: {
      bearer: 'you-unless-proof',
      proof: 'none',
      due: { on: '2025-03-10', daysLeft: 5, what: 'upload-proof' },
      mentions: ['upload it to Amazon by 2025-03-10 (5 days left)', 'Amazon will expect USD 650.00 back'],
      cites: ['AZ-CLAIM-SMALL', 'AZ-PROOF-7D'],
    },
  },
  {
    id: 'C2-day-7',
    facts: 'the seventh day after notice is the last day',
    sales: REQUIRED,
    claim: { amount: '650', noticeOn: NOTICE },
    asOf: '2025-03-10',
    expect: { bearer: 'you-unless-proof', due: { on: '2025-03-10', daysLeft: 0, what: 'upload-proof' } },
  },
  {
    id: 'C2-day-8',
    facts: 'the eighth day: Amazon expects the money back',
    sales: REQUIRED,
    claim: { amount: '800', noticeOn: NOTICE },
    asOf: '2025-03-11',
    expect: {
      bearer: 'you',
      proof: 'none',
      mentions: ['reimbursement of USD 800.00', 'appeal within 30 days of its request', 'was not provided'],
      cites: ['AZ-CLAIM-SMALL', 'AZ-PROOF-7D', 'AZ-APPEAL-30D'],
    },
  },
  {
    id: 'C2-charged',
    facts: 'the day Amazon charged is known: the appeal date is given',
    sales: REQUIRED,
    claim: { amount: '800', noticeOn: NOTICE, chargedOn: '2025-03-12' },
    asOf: '2025-03-15',
    expect: { bearer: 'you', appealBy: '2025-04-11', mentions: ['by 2025-04-11'] },
  },
  {
    id: 'C2-window',
    facts: 'uploaded inside the window: on time, on that day',
    sales: REQUIRED,
    policies: ['2025-01-15 2026-01-15 uploaded:2025-03-08'],
    claim: { amount: '650', noticeOn: NOTICE },
    asOf: '2025-03-20',
    expect: {
      bearer: 'amazon',
      proof: 'in-window',
      mentions: ['provided on 2025-03-08', 'by the deadline of 2025-03-10'],
    },
  },
  {
    id: 'C2-window-day-7',
    facts: 'uploaded on the window’s last day: on time',
    sales: REQUIRED,
    policies: ['2025-01-15 2026-01-15 uploaded:2025-03-10'],
    claim: { amount: '650', noticeOn: NOTICE },
    asOf: '2025-03-20',
    expect: { bearer: 'amazon', proof: 'in-window' },
  },
  {
    id: 'C2-window-day-8',
    facts: 'uploaded the day after the window: too late, even though it is on file today',
    sales: REQUIRED,
    policies: ['2025-01-15 2026-01-15 uploaded:2025-03-11'],
    claim: { amount: '650', noticeOn: NOTICE },
    asOf: '2025-03-20',
    expect: { bearer: 'you', proof: 'late', mentions: ['provided on 2025-03-11, too late'] },
  },
  {
    id: 'C2-new-policy',
    facts: 'a policy that started after the notice, uploaded in the window: provided, and flagged',
    sales: REQUIRED,
    policies: ['2025-03-06 2026-03-06 uploaded:2025-03-06'],
    claim: { amount: '650', noticeOn: NOTICE },
    asOf: '2025-03-20',
    expect: {
      bearer: 'amazon',
      proof: 'in-window',
      mentions: ['provided on 2025-03-06', 'began on 2025-03-06, after the claim (2025-03-03)'],
      never: ['No proof of insurance is on file'],
    },
  },
  {
    id: 'C2-upload-after-asof',
    facts: 'an upload recorded for a later day does not count yet',
    sales: REQUIRED,
    policies: ['2025-01-15 2026-01-15 uploaded:2025-03-08'],
    claim: { amount: '650', noticeOn: NOTICE },
    asOf: '2025-03-05',
    expect: { bearer: 'you-unless-proof', proof: 'none' },
  },
  {
    id: 'C-not-required',
    facts: 'not required and not asked: the 7-day window does not apply',
    sales: ['2025-01 3000'],
    claim: { amount: '650', noticeOn: NOTICE },
    asOf: '2025-03-20',
    expect: { bearer: 'amazon-not-stated', mentions: ['the 7-day proof window does not apply'] },
  },
  {
    id: 'C-line-N',
    facts: 'exactly USD 1,000.00 is a small claim',
    sales: REQUIRED,
    claim: { amount: '1000.00', noticeOn: NOTICE },
    asOf: '2025-03-05',
    expect: { bearer: 'you-unless-proof' },
  },
  {
    id: 'C-line-N+1',
    facts: 'USD 1,000.01 is a large claim',
    sales: REQUIRED,
    claim: { amount: '1000.01', noticeOn: NOTICE },
    asOf: '2025-03-05',
    expect: { bearer: 'you-or-insurer', cites: ['AZ-CLAIM-LARGE'] },
  },
  {
    id: 'C3',
    facts: 'USD 4,200, notice 2025-06-10, no response recorded',
    claim: { amount: '4200', noticeOn: '2025-06-10' },
    asOf: '2025-06-20',
    expect: {
      bearer: 'you-or-insurer',
      mentions: ['must respond to and resolve', 'Record the response deadline'],
      cites: ['AZ-CLAIM-LARGE'],
    },
  },
  {
    id: 'C3-due',
    facts: 'the response deadline recorded',
    claim: { amount: '4200', noticeOn: '2025-06-10', responseDueOn: '2025-06-24' },
    asOf: '2025-06-20',
    expect: {
      bearer: 'you-or-insurer',
      due: { on: '2025-06-24', daysLeft: 4, what: 'respond' },
      mentions: ['4 days left'],
    },
  },
  {
    id: 'C3-overdue',
    facts: 'the response deadline passed: "days ago", never negative days left',
    claim: { amount: '4200', noticeOn: '2025-06-10', responseDueOn: '2025-06-15' },
    asOf: '2025-06-20',
    expect: {
      bearer: 'you-or-insurer',
      due: { on: '2025-06-15', daysLeft: -5, what: 'respond' },
      mentions: ['5 days ago'],
      never: ['-5'],
    },
  },
  {
    id: 'C-before-az',
    facts: 'notice the day before A-to-z handled such claims',
    claim: { amount: '650', noticeOn: '2021-08-31' },
    asOf: '2021-09-05',
    expect: { bearer: 'customer-and-seller', cites: ['AZ-START'] },
  },
  {
    id: 'C-az-first-day',
    facts: 'notice on the first day',
    claim: { amount: '650', noticeOn: '2021-09-01' },
    asOf: '2021-09-05',
    expect: { bearer: 'amazon-not-stated' },
  },
  {
    id: 'C-filing-N',
    facts: 'notice 90 days after the incident: no remark',
    claim: { amount: '4200', noticeOn: '2025-06-10', incidentOn: '2025-03-12' },
    asOf: '2025-06-20',
    expect: { bearer: 'you-or-insurer', never: ['meant to file within'] },
  },
  {
    id: 'C-filing-N+1',
    facts: 'notice 91 days after the incident: said, not hidden',
    claim: { amount: '4200', noticeOn: '2025-06-10', incidentOn: '2025-03-11' },
    asOf: '2025-06-20',
    expect: {
      bearer: 'you-or-insurer',
      mentions: ['91 days after the incident', 'within 90 days'],
      cites: ['AZ-CLAIM-FILING-90D', 'AZ-CLAIM-LARGE'],
    },
  },
  {
    id: 'C-max-N',
    facts: 'exactly what customers can claim: no remark',
    claim: { amount: '1000000', noticeOn: '2025-06-10' },
    asOf: '2025-06-20',
    expect: { bearer: 'you-or-insurer', never: ['customers can claim under'] },
  },
  {
    id: 'C-max-N+1',
    facts: 'more than customers can claim',
    claim: { amount: '1000000.01', noticeOn: '2025-06-10' },
    asOf: '2025-06-20',
    expect: { bearer: 'you-or-insurer', mentions: ['over the USD 1,000,000 customers can claim'] },
  },
  {
    id: 'C-closed',
    facts: 'a closed claim is settled',
    claim: { amount: '650', noticeOn: NOTICE, status: 'closed' },
    asOf: '2025-03-20',
    expect: { bearer: 'settled', mentions: ['is closed'] },
  },
];

/**
 * Every number in the rule table, with the cases that try it at N and N + 1 (or at its first and last
 * day). table.test.ts fails when a numeric row has no entry here, or an entry names a missing case.
 */
export const BOUNDARIES: Readonly<Record<string, readonly string[]>> = {
  'US-THRESHOLD-3M': ['B-3M-exact', 'E3'],
  'US-THRESHOLD-1M': ['E5', 'E5b', 'B-exact-then-over', 'B-over-then-exact'],
  'CA-THRESHOLD-3M': ['B-CA-3M-exact', 'B-CA-3M-over'],
  'CA-THRESHOLD-1M': ['B-CA-1M-exact', 'B-CA-1M-over'],
  'MX-THRESHOLD-3M': ['B-MX-3M-exact', 'MX2'],
  'MX-THRESHOLD-1M': ['B-MX-1M-exact', 'B-MX-1M-over'],
  'UK-THRESHOLD': ['UK-at', 'B-UK-over'],
  'EU-THRESHOLD': ['B-EU-exact', 'EU1'],
  'JP-THRESHOLD': ['B-JP-exact', 'JP1'],
  'DEADLINE-30D': ['B-deadline-day-30', 'B-deadline-day-31'],
  'DEADLINE-30D-INTL': ['B-INTL-deadline-30', 'B-INTL-deadline-31'],
  'APPROACHING-80': ['B-80', 'B-79.99'],
  'POLICY-PER-OCCURRENCE': ['P-per-occurrence-N', 'P-per-occurrence-N-1'],
  'POLICY-PER-OCCURRENCE-UK': ['P-UK', 'P-UK-N-1'],
  'POLICY-PER-OCCURRENCE-EU': ['P-EU-N', 'P-EU-N-1'],
  'POLICY-AGGREGATE': ['P-aggregate-N', 'P-aggregate-N-1'],
  'POLICY-AGGREGATE-UK': ['P-UK', 'P-UK-aggregate-N-1'],
  'POLICY-AGGREGATE-EU': ['P-EU-N', 'P-EU-N-1'],
  'POLICY-PRODUCTS-AGGREGATE': ['P-products-N', 'P-products-N-1'],
  'POLICY-DEDUCTIBLE': ['P-deductible-before-relax-N', 'P-deductible-before-relax-N+1'],
  'POLICY-DEDUCTIBLE-RELAXED': ['P-deductible-relaxed', 'P-deductible-relaxed-last', 'P-deductible-restored'],
  'POLICY-DEDUCTIBLE-2022': ['P-deductible-N', 'P-deductible-N+1'],
  'POLICY-DBA-SINGLE-MEMBER-LLC': ['P-dba-smllc', 'P-dba-before'],
  'POLICY-INSURER-RATING': ['P-rating-A-', 'P-rating-B++'],
  'POLICY-CANCELLATION-NOTICE': ['P-notice-N', 'P-notice-N-1'],
  'POLICY-UPLOAD-60D': ['P-validity-N', 'P-validity-N-1'],
  'AZ-START': ['C-before-az', 'C-az-first-day'],
  'AZ-CLAIM-SMALL': ['C-line-N', 'C-line-N+1'],
  'AZ-PROOF-7D': ['C2-day-7', 'C2-day-8', 'C2-window-day-7', 'C2-window-day-8'],
  'AZ-APPEAL-30D': ['C2-charged'],
  'AZ-CLAIM-FILING-90D': ['C-filing-N', 'C-filing-N+1'],
  'AZ-CLAIM-MAX': ['C-max-N', 'C-max-N+1'],
};
