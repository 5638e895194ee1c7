// Runs the alert sweep on a cron schedule (node-cron), once at start-up to catch up on sweeps
// missed while the bot was down, and never two at once within a process. Stopping waits for a
// running sweep, which releases its leases and returns early.
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
}): Scheduler {
  let running: Promise<void> | undefined;
  let stopping = false;
  const tick = () => {
    if (stopping) return;
    if (running) {
      opts.log.warn({}, 'alert sweep still running; this run is skipped');
      return;
    }
    running = opts
      .sweep(() => stopping)
      .then(() => undefined)
      .catch((err: unknown) => opts.log.error({ err }, 'alert sweep failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const task = cron.schedule(opts.expression, tick, { name: 'coverwatch-alert-sweep', noOverlap: true });
  if (opts.runAtStart !== false) tick();
  return {
    busy: () => running !== undefined,
    async stop() {
      stopping = true;
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
