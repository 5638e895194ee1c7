// Virtual time for the Amazon usage plan: a sleep moves the clock on at once (and is recorded), so
// a test never waits for Amazon's two seconds a request.
import type { Clock } from '../../src/amazon/usage-plan.ts';

export function virtualClock(): Clock & { slept: number[]; at: number } {
  const c = {
    at: 0,
    slept: [] as number[],
    now: () => c.at,
    sleep: async (ms: number) => {
      c.slept.push(ms);
      c.at += ms;
    },
  };
  return c;
}
