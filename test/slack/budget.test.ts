// The acknowledgement budget covers the whole command, finding the team included: with the
// database stalled, Slack gets "Working on it…" in time, and the real answer follows through
// response_url once the database answers — never a timeout while the write still lands.
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackBot, type SlackBot } from '../../adapters/slack/app.ts';
import type { Store } from '../../src/store/db.ts';
import { FakeSlack, postSigned, slashCommand } from '../fakes/slack.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

const SECRET = 'budget-signing-secret';
let fake: FakeSlack;
let store: Store;
let bot: SlackBot;
let url: string;
let open: () => void = () => undefined;
let gate: Promise<void> = Promise.resolve();

/** Every query's result waits for the gate: a database that has stopped answering. */
const stall: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    await gate;
    return args.result;
  },
};

beforeAll(async () => {
  fake = await new FakeSlack().start();
  fake.admins.add('U1');
  store = await freshStore('sqlite');
  bot = createSlackBot({
    config: { botToken: 'xoxb-budget', signingSecret: SECRET, apiUrl: fake.apiUrl },
    port: 0,
    host: '127.0.0.1',
    deps: {
      store: { ...store, db: store.db.withPlugin(stall) },
      now: () => new Date('2026-11-21T17:00:00Z'),
      defaults: { timeZone: 'UTC', alertHour: 9 },
    },
    log: memoryLogger([SECRET]).log,
    ackBudgetMs: 200,
  });
  url = `http://127.0.0.1:${(await bot.start()).port}/slack/events`;
});

afterAll(async () => {
  open();
  await bot?.stop();
  await store?.close();
  await fake?.stop();
});

it('a new team’s first command with the database stalled: "Working on it…" in time, then the answer', async () => {
  gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const fields = slashCommand(fake, '/insurance', 'account add stall-us US', { team_id: 'T-STALL' });
  const id = fields.response_url!.split('/').pop()!;
  // The acknowledgement arrives while the database is still stalled (the gate is closed).
  const ack = await postSigned(url, SECRET, fields);
  expect(ack.status).toBe(200);
  expect(ack.json).toEqual({ response_type: 'ephemeral', text: 'Working on it…' });
  open();
  await fake.arrival(() => fake.responses.some((r) => r.id === id));
  const answer = JSON.stringify(fake.responses.find((r) => r.id === id)!.body);
  expect(answer).toContain('Added stall-us');
  const rows = await store.db.selectFrom('accounts').select('name').execute();
  expect(rows).toEqual([{ name: 'stall-us' }]);
});
