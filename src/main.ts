// Composition root and command line:
//   coverwatch [start]     every adapter whose credentials are set; none set -> the terminal
//   coverwatch shell       the terminal adapter
//   coverwatch migrate     apply database migrations and exit

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import closeWithGrace from 'close-with-grace';
import { sql } from 'kysely';
import cron from 'node-cron';
import { createDiscordBot, discordRest } from '../adapters/discord/bot.ts';
import {
  DISCORD_INTERACTIONS_PATH,
  discordInteractionsEndpoint,
  discordPublicKey,
  startInteractionsServer,
} from '../adapters/discord/http.ts';
import { discordChannels, discordPoster } from '../adapters/discord/poster.ts';
import { registerCommands } from '../adapters/discord/register.ts';
import { shellPoster } from '../adapters/shell/poster.ts';
import { renderText } from '../adapters/shell/render.ts';
import { runShell } from '../adapters/shell/repl.ts';
import { createSlackBot } from '../adapters/slack/app.ts';
import { slackPoster } from '../adapters/slack/poster.ts';
import { amazonCallback } from '../adapters/web/amazon-callback.ts';
import { type Notifier, routeByPlatform } from './alerts/notifier.ts';
import { startScheduler } from './alerts/scheduler.ts';
import { deliverOutbox, runSweep, type SweepDeps } from './alerts/sweep.ts';
import { resealAmazonTokens, syncAll } from './app/amazon.ts';
import type { AppDeps } from './app/context.ts';
import { InFlight } from './app/inflight.ts';
import { resealInstallations } from './app/installations.ts';
import { AMAZON_CALLBACK_PATH, type Config, ConfigError, loadConfig, secretsOf } from './config.ts';
import { type ReadinessCheck, startHealthServer } from './health.ts';
import { wordsFor } from './i18n/index.ts';
import { createLogger, type Logger } from './log.ts';
import { watchOutbox } from './metrics.ts';
import { sealer } from './secrets.ts';
import { startupProblem } from './startup.ts';
import { outboxCounts, recentSweeps } from './store/alerts.ts';
import { databaseLabel, migrate, openStore, type Store } from './store/db.ts';

const USAGE = `usage: coverwatch [command]

  start      run every adapter whose credentials are set (none set: the terminal)   (default)
  shell      the terminal adapter: a prompt on a TTY, one command per line when piped
  migrate    apply database migrations and exit
  sweep [--at ISO-instant] [--dry-run] [--stats]
             run one alert sweep now; --dry-run (with --at: at that instant) shows what would be sent;
             --stats shows the last sweep: teams planned by each replica
  discord register [--guild ID]
             register /insurance and /claim with Discord (one server, or globally); writes only what changed
  sync [--account NAME]
             sync connected accounts' daily sales from Amazon now (every team's, or one account's)
  secrets rotate
             seal every stored Slack token and Amazon refresh token with COVERWATCH_SECRET_KEY
             (after a key change)
  version    the versions of coverwatch and Node.js (also --version, -v)
  help       this text (also --help, -h)

Configuration comes from the environment; see .env.example.`;

export interface Runtime {
  readonly config: Config;
  readonly log: Logger;
  readonly store: Store;
  readonly deps: AppDeps;
}

/** Opens the store for a loaded configuration (migrating it unless told not to). */
export async function boot(config: Config, log: Logger, opts: { migrate?: boolean } = {}): Promise<Runtime> {
  const store = await openStore(config.databaseUrl, {
    migrate: opts.migrate ?? true,
    synchronous: config.sqliteSynchronous,
  });
  log.debug({ database: store.location, dialect: store.dialect }, 'database open');
  const deps: AppDeps = {
    store,
    now: config.now ? () => config.now! : () => new Date(),
    defaults: { timeZone: config.defaultTimeZone, alertHour: config.alertHour },
    inflight: new InFlight(),
    ...(config.secretKeys ? { sealer: sealer(config.secretKeys.current, config.secretKeys.previous) } : {}),
    ...(config.amazon ? { amazon: config.amazon } : {}),
  };
  return { config, log, store, deps };
}

