// Amazon's usage plan for an operation, per selling partner: a token bucket (getOrderMetrics: 0.5
// requests a second, burst 15). Each seller has its own bucket, so one seller's backfill never
// slows another's sync; a 429 empties the bucket, so the next call waits a full interval.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export interface Plan {
  readonly rate: number;
  readonly burst: number;
}

export const ORDER_METRICS_PLAN: Plan = { rate: 0.5, burst: 15 };

/** The tokens a bucket holds after `elapsedMs` of refilling from `tokens`, never over the burst. */
export function refilled(plan: Plan, tokens: number, elapsedMs: number): number {
  return Math.min(plan.burst, tokens + (elapsedMs / 1000) * plan.rate);
}

export class UsagePlan {
  private tokens: number;
  private last: number;
  /** Callers waiting, in order: a bucket serves one at a time. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly plan: Plan = ORDER_METRICS_PLAN,
    private readonly clock: Clock = REAL_CLOCK,
    /** Tokens left from an earlier sync (the budget kept in the database); a full burst otherwise. */
    initialTokens: number = plan.burst,
  ) {
    this.tokens = Math.max(0, Math.min(plan.burst, initialTokens));
    this.last = clock.now();
  }

  /** Tokens left now, refilled for the time since they were last counted. */
  remaining(): number {
    return refilled(this.plan, this.tokens, this.clock.now() - this.last);
  }

  /** Resolves when a request may be sent, taking its token. */
  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = this.clock.now();
        this.tokens = refilled(this.plan, this.tokens, now - this.last);
        this.last = now;
        if (this.tokens >= 1) {
          this.tokens -= 1;
          return;
        }
        await this.clock.sleep(((1 - this.tokens) / this.plan.rate) * 1000);
      }
    });
    this.queue = turn;
    return turn;
  }

  /** Amazon said 429: nothing is left in the bucket until it refills. */
  throttled(): void {
    this.tokens = 0;
    this.last = this.clock.now();
  }
}
