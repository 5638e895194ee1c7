// `/insurance check`: for one account or all, as of today (each account's time zone) or a given day.
import { type Eligibility, eligibility } from '../rules/eligibility.ts';
import { type PolicyCompliance, policyCompliance } from '../rules/policy.ts';
import type { PolicyRecord } from '../store/policies.ts';
import { type AccountState, loadTenantState } from '../store/state.ts';
import { resolveAccount } from './accounts.ts';
import { type AppDeps, read, type Scope, today } from './context.ts';
import { accountFacts } from './facts.ts';

export interface AccountCheck {
  readonly state: AccountState;
  readonly asOf: string;
  readonly eligibility: Eligibility;
  readonly policies: readonly { readonly policy: PolicyRecord; readonly compliance: PolicyCompliance }[];
}

export function checkState(state: AccountState, asOf: string): AccountCheck {
  const facts = accountFacts(state);
  return {
    state,
    asOf,
    eligibility: eligibility(facts, asOf),
    policies: state.policies.map((policy) => ({ policy, compliance: policyCompliance(policy, facts, asOf) })),
  };
}

export async function check(
  deps: AppDeps,
  scope: Scope,
  input: { account?: string | undefined; asOf?: string | undefined },
): Promise<AccountCheck[]> {
  return read(deps, async (db) => {
    const only = input.account ? await resolveAccount(db, scope, input.account) : undefined;
    const states = await loadTenantState(db, scope.tenant.id);
    return states
      .filter((s) => !only || s.account.id === only.id)
      .map((s) => checkState(s, input.asOf ?? today(deps, scope, s.account.timeZone)));
  });
}
