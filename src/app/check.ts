// `/insurance check`: for one account or all, as of today (each account's time zone) or a given day.

import { type Eligibility, eligibility } from '../rules/eligibility.ts';
import { accountTimeZone } from '../rules/table.ts';
import type { AccountState } from '../store/state.ts';
import { stateNamed } from './accounts.ts';
import { type AppDeps, read, type Scope, today } from './context.ts';
import { accountFacts } from './facts.ts';
import { teamState } from './state-cache.ts';

export interface AccountCheck {
  readonly state: AccountState;
  readonly asOf: string;
  readonly eligibility: Eligibility;
}

export function checkState(state: AccountState, asOf: string): AccountCheck {
  return { state, asOf, eligibility: eligibility(accountFacts(state), asOf) };
}

export async function check(
  deps: AppDeps,
  scope: Scope,
  input: { account?: string | undefined; asOf?: string | undefined },
): Promise<AccountCheck[]> {
  return read(deps, async (db) => {
    // The team's live accounts are in its state: the typed name is found there, not asked again.
    const all = await teamState(deps, scope, db);
    const states = input.account ? [stateNamed(all, input.account)] : all;
    return states.map((s) => checkState(s, input.asOf ?? today(deps, scope, accountTimeZone(s.account))));
  });
}
