// Prometheus metrics (prom-client), served at GET /metrics by the health server. One registry per
// process; names follow Prometheus conventions (base units, _total for counters).
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();

let processMetrics = false;
/**
 * Adds the process metrics (CPU, memory, event-loop lag), which sample on a timer: only a process
 * that serves /metrics pays for them, not the terminal or a one-shot sweep.
 */
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry, prefix: 'coverwatch_' });
}

/** How a command ended: answered, refused (permission), invalid input, database busy, or a bug. */
export type CommandResult = 'ok' | 'refused' | 'invalid' | 'busy' | 'error';

export const commands = new Counter({
  name: 'coverwatch_commands_total',
  help: 'Commands run, by command and result',
  labelNames: ['command', 'result'] as const,
  registers: [registry],
});

export const commandSeconds = new Histogram({
  name: 'coverwatch_command_duration_seconds',
  help: 'Time to answer a command, from validated arguments to reply',
  labelNames: ['command'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const sweepSeconds = new Histogram({
  name: 'coverwatch_sweep_duration_seconds',
  help: 'Alert sweep duration, by phase (plan: deciding what to send; deliver: posting the outbox)',
  labelNames: ['phase'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [registry],
});

export const platformErrors = new Counter({
  name: 'coverwatch_platform_errors_total',
  help: 'Failed calls to Slack or Discord, by platform and kind (error, rate_limited, timeout, channel_unavailable, credentials_refused)',
  labelNames: ['platform', 'kind'] as const,
  registers: [registry],
});

export const alertsDelivered = new Counter({
  name: 'coverwatch_alerts_delivered_total',
  help: 'Alert delivery attempts, by platform and result (sent, retry, failed, held: the channel refused)',
  labelNames: ['platform', 'result'] as const,
  registers: [registry],
});

/** The outbox by state, read from the database when scraped (every replica sees the same outbox). */
export function watchOutbox(count: () => Promise<Record<string, number>>): void {
  registry.removeSingleMetric('coverwatch_outbox_alerts');
  new Gauge({
    name: 'coverwatch_outbox_alerts',
    help: 'Alerts in the outbox, by state (pending, sent, failed)',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      for (const [state, n] of Object.entries(await count())) this.set({ state }, n);
    },
  });
}
