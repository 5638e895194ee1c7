// The health and metrics server (HEALTH_PORT), the same in every mode: Slack over HTTP or Socket
// Mode, Discord, both, or neither. Liveness says the process answers; readiness that the database
// and every configured platform connection work; /metrics is for Prometheus.
import { createServer, type Server } from 'node:http';
import type { Logger } from './log.ts';
import { collectProcessMetrics, registry } from './metrics.ts';

/** One dependency readiness depends on: undefined when fine, else what is wrong. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<string | undefined> | string | undefined;
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A check that takes longer than this counts as failing: a probe must answer quickly. */
const CHECK_TIMEOUT_MS = 2000;

async function run(check: ReadinessCheck): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS);
  });
  try {
    const problem = await Promise.race([Promise.resolve().then(() => check.check()), timeout]);
    return problem ?? 'ok';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(checks: readonly ReadinessCheck[]): Promise<{
  ready: boolean;
  checks: Record<string, string>;
}> {
  const results = await Promise.all(checks.map(async (c) => [c.name, await run(c)] as const));
  return { ready: results.every(([, r]) => r === 'ok'), checks: Object.fromEntries(results) };
}

export function startHealthServer(opts: {
  port: number;
  host: string;
  checks: () => readonly ReadinessCheck[];
  log: Logger;
}): Promise<HealthServer> {
  collectProcessMetrics();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://health').pathname;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(405, { error: 'GET only' });
    if (path === '/livez' || path === '/healthz') return json(200, { status: 'ok' });
    if (path === '/readyz')
      return void readiness(opts.checks()).then(
        (r) => json(r.ready ? 200 : 503, { status: r.ready ? 'ok' : 'unavailable', checks: r.checks }),
        (err: unknown) => json(503, { status: 'unavailable', error: String(err) }),
      );
    if (path === '/metrics')
      return void registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': registry.contentType });
          res.end(text);
        },
        (err: unknown) => {
          opts.log.error({ err }, 'metrics failed');
          json(500, { error: 'metrics unavailable' });
        },
      );
    json(404, { error: 'not found', try: ['/livez', '/readyz', '/metrics'] });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : opts.port;
      opts.log.info({ port, host: opts.host }, 'health server listening');
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
