// The scheduler with real node-cron timers: delivery alone runs on its own tick between sweeps, and
// a sweep and a delivery never run at once in one process.
import { describe, expect, it } from 'vitest';
import { startScheduler } from '../../src/alerts/scheduler.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Resolves when `cond` holds, checked on each event-loop turn (the cron timers drive progress). */
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setImmediate(r));
}

describe('startScheduler', () => {
  it('runs delivery on its own tick between sweeps, never during a sweep', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const events: string[] = [];
    let sweeping = false;
    const scheduler = startScheduler({
      // The hourly sweep never fires during the test; it runs once at start.
      expression: '0 0 1 1 *',
      sweep: async () => {
        sweeping = true;
        events.push('sweep');
        await gate;
        sweeping = false;
      },
      // Every second (node-cron's six-field form).
      deliveryExpression: '* * * * * *',
      deliver: async () => {
        events.push(sweeping ? 'delivery-during-sweep' : 'delivery');
      },
      log: quiet,
    });
    try {
      expect(events).toEqual(['sweep']);
      expect(scheduler.busy()).toBe(true);
      open();
      await until(() => events.filter((e) => e === 'delivery').length >= 2);
      expect(events).not.toContain('delivery-during-sweep');
      expect(events[0]).toBe('sweep');
    } finally {
      await scheduler.stop();
    }
  });

  it('stopping waits for the running job and runs nothing after', async () => {
    let finished = false;
    const scheduler = startScheduler({
      expression: '0 0 1 1 *',
      sweep: async (shouldStop) => {
        await until(shouldStop);
        finished = true;
      },
      deliveryExpression: '* * * * * *',
      deliver: async () => {
        throw new Error('delivery must not run while the sweep runs or after stop');
      },
      log: { ...quiet, error: (_obj: object, msg: string) => expect.fail(msg) },
    });
    await scheduler.stop();
    expect(finished).toBe(true);
    expect(scheduler.busy()).toBe(false);
  });
});
