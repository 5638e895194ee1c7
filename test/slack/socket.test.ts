// Socket Mode: the real Bolt connects to a local WebSocket fake (apps.connections.open -> ws://),
// receives a slash command envelope, and acknowledges it with the reply as the envelope payload.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackBot, type SlackBot } from '../../adapters/slack/app.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeSlack, slashCommand } from '../fakes/slack.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

let fake: FakeSlack;
let store: Store;
let bot: SlackBot;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  fake.admins.add('U1');
  store = await freshStore('sqlite');
  bot = createSlackBot({
    config: { botToken: 'xoxb-socket', appToken: 'xapp-socket-token', apiUrl: fake.apiUrl },
    port: 0,
    deps: {
      store,
      now: () => new Date('2026-11-21T17:00:00Z'),
      defaults: { timeZone: 'America/Los_Angeles', alertHour: 9 },
    },
    log: memoryLogger().log,
  });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await store?.close();
  await fake?.stop();
});

it('answers a slash command received over Socket Mode', async () => {
  expect(fake.callsOf('apps.connections.open')[0]?.token).toBe('xapp-socket-token');
  await expect.poll(() => fake.socket).toBeDefined();
  const send = (id: string, text: string) =>
    fake.socket!.send(
      JSON.stringify({
        type: 'slash_commands',
        envelope_id: id,
        payload: slashCommand(fake, '/insurance', text),
        accepts_response_payload: true,
      }),
    );
  send('e1', 'account add sock-us US');
  await expect
    .poll(() => fake.socketMessages.find((m) => m.envelope_id === 'e1'), { timeout: 5000 })
    .toBeDefined();
  const ack = fake.socketMessages.find((m) => m.envelope_id === 'e1') as {
    payload: { response_type: string; blocks: { text: { text: string } }[] };
  };
  expect(ack.payload.response_type).toBe('in_channel');
  expect(ack.payload.blocks[0]!.text.text).toBe('✅ Added sock-us (Amazon.com (United States))');
  send('e2', 'check sock-us');
  await expect
    .poll(() => fake.socketMessages.find((m) => m.envelope_id === 'e2'), { timeout: 5000 })
    .toBeDefined();
  const check = fake.socketMessages.find((m) => m.envelope_id === 'e2') as {
    payload: { blocks: { text: { text: string } }[] };
  };
  expect(check.payload.blocks[0]!.text.text).toBe('✅ Insurance check: sock-us — Not required');
  expect(fake.violations).toEqual([]);
});