/** Start-up failed: the stack to the JSON log, one line an operator can act on to the terminal. */
function cannotStart(log: Logger, config: Config, err: unknown): number {
  const problem = startupProblem(err, { database: databaseLabel(config.databaseUrl) });
  log.error({ err, problem }, 'cannot start');
  process.stderr.write(`coverwatch: cannot start: ${problem}\n`);
  return 1;
}

/** Alerts go to each tenant's platform; the terminal prints them to `output`. */
function notifier(rt: Runtime, output: Writable = process.stdout): Notifier {
  return routeByPlatform({
    ...(rt.config.slack ? { slack: slackPoster(rt.config.slack, rt.deps) } : {}),
    ...(rt.config.discord
      ? { discord: discordPoster(discordRest(rt.config.discord, { throwRateLimits: true })) }
      : {}),
    shell: shellPoster(output, Boolean((output as { isTTY?: boolean }).isTTY)),
  });
}

function sweepDeps(rt: Runtime, shouldStop?: () => boolean): SweepDeps {
  return {
    store: rt.store,
    notifier: notifier(rt),
    now: rt.deps.now,
    owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    defaults: { alertHour: rt.config.alertHour },
    delivery: { batch: rt.config.alertBatch, leaseMs: rt.config.alertLeaseMs },
    log: rt.log,
    ...(shouldStop ? { shouldStop } : {}),
  };
}

function scheduleSweeps(rt: Runtime) {
  rt.log.info({ cron: rt.config.alertCron, delivery: rt.config.deliveryCron }, 'alert sweeps scheduled');
  return startScheduler({
    expression: rt.config.alertCron,
    sweep: (stop) => runSweep(sweepDeps(rt, stop)),
    deliver: (stop) => deliverOutbox(sweepDeps(rt, stop)),
    deliveryExpression: rt.config.deliveryCron,
    log: rt.log,
  });
}

/** `coverwatch sweep --stats`: the last sweep, replica by replica (several start within minutes). */
async function sweepStats(rt: Runtime): Promise<number> {
  const rows = await recentSweeps(rt.store.db);
  if (rows.length === 0) {
    process.stdout.write('No sweep has run yet.\n');
    return 0;
  }
  const total = rows.reduce((n, r) => n + r.tenantsPlanned, 0);
  process.stdout.write(
    `Last sweep (started ${rows[0]!.startedAt}): ${total} team(s) planned by ${rows.length} replica(s).\n`,
  );
  for (const r of rows)
    process.stdout.write(
      `  ${r.owner}: ${r.tenantsPlanned} team(s) planned, ${r.planned} alert(s) planned, ${r.delivered} delivered, ${r.failed} failed${r.finishedAt ? '' : ' (not finished)'}\n`,
    );
  return 0;
}

async function sweepOnce(rt: Runtime, values: Record<string, unknown>): Promise<number> {
  if (values.stats) return sweepStats(rt);
  const at = typeof values.at === 'string' ? new Date(values.at) : undefined;
  if (at && Number.isNaN(at.getTime())) {
    process.stderr.write(`--at: "${values.at}" is not an instant; write e.g. 2026-11-21T17:00:00Z\n`);
    return 2;
  }
  if (at && !values['dry-run']) {
    process.stderr.write('--at only goes with --dry-run: a real sweep always runs now\n');
    return 2;
  }
  const result = await runSweep(sweepDeps(rt), { ...(at ? { at } : {}), dryRun: Boolean(values['dry-run']) });
  if (result.preview) {
    process.stdout.write(`Dry run at ${result.at}: ${result.preview.length} alert(s) would be sent.\n`);
    for (const p of result.preview)
      process.stdout.write(
        `\n[${p.tenant.platform} ${p.tenant.externalId} → ${p.tenant.alertChannel}] ${p.key}\n${renderText(p.reply, { words: wordsFor(p.tenant.locale) })}\n`,
      );
  } else {
    process.stdout.write(
      `Sweep at ${result.at}: ${result.tenantsPlanned} team(s) planned, ${result.tenantsSkipped} unchanged; ${result.inserted} new alert(s); ${result.delivered} delivered, ${result.retried} to retry, ${result.failed} failed.\n`,
    );
    for (const platform of result.refused ?? [])
      process.stderr.write(
        `${platform} refuses the bot's token: its alerts are held, not used up, until a working token is set.\n`,
      );
  }
  return 0;
}

