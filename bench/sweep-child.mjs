// Runs one alert sweep in a fresh process, from the compiled code in dist/ (`npm run bench` builds
// it first), and prints {seconds, cpuSeconds, peakMB, posted, result} as JSON, so each sweep's time and peak
// memory are measured alone, as production runs it. Posting is a no-op: the figure is coverwatch's
// own cost (planning, outbox, leases), not a chat platform's rate limits.
import { performance } from 'node:perf_hooks';
import { runSweep } from '../dist/src/alerts/sweep.js';
import { openStore } from '../dist/src/store/db.js';

const [url, at] = process.argv.slice(2);
const store = await openStore(url);
let posted = 0;
const start = performance.now();
const cpuStart = process.cpuUsage();
const result = await runSweep({
  store,
  notifier: {
    post: async () => {
      posted++;
    },
  },
  now: () => new Date(at),
  owner: `bench-${process.pid}`,
  defaults: { alertHour: 9 },
  delivery: { pace: () => 0, batch: 500 },
});
const seconds = (performance.now() - start) / 1000;
// The process's own CPU time: steadier than wall time on a shared machine, and (on SQLite) most of it.
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
await store.close();
process.stdout.write(
  `${JSON.stringify({ seconds, cpuSeconds, peakMB: process.resourceUsage().maxRSS / 1024, posted, result })}\n`,
);
