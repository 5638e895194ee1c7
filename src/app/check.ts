// `/insurance check`: for one account or all, as of today (each account's time zone) or a given day.
import { type Eligibility, eligibility } from '../rules/eligibility.ts';
import { accountTimeZone } from '../rules/table.ts';
import type { AccountState } from '../store/state.ts';
import { stateNamed } from './accounts.ts';
import { type AppDeps, DAY_WORDS, dayFrom, read, type Scope, today } from './context.ts';
import { accountFacts } from './facts.ts';
import { teamState } from './state-cache.ts';

export interface AccountCheck {
  readonly state: AccountState;
  readonly asOf: string;
  readonly eligibility: Eligibility;
  /**
   * The zone the as-of day is counted in, when it is today and the team's own day is another (a
   * team in Shanghai reading an Amazon.com account's day, Los Angeles's): the answer names it.
   */
  readonly zone?: string | undefined;
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
    const asOf = input.asOf;
    // "as-of:yesterday" is each account's own yesterday, as its today is; a date is the date.
    if (asOf && !DAY_WORDS.has(asOf)) return states.map((s) => checkState(s, asOf));
    if (asOf)
      return states.map((s) => checkState(s, dayFrom(asOf, today(deps, scope, accountTimeZone(s.account)))));
    const teamDay = today(deps, scope);
    return states.map((s) => {
      const zone = accountTimeZone(s.account);
      const day = today(deps, scope, zone);
      return day === teamDay ? checkState(s, day) : { ...checkState(s, day), zone };
    });
  });
}