/** The website authorization workflow is configured, but neither Slack nor Discord serves HTTP here. */
const amazonWebUnserved = (rt: Runtime) =>
  Boolean(rt.config.amazon?.website) &&
  !(rt.config.slack && !rt.config.slack.appToken) &&
  !rt.config.discord?.publicKey;

/** `coverwatch sync`: every team's connected accounts (or one account, by name), now. */
async function syncOnce(rt: Runtime, values: Record<string, unknown>): Promise<number> {
  if (!rt.deps.amazon) {
    process.stderr.write(
      'sync needs AMAZON_LWA_CLIENT_ID, AMAZON_LWA_CLIENT_SECRET and COVERWATCH_SECRET_KEY\n',
    );
    return 2;
  }
  const name = typeof values.account === 'string' ? values.account : undefined;
  const results = (await syncAll(rt.deps)).filter((r) => !name || r.account === name);
  for (const r of results)
    process.stdout.write(
      `${r.account}: ${r.problem ? `${r.problem} (${r.detail})` : `${r.days} day(s) ${r.from}..${r.to}, ${r.added} new, ${r.changed} changed`}\n`,
    );
  process.stdout.write(`synced ${results.length} account(s)\n`);
  return results.some((r) => r.problem) ? 1 : 0;
}

/** Connected accounts' sales on SALES_SYNC_CRON, never two syncs at once in this process. */
function scheduleSync(rt: Runtime): (() => Promise<void>) | undefined {
  if (!rt.deps.amazon) return undefined;
  let running: Promise<unknown> | undefined;
  const task = cron.schedule(
    rt.config.salesSyncCron,
    () => {
      if (running) return;
      running = syncAll(rt.deps)
        .then((results) =>
          rt.log.info(
            { accounts: results.length, problems: results.filter((r) => r.problem).length },
            'sales sync finished',
          ),
        )
        .catch((err: unknown) => rt.log.error({ err }, 'sales sync failed'))
        .finally(() => {
          running = undefined;
        });
    },
    { name: 'coverwatch-sales-sync', noOverlap: true },
  );
  rt.log.info({ cron: rt.config.salesSyncCron }, 'sales sync scheduled');
  return async () => {
    await task.stop();
    await task.destroy();
    await running;
  };
}

async function shell(rt: Runtime): Promise<number> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  // An interactive terminal also gets alerts, printed between commands; piped input does not.
  const scheduler = interactive ? scheduleSweeps(rt) : undefined;
  try {
    return await runShellOn(rt, interactive);
  } finally {
    await scheduler?.stop();
  }
}

function runShellOn(rt: Runtime, interactive: boolean): Promise<number> {
  return runShell({
    deps: rt.deps,
    input: process.stdin,
    output: process.stdout,
    interactive,
    log: rt.log,
    ...(rt.config.chartDir ? { chartDir: rt.config.chartDir } : {}),
  });
}

/**
 * Runs the chat adapters whose credentials are set until SIGTERM or SIGINT. Shutdown stops taking
 * new work, lets commands in flight finish (SHUTDOWN_GRACE_MS at most), then closes the store. An
 * unexpected error anywhere is logged as JSON and ends the process the same way, with exit code 1.
 */
