// Stored records -> the facts the rules engine takes. The only place that knows both shapes.
import type { AccountFacts } from '../rules/eligibility.ts';
import type { AccountState } from '../store/state.ts';

export function accountFacts(state: AccountState): AccountFacts {
  const { account } = state;
  return {
    marketplace: account.marketplace,
    legalName: account.legalName,
    dba: account.dba,
    entity: account.entity,
    sales: state.sales.map((r) => ({
      month: r.month,
      amount: r.amount,
      recordedOn: r.recordedOn,
      seq: r.id,
    })),
    proofRequests: state.requests.map((r) => ({ requestedOn: r.requestedOn, note: r.note })),
    // The rules name a policy by the number the team sees.
    policies: state.policies.map((p) => ({ ...p, id: p.number })),
  };
}
