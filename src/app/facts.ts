// Stored records -> the facts the rules engine takes. The only place that knows both shapes.
import type { AccountFacts } from '../rules/eligibility.ts';
import type { SalesRevision } from '../rules/months.ts';
import type { SalesDay } from '../store/sales-days.ts';
import type { AccountState } from '../store/state.ts';

/** Typed revisions and daily totals in the engine's order: by month, then by day within it. */
function withDays(typed: SalesRevision[], days: readonly SalesDay[]): SalesRevision[] {
  if (days.length === 0) return typed;
  return [...typed, ...monthToDate(days)].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      (a.recordedOn ?? '9999').localeCompare(b.recordedOn ?? '9999') ||
      (a.seq ?? 0) - (b.seq ?? 0),
  );
}

/**
 * Daily figures as the engine reads sales: for each day, the month's total so far. A day with no
 * sales is simply absent; the total carries on. The engine sorts them in among typed revisions.
 */
export function monthToDate(days: readonly SalesDay[]): SalesRevision[] {
  const out: SalesRevision[] = [];
  let month = '';
  let total = 0;
  for (const d of days) {
    const m = d.day.slice(0, 7);
    if (m !== month) {
      month = m;
      total = 0;
    }
    total += d.amount.minor;
    out.push({
      month: m,
      amount: { minor: total, currency: d.amount.currency },
      recordedOn: d.day,
      seq: 0,
      daily: true,
    });
  }
  return out;
}

export function accountFacts(state: AccountState): AccountFacts {
  const { account } = state;
  return {
    marketplace: account.marketplace,
    legalName: account.legalName,
    dba: account.dba,
    entity: account.entity,
    sales: withDays(
      state.sales.map((r) => ({
        month: r.month,
        amount: r.amount,
        recordedOn: r.recordedOn,
        seq: r.id,
      })),
      state.days,
    ),
    proofRequests: state.requests.map((r) => ({ requestedOn: r.requestedOn, note: r.note })),
    // The rules name a policy by the number the team sees.
    policies: state.policies.map((p) => ({ ...p, id: p.number })),
  };
}
