import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { openStore } from '../src/store/db.ts';
import { coverwatch } from './support/cli.ts';

describe('config', () => {
  it('runs with nothing set: SQLite under ./data, no Slack, no Discord', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      databaseUrl: './data/coverwatch.sqlite',
      alertCron: '0 * * * *',
      alertHour: 9,
    });
    expect(c.slack).toBeUndefined();
    expect(c.discord).toBeUndefined();
  });

  it('names the bad variable, never its value', () => {
    const secret = 'xoxb-very-secret-token';
    let message = '';
    try {
      loadConfig({ SLACK_BOT_TOKEN: secret, ALERT_HOUR: '25', DEFAULT_TIME_ZONE: 'Mars/Olympus' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('ALERT_HOUR');
    expect(message).toContain('DEFAULT_TIME_ZONE');
    expect(message).toContain('SLACK_SIGNING_SECRET');
    expect(message).not.toContain(secret);
  });

  it('every variable the code reads is documented in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const used = [...source.matchAll(/^\s{4}([A-Z][A-Z_]+):/gm)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const name of used) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it('logs never carry secrets, by field or inside text', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1234567890',
      SLACK_SIGNING_SECRET: 'sign-abcdef123',
      DISCORD_TOKEN: 'discord.token.value',
    });
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger({ secrets: secretsOf(config), destination: sink });
    log.info({ slack: { botToken: 'xoxb-1234567890' } }, 'starting');
    log.error(`request failed with token discord.token.value and sign-abcdef123`);
    log.info({ config }, 'config');
    const out = lines.join('');
    expect(lines).toHaveLength(3);
    for (const s of secretsOf(config)) expect(out).not.toContain(s);
    expect(out).toContain('[secret]');
  });
});

describe('config: SQLite durability', () => {
  it('normal unless set; full in any case; anything else names the variable and the choices', () => {
    expect(loadConfig({}).sqliteSynchronous).toBe('normal');
    expect(loadConfig({ SQLITE_SYNCHRONOUS: '' }).sqliteSynchronous).toBe('normal');
    expect(loadConfig({ SQLITE_SYNCHRONOUS: 'FULL' }).sqliteSynchronous).toBe('full');
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(
      /SQLITE_SYNCHRONOUS: must be normal or full/,
    );
  });

  it('the store applies it to its SQLite connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coverwatch-sync-'));
    try {
      // SQLite's own numbers: 1 is NORMAL, 2 is FULL.
      const level = async (synchronous?: 'normal' | 'full') => {
        const store = await openStore(join(dir, `${synchronous ?? 'default'}.sqlite`), {
          ...(synchronous ? { synchronous } : {}),
        });
        try {
          const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
          return rows[0]?.synchronous;
        } finally {
          await store.close();
        }
      };
      expect([await level(), await level('normal'), await level('full')]).toEqual([1, 1, 2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('config: blank is unset, and credentials that cannot work alone stop start-up', () => {
  it('a blank variable takes its default (never port 0, midnight or a temporary database)', () => {
    const c = loadConfig({
      PORT: '',
      ALERT_HOUR: ' ',
      DATABASE_URL: '',
      DEFAULT_TIME_ZONE: '',
      SLACK_API_URL: '',
    });
    expect([c.port, c.alertHour, c.databaseUrl, c.defaultTimeZone]).toEqual([
      3000,
      9,
      './data/coverwatch.sqlite',
      'America/Los_Angeles',
    ]);
    const blank = loadConfig({ SLACK_BOT_TOKEN: ' ', DISCORD_TOKEN: '' });
    expect([blank.slack, blank.discord]).toEqual([undefined, undefined]);
  });

  const problem = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return undefined;
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message.split('\n').filter((l) => l.startsWith('- '));
    }
  };

  it.each([
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_APP_TOKEN: is set, but Slack also needs SLACK_BOT_TOKEN'],
    [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_SIGNING_SECRET: is set, but Slack also needs SLACK_BOT_TOKEN'],
    [
      { SLACK_CLIENT_SECRET: 's' },
      'SLACK_CLIENT_SECRET: is set, but OAuth installs also need SLACK_CLIENT_ID',
    ],
    [{ SLACK_STATE_SECRET: 's' }, 'SLACK_STATE_SECRET: is set, but OAuth installs also need SLACK_CLIENT_ID'],
    [
      { DISCORD_APPLICATION_ID: '123' },
      'DISCORD_APPLICATION_ID: is set, but Discord also needs DISCORD_TOKEN',
    ],
  ])('%j alone is one line naming what is missing', (env, line) => {
    const lines = problem(env)!;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(line);
  });

  it('complete credentials pass', () => {
    expect(problem({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toBeUndefined();
    expect(problem({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toBeUndefined();
    expect(problem({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123' })).toBeUndefined();
  });
});

describe('the coverwatch command and its environment', () => {
  it('reads .env from the working directory; a real variable wins; partial credentials exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coverwatch-env-'));
    try {
      writeFileSync(join(dir, '.env'), `DATABASE_URL=${join(dir, 'from-dotenv.sqlite')}\nALERT_HOUR=\n`);
      const fromFile = await coverwatch(['migrate'], '', {}, dir);
      expect([fromFile.code, fromFile.stdout]).toEqual([0, expect.stringContaining('from-dotenv.sqlite')]);
      expect(existsSync(join(dir, 'from-dotenv.sqlite'))).toBe(true);
      const real = await coverwatch(['migrate'], '', { DATABASE_URL: join(dir, 'from-env.sqlite') }, dir);
      expect(real.stdout).toContain('from-env.sqlite');
      writeFileSync(join(dir, '.env'), 'SLACK_APP_TOKEN=xapp-only\n');
      const partial = await coverwatch(['start'], '', {}, dir);
      expect(partial.code).toBe(2);
      expect(partial.stderr).toContain('SLACK_APP_TOKEN: is set, but Slack also needs SLACK_BOT_TOKEN');
      expect(partial.stderr).not.toContain('xapp-only');
      expect(partial.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
