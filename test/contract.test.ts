// Slack and Discord give the same answers for the same data: one script of commands runs through
// the real Bolt (HTTP, signed) and the real discord.js (gateway), each on its own database, and the
// rendered answers are compared: same title, same fields, same rule citations.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../adapters/discord/bot.ts';
import { createSlackBot, type SlackBot } from '../adapters/slack/app.ts';
import { CATALOGUE } from '../commands/catalogue.ts';
import { rawArgs, resolve, tokenize } from '../commands/parse.ts';
import { argsOf } from '../commands/spec.ts';
import type { AppDeps } from '../src/app/context.ts';
import type { Store } from '../src/store/db.ts';
import { APP_ID, FakeDiscord } from './fakes/discord.ts';
import { FakeSlack, postSigned, slashCommand } from './fakes/slack.ts';
import { ask, type Opt } from './support/discord-driver.ts';
import { memoryLogger } from './support/logs.ts';
import { freshStore } from './support/stores.ts';

const SCRIPT = [
  '/insurance account add acme-us US legal:"Acme Goods LLC"',
  '/insurance sales record acme-us 2026-09 9,100',
  '/insurance sales record acme-us 2026-10 12,480.50',
  '/insurance check',
  '/insurance check acme-us as-of:2026-10-15',
  '/insurance request acme-us 2026-11-02',
  '/insurance policy add acme-us effective:2026-11-01 expires:2027-11-01 per-occurrence:1m aggregate:500k deductible:2500 basis:occurrence',
  '/insurance policy list',
  '/insurance sales list acme-us',
  '/claim open acme-us AZ-9 650 2026-11-18',
  '/claim open acme-us AZ-10 4200 2026-11-10 due:2026-11-30',
  '/claim status',
  '/insurance sales record nobody 2026-10 5',
];

const SECRET = 'contract-secret';
let slackFake: FakeSlack;
let discordFake: FakeDiscord;
let stores: Store[] = [];
let slack: SlackBot;
let discord: DiscordBot;
let slackUrl: string;

const deps = (store: Store): AppDeps => ({
  store,
  now: () => new Date('2026-11-21T17:00:00Z'),
  defaults: { timeZone: 'America/Los_Angeles', alertHour: 9 },
});

beforeAll(async () => {
  slackFake = await new FakeSlack().start();
  slackFake.admins.add('U1');
  discordFake = await new FakeDiscord().start();
  stores = [await freshStore('sqlite'), await freshStore('sqlite')];
  slack = createSlackBot({
    config: { botToken: 'xoxb-c', signingSecret: SECRET, apiUrl: slackFake.apiUrl },
    port: 0,
    host: '127.0.0.1',
    deps: deps(stores[0]!),
    log: memoryLogger().log,
  });
  slackUrl = `http://127.0.0.1:${(await slack.start()).port}/slack/events`;
  discord = createDiscordBot({
    config: { token: 'discord-c', applicationId: APP_ID, apiUrl: discordFake.apiUrl },
    deps: deps(stores[1]!),
    log: memoryLogger().log,
    onSettled: discordFake.settle,
  });
  await discord.start();
});

afterAll(async () => {
  await slack?.stop();
  await discord?.stop();
  for (const s of stores) await s.close();
  await slackFake?.stop();
  await discordFake?.stop();
});

type Answer = { title: string; fields: string[]; rules: string[] };

async function viaSlack(line: string): Promise<Answer> {
  const [, root, text] = /^\/(\S+)\s*(.*)$/.exec(line)!;
  const res = await postSigned(slackUrl, SECRET, slashCommand(slackFake, `/${root}` as '/insurance', text!));
  const blocks = (
    res.json as {
      blocks: {
        type: string;
        text?: { text: string };
        fields?: { text: string }[];
        elements?: { text: string }[];
      }[];
    }
  ).blocks;
  const plain = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return {
    title: blocks[0]!.text!.text,
    fields: blocks.flatMap((b) =>
      (b.fields ?? []).map((f) => plain(f.text.replace(/^\*(.*?)\*\n/s, '$1: '))),
    ),
    rules: blocks
      .filter((b) => b.type === 'context')
      .flatMap((b) => (b.elements ?? []).map((e) => /\[([A-Z0-9-]+)\]/.exec(e.text)?.[1] ?? '')),
  };
}

async function viaDiscord(line: string): Promise<Answer> {
  const [, root, text] = /^\/(\S+)\s*(.*)$/.exec(line)!;
  const found = resolve(CATALOGUE, root!, tokenize(text!));
  if (found.kind !== 'command') throw new Error(`not a command: ${line}`);
  const args = rawArgs(found.spec, found.rest);
  // What a Discord user picks in the command's option fields: the same values, as Discord types them.
  const leaf: Opt[] = Object.entries(args).map(([name, value]): Opt => {
    const kind = argsOf(found.spec).find((a) => a.name === name)!.kind;
    if (kind === 'integer') return { name, type: 4, value: Number(value!.replace(/^#/, '')) };
    if (kind === 'yesno') return { name, type: 5, value: /^(y|yes|true)$/i.test(value!) };
    return { name, type: 3, value: value! };
  });
  const answer = await ask(discordFake, root as 'insurance', found.spec.path.slice(1), leaf);
  return {
    title: answer.embeds[0]!.title!,
    fields: answer.embeds.flatMap((e) => (e.fields ?? []).map((f) => `${f.name}: ${f.value}`)),
    rules: answer.embeds
      .filter((e) => e.title === 'Rules' || (!e.title && e.description?.startsWith('📜')))
      .flatMap((e) => [...(e.description ?? '').matchAll(/📜 \[([A-Z0-9-]+)\]/g)].map((m) => m[1]!)),
  };
}

it('the same script gives the same answers on Slack and Discord', async () => {
  let fields = 0;
  let rules = 0;
  for (const line of SCRIPT) {
    const [s, d] = [await viaSlack(line), await viaDiscord(line)];
    expect(d, line).toEqual(s);
    fields += s.fields.length;
    rules += s.rules.length;
  }
  // The comparison covered real content, not empty answers.
  expect(fields).toBeGreaterThan(30);
  expect(rules).toBeGreaterThan(5);
});
