// With every token set and the most verbose logging, no secret appears in any log line, reply or
// message: the whole bot (`coverwatch start`) runs against the Slack (Socket Mode) and Discord fakes.
import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { APP_ID, FakeDiscord } from '../fakes/discord.ts';
import { FakeSlack, slashCommand } from '../fakes/slack.ts';
import { BIN } from '../support/cli.ts';
import { ask, str } from '../support/discord-driver.ts';
import { tempSqlitePath } from '../support/stores.ts';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-secret-bot-token-1111',
  SLACK_SIGNING_SECRET: 'secret-signing-2222',
  SLACK_APP_TOKEN: 'xapp-secret-app-token-3333',
  DISCORD_TOKEN: 'discord-secret-token-4444',
};
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

it('no secret in any log line, reply or outgoing message', async () => {
  const slack = await new FakeSlack().start();
  const discord = await new FakeDiscord().start();
  cleanup.push(
    () => slack.stop(),
    () => discord.stop(),
  );
  slack.admins.add('U1');
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: tempSqlitePath(),
      LOG_LEVEL: 'trace',
      ...SECRETS,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.apiUrl,
      PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanup.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  await expect
    .poll(() => output.includes('discord adapter ready') && Boolean(slack.socket), { timeout: 20_000 })
    .toBe(true);

  const send = (id: string, text: string) =>
    slack.socket!.send(
      JSON.stringify({
        type: 'slash_commands',
        envelope_id: id,
        payload: slashCommand(slack, '/insurance', text),
        accepts_response_payload: true,
      }),
    );
  send('s1', 'account add acme-us US');
  send('s2', 'sales record acme-us 2026-10 twelve');
  slack.script(
    'chat.postMessage',
    { status: 500, body: { ok: false, error: 'internal_error' } },
    { status: 500, body: { ok: false, error: 'internal_error' } },
    { status: 500, body: { ok: false, error: 'internal_error' } },
    { status: 500, body: { ok: false, error: 'internal_error' } },
  );
  send('s3', 'alerts here');
  await expect
    .poll(() => ['s1', 's2', 's3'].every((id) => slack.socketMessages.some((m) => m.envelope_id === id)), {
      timeout: 15_000,
    })
    .toBe(true);
  // The bot runs in another process: an answer is complete when its edit has arrived.
  const edited = (m: { kind: string }[]) => m.some((x) => x.kind === 'edit' || x.kind === 'followup');
  const added = await ask(discord, 'insurance', ['account', 'add'], [str('name', 'acme-us')], {}, edited);
  expect(added.text).toContain('Added acme-us');
  await ask(
    discord,
    'insurance',
    ['sales', 'record'],
    [str('account', 'nobody'), str('month', '2026-10'), str('amount', '5')],
    {},
    edited,
  );

  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  const everything = [
    output,
    JSON.stringify(slack.socketMessages),
    // What the bot said to Slack; a `token` field is authorisation, where the token belongs.
    JSON.stringify(slack.calls.map(({ params: { token: _auth, ...said } }) => said)),
    JSON.stringify(slack.responses),
    JSON.stringify(discord.requests.map((r) => r.body)),
  ].join('\n');
  expect(output.split('\n').filter(Boolean).length).toBeGreaterThan(10);
  for (const [name, value] of Object.entries(SECRETS)) {
    const at = everything.indexOf(value);
    expect(at, `${name} found in: ${everything.slice(Math.max(0, at - 300), at + 50)}`).toBe(-1);
  }
  // The tokens did reach the platforms, where they belong: only in authorisation.
  expect(slack.calls.some((c) => c.token === SECRETS.SLACK_BOT_TOKEN)).toBe(true);
  expect(discord.requests.some((r) => r.authorization === `Bot ${SECRETS.DISCORD_TOKEN}`)).toBe(true);
});