async function serve(rt: Runtime): Promise<number> {
  const stops: (() => Promise<void>)[] = [];
  const checks: ReadinessCheck[] = [{ name: 'database', check: () => databaseProblem(rt.store) }];
  let starting = true;
  checks.push({ name: 'started', check: () => (starting ? 'starting' : undefined) });
  const stopAll = async () => {
    for (const stop of stops.reverse())
      await stop().catch((err) => rt.log.error({ err }, 'error while stopping'));
    stops.length = 0;
  };
  // The shutdown path is in place before anything starts: a signal during start-up (or the instant
  // after "ready" is logged) stops what has started, within the same time limit.
  let stoppedWith: (code: number) => void = () => undefined;
  const stopped = new Promise<number>((resolve) => {
    stoppedWith = resolve;
  });
  const shutdown = closeWithGrace(
    {
      delay: rt.config.shutdownGraceMs,
      logger: false,
      onTimeout: () =>
        rt.log.error({ graceMs: rt.config.shutdownGraceMs }, 'shutdown took too long; exiting'),
      onSecondSignal: (signal) => rt.log.warn({ signal }, 'second signal; exiting now'),
      onSecondError: (err) => rt.log.fatal({ err }, 'second unexpected error while stopping; exiting now'),
    },
    async ({ signal, err }) => {
      if (err) rt.log.fatal({ err }, 'unexpected error; stopping');
      else rt.log.info({ signal, inflight: rt.deps.inflight?.size ?? 0 }, 'stopping');
      await stopAll();
      await rt.deps.inflight?.drain();
      await rt.store.close().catch(() => undefined);
      rt.log.info('stopped');
      stoppedWith(err ? 1 : 0);
    },
  );
  try {
    if (rt.config.health) {
      const health = await startHealthServer({ ...rt.config.health, checks: () => checks, log: rt.log });
      stops.push(() => health.close());
    }
    watchOutbox(() => outboxCounts(rt.store.db));
    // Discord over HTTP (DISCORD_PUBLIC_KEY): on Slack's HTTP server when there is one, else its own.
    const discord = rt.config.discord;
    const discordHttp = discord?.publicKey ? discordEndpoint(rt, discord) : undefined;
    const slackHttp = Boolean(rt.config.slack && !rt.config.slack.appToken);
    // Amazon's website authorization workflow comes back to AMAZON_CALLBACK_PATH on the same server.
    const amazonWeb = rt.config.amazon?.website ? amazonCallback(rt.deps, rt.log) : undefined;
    if (rt.config.slack) {
      const slack = createSlackBot({
        config: rt.config.slack,
        port: rt.config.port,
        deps: rt.deps,
        log: rt.log,
        ...(slackHttp && (discordHttp || amazonWeb)
          ? {
              routes: [
                ...(discordHttp
                  ? [{ path: DISCORD_INTERACTIONS_PATH, method: ['POST'], handler: discordHttp }]
                  : []),
                ...(amazonWeb ? [{ path: AMAZON_CALLBACK_PATH, method: ['GET'], handler: amazonWeb }] : []),
              ],
            }
          : {}),
      });
      const { port } = await slack.start();
      rt.log.info({ mode: rt.config.slack.appToken ? 'socket' : 'http', port }, 'slack adapter ready');
      stops.push(() => slack.stop());
      checks.push({ name: 'slack', check: () => slack.problem() });
    }
    if (discordHttp) {
      if (slackHttp) rt.log.info({ path: DISCORD_INTERACTIONS_PATH }, 'discord interactions endpoint ready');
      else {
        const server = await startInteractionsServer(
          discordHttp,
          rt.config.port,
          undefined,
          amazonWeb ? { [AMAZON_CALLBACK_PATH]: amazonWeb } : {},
        );
        rt.log.info(
          { port: server.port, path: DISCORD_INTERACTIONS_PATH },
          'discord interactions endpoint ready',
        );
        stops.push(() => server.close());
        checks.push({
          name: 'discord',
          check: () => (server.server.listening ? undefined : 'not listening'),
        });
      }
    } else if (discord) {
      const bot = createDiscordBot({ config: discord, deps: rt.deps, log: rt.log });
      await bot.start();
      rt.log.info({ guilds: bot.client.guilds.cache.size }, 'discord adapter ready');
      stops.push(() => bot.stop());
      checks.push({ name: 'discord', check: () => bot.problem() });
    }
  } catch (err) {
    shutdown.uninstall();
    await stopAll();
    return cannotStart(rt.log, rt.config, err);
  }
  if (amazonWebUnserved(rt))
    rt.log.warn(
      { path: AMAZON_CALLBACK_PATH },
      'amazon: AMAZON_APP_ID is set, but no HTTP server here receives the callback (Slack or Discord over HTTP); connect with refresh tokens at the terminal instead',
    );
  const scheduler = scheduleSweeps(rt);
  stops.push(() => scheduler.stop());
  const sync = scheduleSync(rt);
  if (sync) stops.push(sync);
  starting = false;
  return stopped;
}

