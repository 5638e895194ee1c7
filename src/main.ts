// Composition root and command line:
//   coverwatch [start]     every adapter whose credentials are set; none set -> the terminal
//   coverwatch shell       the terminal adapter
//   coverwatch migrate     apply database migrations and exit
import { parseArgs } from 'node:util';
import { createDiscordBot, discordRest } from '../adapters/discord/bot.ts';
import { registerCommands } from '../adapters/discord/register.ts';
import { runShell } from '../adapters/shell/repl.ts';
import { createSlackBot } from '../adapters/slack/app.ts';
import type { AppDeps } from './app/context.ts';
import { type Config, ConfigError, loadConfig, secretsOf } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import { migrate, openStore, type Store } from './store/db.ts';

const USAGE = `usage: coverwatch [command]

  start      run every adapter whose credentials are set (none set: the terminal)   (default)
  shell      the terminal adapter: a prompt on a TTY, one command per line when piped
  migrate    apply database migrations and exit
  discord register [--guild ID]
             register /insurance and /claim with Discord (one server, or globally); writes only what changed
  help       this text

Configuration comes from the environment; see .env.example.`;

export interface Runtime {
  readonly config: Config;
  readonly log: Logger;
  readonly store: Store;
  readonly deps: AppDeps;
}

export async function boot(
  env: NodeJS.ProcessEnv = process.env,
  opts: { migrate?: boolean } = {},
): Promise<Runtime> {
  const config = loadConfig(env);
  const log = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  const store = await openStore(config.databaseUrl, { migrate: opts.migrate ?? true });
  log.debug({ database: store.location, dialect: store.dialect }, 'database open');
  const deps: AppDeps = {
    store,
    now: () => new Date(),
    defaults: { timeZone: config.defaultTimeZone, alertHour: config.alertHour },
  };
  return { config, log, store, deps };
}

async function shell(rt: Runtime): Promise<number> {
  return runShell({
    deps: rt.deps,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    log: rt.log,
  });
}

/** Runs the chat adapters whose credentials are set until SIGTERM or SIGINT. */
async function serve(rt: Runtime): Promise<number> {
  const stops: (() => Promise<void>)[] = [];
  if (rt.config.slack) {
    const slack = createSlackBot({
      config: rt.config.slack,
      port: rt.config.port,
      deps: rt.deps,
      log: rt.log,
    });
    const { port } = await slack.start();
    rt.log.info({ mode: rt.config.slack.appToken ? 'socket' : 'http', port }, 'slack adapter ready');
    stops.push(() => slack.stop());
  }
  if (rt.config.discord) {
    const discord = createDiscordBot({ config: rt.config.discord, deps: rt.deps, log: rt.log });
    await discord.start();
    rt.log.info({ guilds: discord.client.guilds.cache.size }, 'discord adapter ready');
    stops.push(() => discord.stop());
  }
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  rt.log.info('stopping');
  for (const stop of stops.reverse())
    await stop().catch((err) => rt.log.error({ err }, 'error while stopping'));
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { guild: { type: 'string' } },
  });
  const [command = 'start'] = positionals;
  if (command === 'help' || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (
    !['start', 'shell', 'migrate', 'discord'].includes(command) ||
    (command === 'discord' && positionals[1] !== 'register')
  ) {
    process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
    return 2;
  }
  let rt: Runtime;
  try {
    rt = await boot(process.env, { migrate: command !== 'migrate' });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  try {
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
  } finally {
    await rt.store.close();
  }
}
