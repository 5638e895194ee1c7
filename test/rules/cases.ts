// The worked cases, written as data a domain expert can read and check against DESIGN.md §1.
// Sales are "month amount [recorded-on]"; policies are "effective -> expiry" and meet every
// requirement unless a field says otherwise.

export interface EligibilityCase {
  readonly id: string;
  readonly facts: string;
  readonly marketplace?: 'US' | 'CA' | 'MX' | 'UK' | 'EU' | 'JP';
  readonly sales: readonly string[];
  readonly requests?: readonly string[];
  readonly policies?: readonly string[];
  readonly asOf: string;
  readonly expect: {
    readonly required: boolean;
    readonly status: string;
    readonly rule?: string;
    readonly triggeredOn?: string;
    readonly deadline?: string;
    readonly daysLeft?: number;
    readonly mentions?: readonly string[];
  };
}

export const ELIGIBILITY_CASES: readonly EligibilityCase[] = [
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
    },
  },
  {
    id: 'E4',
    facts: 'two over, one under, two over — never three in a row',
    sales: ['2021-03 11000', '2021-04 9000', '2021-05 11000', '2021-06 11000'],
    asOf: '2021-07-10',
    expect: { required: false, status: 'approaching', mentions: ['2 consecutive month(s)'] },
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
      mentions: ['took effect on 2021-09-01'],
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
    },
  },
  {
    id: 'E5',
    facts: 'one month exactly at USD 10,000.00, every other month lower',
    sales: ['2023-04 8000', '2023-05 10000.00', '2023-06 2000'],
    asOf: '2023-06-10',
    expect: { required: false, status: 'at-threshold', mentions: ['not over it', 'at risk'] },
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
      mentions: ['2024-02-05, 2024-03-01'],
    },
  },
  {
    id: 'E7',
    facts: 'E1 plus a compliant policy 2022-04-20 -> 2023-04-20',
    sales: ['2022-03 10000.01 2022-04-02'],
    policies: ['2022-04-20 2023-04-20'],
    asOf: '2022-05-01',
    expect: { required: true, status: 'insured', mentions: ['in force until 2023-04-20'] },
  },
  {
    id: 'E7b',
    facts: 'same, the day after the policy expired',
    sales: ['2022-03 10000.01 2022-04-02'],
    policies: ['2022-04-20 2023-04-20'],
    asOf: '2023-04-21',
    expect: { required: true, status: 'overdue', mentions: ['expired on 2023-04-20', 'overdue'] },
  },
  {
    id: 'E7c',
    facts: 'lapsed policy renewed after a gap: uninsured in the gap',
    sales: ['2022-03 10000.01 2022-04-02'],
    policies: ['2022-04-20 2023-04-20', '2023-05-10 2024-05-10'],
    asOf: '2023-05-01',
    expect: { required: true, status: 'overdue', mentions: ['expired on 2023-04-20'] },
  },
  {
    id: 'E7d',
    facts: 'lapsed policy renewed after a gap: insured again after renewal',
    sales: ['2022-03 10000.01 2022-04-02'],
    policies: ['2022-04-20 2023-04-20', '2023-05-10 2024-05-10'],
    asOf: '2023-05-15',
    expect: { required: true, status: 'insured', mentions: ['in force until 2024-05-10'] },
  },
  {
    id: 'M1',
    facts: 'current month at 85% of the threshold',
    sales: ['2026-10 8500 2026-10-19'],
    asOf: '2026-10-20',
    expect: { required: false, status: 'approaching', mentions: ['85%', 'USD 1,500.00 more'] },
  },
  {
    id: 'M2',
    facts: 'a month over that is after the as-of date does not count',
    sales: ['2026-10 12000 2026-10-25'],
    asOf: '2026-10-20',
    expect: { required: false, status: 'not-required' },
  },
  {
    id: 'M3',
    facts: 'a revision corrected the month back under the threshold',
    sales: ['2026-09 10500 2026-09-20', '2026-09 9800 2026-10-02'],
    asOf: '2026-10-10',
    expect: { required: false, status: 'not-required' },
  },
  {
    id: 'M4',
    facts: 'the first record over counts, even when a later revision raises it',
    sales: ['2026-09 8000 2026-09-10', '2026-09 10200 2026-09-22', '2026-09 14000 2026-10-03'],
    asOf: '2026-10-10',
    expect: { required: true, status: 'deadline-running', triggeredOn: '2026-09-22', deadline: '2026-10-22' },
  },
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
      mentions: ['second-hand'],
    },
  },
  {
    id: 'MX1',
    marketplace: 'MX',
    facts: 'MX seller over MXN 100,000 two months in a row is not yet required',
    sales: ['2025-01 120000', '2025-02 130000'],
    asOf: '2025-03-05',
    expect: { required: false, status: 'approaching' },
  },
];
