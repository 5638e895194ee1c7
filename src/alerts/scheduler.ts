// Runs the alert sweep on a cron schedule (node-cron), once at start-up to catch up on sweeps
// missed while the bot was down, and never two at once within a process. Between sweeps, delivery
// alone runs on its own short schedule so retries go out when they are due. Sweep and delivery
// never overlap within a process. Stopping waits for the running one, which releases its leases
// and returns early.
import cron from 'node-cron';

export interface Scheduler {
  /** Stops the schedule and waits for a running sweep to finish. */
  stop(): Promise<void>;
  /** True while a sweep runs. */
  busy(): boolean;
}

export function startScheduler(opts: {
  expression: string;
  sweep: (shouldStop: () => boolean) => Promise<unknown>;
  log: {
    info(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
  };
  runAtStart?: boolean;
  /** Delivery alone, on `deliveryExpression` (e.g. every minute). */
  deliver?: (shouldStop: () => boolean) => Promise<unknown>;
  deliveryExpression?: string;
}): Scheduler {
  let running: Promise<void> | undefined;
  let stopping = false;
  const run = (what: 'sweep' | 'delivery', job: (shouldStop: () => boolean) => Promise<unknown>) => {
    if (stopping) return;
    if (running) {
      // A delivery tick during a sweep has nothing to do: the sweep delivers too.
      if (what === 'sweep') opts.log.warn({}, 'alert sweep or delivery still running; this sweep is skipped');
      return;
    }
    running = job(() => stopping)
      .then(() => undefined)
      .catch((err: unknown) => opts.log.error({ err }, `alert ${what} failed`))
      .finally(() => {
        running = undefined;
      });
  };
  const tasks = [
    cron.schedule(opts.expression, () => run('sweep', opts.sweep), {
      name: 'coverwatch-alert-sweep',
      noOverlap: true,
    }),
  ];
  if (opts.deliver && opts.deliveryExpression) {
    const deliver = opts.deliver;
    tasks.push(
      cron.schedule(opts.deliveryExpression, () => run('delivery', deliver), {
        name: 'coverwatch-alert-delivery',
        noOverlap: true,
      }),
    );
  }
  if (opts.runAtStart !== false) run('sweep', opts.sweep);
  return {
    busy: () => running !== undefined,
    async stop() {
      stopping = true;
      for (const task of tasks) {
        await task.stop();
        await task.destroy();
      }
      await running;
    },
  };
}
