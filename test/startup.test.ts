// Start-up failures an operator meets, through the real executable: each ends with exit code 1
// and one line naming what to fix; the stack goes to the JSON log, never raw to the terminal.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.ts';
import { FakeDiscord } from './fakes/discord.ts';
import { FakeSlack } from './fakes/slack.ts';
import { coverwatch } from './support/cli.ts';
import { tempSqlitePath } from './support/stores.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

/** Every line on stderr is either the one-line reason or a JSON log line; the stack is in the log. */
function expectOneLine(stderr: string, reason: string) {
  const lines = stderr.trim().split('\n');
  const human = lines.filter((l) => !l.startsWith('{'));
  expect(human).toEqual([`coverwatch: cannot start: ${reason}`]);
  const logged = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  const failure = logged.find((l) => l.msg === 'cannot start') as {
    err?: { stack?: string };
    problem?: string;
  };
  expect(failure?.problem).toBe(reason);
  expect(failure?.err?.stack).toMatch(/\n\s+at /);
}

describe('start-up failures', () => {
  it('a DATABASE_URL file that is not a SQLite database', async () => {
    const path = join(tempSqlitePath(), '..', 'notes.txt');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
    const r = await coverwatch(['shell'], '', { DATABASE_URL: path });
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, `DATABASE_URL: ${path} is not a SQLite database (is it another kind of file?)`);
  });

  it('a database migrated by a newer coverwatch is left untouched', async () => {
    const path = tempSqlitePath();
    await (await openStore(path)).close();
    const db = new SQLite(path);
    db.prepare("insert into kysely_migration (name, timestamp) values ('9999_from_the_future', 'x')").run();
    const tables = db.prepare("select count(*) as n from sqlite_master where type = 'table'").get();
    db.close();
    const r = await coverwatch(['shell'], '', { DATABASE_URL: path });
    expect(r.code).toBe(1);
    expectOneLine(
      r.stderr,
      `${path} was migrated by a newer coverwatch (migrations 9999_from_the_future are not in this version): upgrade coverwatch, or point DATABASE_URL at another database`,
    );
    const after = new SQLite(path, { readonly: true });
    expect(after.prepare("select count(*) as n from sqlite_master where type = 'table'").get()).toEqual(
      tables,
    );
    after.close();
  });

  it('an unreachable PostgreSQL, without printing its password', async () => {
    const r = await coverwatch(['shell'], '', {
      DATABASE_URL: 'postgres://bot:hunter2-secret@127.0.0.1:1/coverwatch',
    });
    expect(r.code).toBe(1);
    expectOneLine(
      r.stderr,
      'DATABASE_URL: cannot reach postgres://bot@127.0.0.1:1/coverwatch (ECONNREFUSED)',
    );
    expect(r.stderr).not.toContain('hunter2');
  });

  it('a Slack bot token Slack refuses (HTTP mode)', async () => {
    const fake = await new FakeSlack().start();
    cleanup.push(() => fake.stop());
    fake.script('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const r = await coverwatch(['start'], '', {
      DATABASE_URL: tempSqlitePath(),
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_SIGNING_SECRET: 'signing-secret',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
    });
    expect(r.code).toBe(1);
    expectOneLine(
      r.stderr,
      "Slack refused the app's credentials: invalid_auth (check SLACK_BOT_TOKEN and SLACK_APP_TOKEN)",
    );
    expect(r.stderr).not.toContain('adapter ready');
  });

  it('a Slack app-level token Slack refuses (Socket Mode)', async () => {
    const fake = await new FakeSlack().start();
    cleanup.push(() => fake.stop());
    fake.script('apps.connections.open', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const r = await coverwatch(['start'], '', {
      DATABASE_URL: tempSqlitePath(),
      SLACK_BOT_TOKEN: 'xoxb-fine',
      SLACK_APP_TOKEN: 'xapp-revoked',
      SLACK_API_URL: fake.apiUrl,
    });
    expect(r.code).toBe(1);
    expectOneLine(
      r.stderr,
      "Slack refused the app's credentials: invalid_auth (check SLACK_BOT_TOKEN and SLACK_APP_TOKEN)",
    );
  });

  it('a Discord token Discord refuses', async () => {
    const fake = await new FakeDiscord().start();
    cleanup.push(() => fake.stop());
    fake.script((r) => r.path === '/gateway/bot', {
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    });
    const r = await coverwatch(['start'], '', {
      DATABASE_URL: tempSqlitePath(),
      DISCORD_TOKEN: 'not-a-real-token',
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(r.code).toBe(1);
    expectOneLine(
      r.stderr,
      'Discord refused DISCORD_TOKEN: the token is invalid (reset it in the Developer Portal, Bot tab)',
    );
    expect(r.stderr).not.toContain('not-a-real-token');
  });
});