/** Discord's interactions endpoint, answering over REST with the bot token's client. */
function discordEndpoint(rt: Runtime, discord: NonNullable<Config['discord']>) {
  const rest = discordRest(discord);
  return discordInteractionsEndpoint({
    publicKey: discordPublicKey(discord.publicKey!),
    rest,
    deps: rt.deps,
    channels: discordChannels(rest),
    log: rt.log,
    apiUrl: discord.apiUrl,
  });
}

/** Readiness of the database: a trivial query answers. */
async function databaseProblem(store: Store): Promise<string | undefined> {
  await sql`select 1`.execute(store.db);
  return undefined;
}

/** `.env` in the working directory, as .env.example says; variables already set win over it. */
function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

/** The version in package.json, which every install carries beside src/ and dist/src/. */
function version(): string {
  const found = ['../package.json', '../../package.json']
    .map((path) => new URL(path, import.meta.url))
    .find((url) => existsSync(url));
  return found ? (JSON.parse(readFileSync(found, 'utf8')) as { version: string }).version : 'unknown';
}

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    // Strict: a mistyped option (--gild) is an error, not silently a start of the bot.
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    const unknown = /^Unknown option '([^']+)'/.exec((err as Error).message);
    process.stderr.write(
      `${unknown ? `unknown option "${unknown[1]}"` : (err as Error).message}\n\n${USAGE}\n`,
    );
    return 2;
  }
  const { positionals, values } = parsed;
  const [command = 'start'] = positionals;
  if (command === 'help' || values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'version' || values.version) {
    process.stdout.write(`coverwatch ${version()} (Node.js ${process.version})\n`);
    return 0;
  }
  if (
    !['start', 'shell', 'migrate', 'discord', 'sweep', 'sync', 'secrets'].includes(command) ||
    (command === 'discord' && positionals[1] !== 'register') ||
    (command === 'secrets' && positionals[1] !== 'rotate')
  ) {
    process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
    return 2;
  }
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const log = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  let rt: Runtime;
  try {
    rt = await boot(config, log, { migrate: command !== 'migrate' });
  } catch (err) {
    return cannotStart(log, config, err);
  }
  try {
    return await run(rt, command, values);
  } catch (err) {
    // Whatever a one-shot command met (Discord refusing the token, the database going away):
    // one line here, the stack in the log.
    const problem = startupProblem(err, { database: rt.store.location });
    log.error({ err, problem, command }, 'command failed');
    process.stderr.write(`coverwatch ${command}: ${problem}\n`);
    return 1;
  } finally {
    await rt.store.close().catch(() => undefined);
  }
}

const OPTIONS = {
  guild: { type: 'string' },
  at: { type: 'string' },
  'dry-run': { type: 'boolean' },
  stats: { type: 'boolean' },
  account: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

async function run(rt: Runtime, command: string, values: Record<string, unknown>): Promise<number> {
  switch (command) {
    case 'migrate': {
      const result = await migrate(rt.store);
      process.stdout.write(
        `${rt.store.dialect} ${rt.store.location}: ${result.results?.length ? result.results.map((r) => r.migrationName).join(', ') : 'up to date'}\n`,
      );
      return 0;
    }
    case 'shell':
      return await shell(rt);
    case 'secrets': {
      const { resealed, total } = await resealInstallations(rt.deps);
      process.stdout.write(`sealed ${resealed} of ${total} Slack installation(s) with the current key\n`);
      const tokens = await resealAmazonTokens(rt.deps);
      process.stdout.write(
        `sealed ${tokens.resealed} of ${tokens.total} Amazon refresh token(s) with the current key\n`,
      );
      return 0;
    }
    case 'sync':
      return await syncOnce(rt, values);
    case 'sweep':
      return await sweepOnce(rt, values);
    case 'discord': {
      const discord = rt.config.discord;
      if (!discord?.applicationId) {
        process.stderr.write('discord register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID\n');
        return 2;
      }
      const guild = typeof values.guild === 'string' ? values.guild : undefined;
      const result = await registerCommands(discordRest(discord), discord.applicationId, guild);
      process.stdout.write(
        `${result.scope}: ${result.changed ? `registered ${result.count} commands` : 'already up to date, nothing written'}\n`,
      );
      return 0;
    }
    default:
      return rt.config.slack || rt.config.discord ? await serve(rt) : await shell(rt);
  }
}
