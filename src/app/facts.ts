// Stored records -> the facts the rules engine takes. The only place that knows both shapes.
import type { InsuranceStanding } from '../rules/claims.ts';
import { type AccountFacts, eligibility } from '../rules/eligibility.ts';
import { inForceOn, policyCompliance } from '../rules/policy.ts';
import type { ClaimRecord } from '../store/claims.ts';
import type { AccountState } from '../store/state.ts';

export function accountFacts(state: AccountState): AccountFacts {
  const { account } = state;
  return {
    marketplace: account.marketplace,
    legalName: account.legalName,
    dba: account.dba,
    sales: state.sales.map((r) => ({
      month: r.month,
      amount: r.amount,
      recordedOn: r.recordedOn,
      seq: r.id,
    })),
    proofRequests: state.requests.map((r) => ({ requestedOn: r.requestedOn, note: r.note })),
    policies: state.policies,
  };
}

/**
 * The account's standing for an A-to-z claim: required to be insured on the day of Amazon's
 * notice, and valid proof on file — a policy covering that day, not deficient, uploaded by `asOf`.
 */
export function claimStanding(
  state: AccountState,
  claim: Pick<ClaimRecord, 'noticeOn'>,
  asOf: string,
): InsuranceStanding {
  const facts = accountFacts(state);
  return {
    required: eligibility(facts, claim.noticeOn).required,
    proofOnFile: state.policies.some(
      (p) =>
        p.uploadedOn !== undefined &&
        p.uploadedOn <= asOf &&
        inForceOn(p, claim.noticeOn) &&
        policyCompliance(p, facts, claim.noticeOn).verdict !== 'deficient',
    ),
  };
}
