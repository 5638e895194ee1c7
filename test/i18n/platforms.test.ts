// 中文 end to end: the seller's story (a month over USD 10,000, Amazon's request, a policy, two
// A-to-z claims) answered in Chinese through the real Bolt (signed HTTP, the member's Slack language
// from users.info) and the real discord.js (gateway, the interaction's locale), the same answers on
// both, within Block Kit's and Discord's limits — also for the longest answers there are. A team's
// chosen language wins over the member's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../adapters/discord/bot.ts';
import { createSlackBot, type SlackBot } from '../../adapters/slack/app.ts';
import { CATALOGUE } from '../../commands/catalogue.ts';
import { rawArgs, resolve, tokenize } from '../../commands/parse.ts';
import { argsOf } from '../../commands/spec.ts';
import type { AppDeps } from '../../src/app/context.ts';
import type { Store } from '../../src/store/db.ts';
import { APP_ID, FakeDiscord, nextId } from '../fakes/discord.ts';
import { FakeSlack, postSigned, postSignedJson, slashCommand } from '../fakes/slack.ts';
import { ask, type Opt } from '../support/discord-driver.ts';
import { memoryLogger } from '../support/logs.ts';
import { freshStore } from '../support/stores.ts';

const STORY = [
  '/insurance account add acme-us US legal:"Acme Goods LLC"',
  '/insurance sales record acme-us 2026年9月 9,100',
  '/insurance sales record acme-us 2026-10 1.248万',
  '/insurance check',
  '/insurance check acme-us as-of:2026年10月15日',
  '/insurance request acme-us 2026-11-02',
  '/insurance policy add acme-us effective:2026-11-01 expires:2027-11-01 per-occurrence:100万 aggregate:50万 deductible:2500 basis:occurrence',
  '/insurance policy list',
  '/insurance sales list acme-us',
  '/claim open acme-us AZ-9 650 2026-11-18',
  '/claim open acme-us AZ-10 4200 2026-11-10 due:2026-11-30',
  '/claim status',
  '/insurance sales record nobody 2026-10 5',
];

const SECRET = 'zh-secret';
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
  slackFake.locales.set('U1', 'zh-CN');
  slackFake.locales.set('U-EN', 'en-US');
  discordFake = await new FakeDiscord().start();
  stores = [await freshStore('sqlite'), await freshStore('sqlite')];
  slack = createSlackBot({
    config: { botToken: 'xoxb-zh', signingSecret: SECRET, apiUrl: slackFake.apiUrl },
    port: 0,
    host: '127.0.0.1',
    deps: deps(stores[0]!),
    log: memoryLogger().log,
  });
  slackUrl = `http://127.0.0.1:${(await slack.start()).port}/slack/events`;
  discord = createDiscordBot({
    config: { token: 'discord-zh', applicationId: APP_ID, apiUrl: discordFake.apiUrl },
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
const CJK = /[\u4e00-\u9fff]/;

async function viaSlack(line: string, team = 'T-ZH', user = 'U1'): Promise<Answer> {
  const [, root, text] = /^\/(\S+)\s*(.*)$/.exec(line)!;
  const res = await postSigned(
    slackUrl,
    SECRET,
    slashCommand(slackFake, `/${root}` as '/insurance', text!, { team_id: team, user_id: user }),
  );
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

async function viaDiscord(line: string, guildId: string, locale = 'zh-CN'): Promise<Answer> {
  const [, root, text] = /^\/(\S+)\s*(.*)$/.exec(line)!;
  const found = resolve(CATALOGUE, root!, tokenize(text!));
  if (found.kind !== 'command') throw new Error(`not a command: ${line}`);
  const args = rawArgs(found.spec, found.rest);
  const leaf: Opt[] = Object.entries(args).map(([name, value]): Opt => {
    const kind = argsOf(found.spec).find((a) => a.name === name)!.kind;
    if (kind === 'integer') return { name, type: 4, value: Number(value!.replace(/^#/, '')) };
    return { name, type: 3, value: value! };
  });
  const answer = await ask(discordFake, root as 'insurance', found.spec.path.slice(1), leaf, {
    guildId,
    locale,
  });
  return {
    title: answer.embeds[0]!.title!,
    fields: answer.embeds.flatMap((e) => (e.fields ?? []).map((f) => `${f.name}: ${f.value}`)),
    rules: answer.embeds
      .filter((e) => e.title === '依据的规则' || (!e.title && e.description?.startsWith('📜')))
      .flatMap((e) => [...(e.description ?? '').matchAll(/📜 \[([A-Z0-9-]+)\]/g)].map((m) => m[1]!)),
  };
}

it('the seller’s story in Chinese: the same answers in Slack and Discord, within their limits', async () => {
  const guild = nextId();
  let fields = 0;
  for (const line of STORY) {
    const [s, d] = [await viaSlack(line), await viaDiscord(line, guild)];
    expect(d, line).toEqual(s);
    expect(s.title, line).toMatch(CJK);
    fields += s.fields.length;
  }
  expect(fields).toBeGreaterThan(30);
  const check = await viaSlack('/insurance check acme-us');
  expect(check.title).toBe('⚠️ 投保检查：acme-us —— 须投保——待投保');
  expect(check.fields).toContain('截止日: 2026年11月30日（还剩 9 天）');
  expect(slackFake.violations).toEqual([]);
  expect(discordFake.violations).toEqual([]);
});

it('the longest answers in Chinese stay within Block Kit’s and Discord’s limits', async () => {
  const guild = nextId();
  const setup = [];
  for (let i = 0; i < 14; i++) {
    const name = `shop-${String(i).padStart(2, '0')}-with-a-rather-long-name`;
    setup.push(`/insurance account add ${name} US legal:"${'长'.repeat(60)} 有限责任公司 ${i}"`);
    setup.push(`/insurance sales record ${name} 2026-09 ${10_001 + i}`);
    setup.push(`/insurance request ${name} 2026-10-0${(i % 9) + 1} ${'亚马逊要求提供保险证明'.repeat(15)}`);
  }
  for (const line of setup) {
    await viaSlack(line, 'T-ZH-LONG');
    await viaDiscord(line, guild);
  }
  const s = await viaSlack('/insurance check', 'T-ZH-LONG');
  const d = await viaDiscord('/insurance check', guild);
  expect(s.title).toBe('🚨 投保检查：14 个账户，其中 14 个须投保');
  expect(d.title).toBe(s.title);
  expect(slackFake.violations).toEqual([]);
  expect(discordFake.violations).toEqual([]);
});

it('a team’s chosen language wins over the member’s; with none, each member reads their own', async () => {
  await viaSlack('/insurance account add mixed-us US', 'T-MIXED');
  expect((await viaSlack('/insurance account list', 'T-MIXED', 'U-EN')).title).toContain('1 seller account');
  expect((await viaSlack('/insurance account list', 'T-MIXED', 'U1')).title).toContain('1 个卖家账户');
  await viaSlack('/insurance settings language:en', 'T-MIXED');
  expect((await viaSlack('/insurance account list', 'T-MIXED', 'U1')).title).toContain('1 seller account');
  const guild = nextId();
  await viaDiscord('/insurance account add mixed-us US', guild);
  expect((await viaDiscord('/insurance account list', guild, 'en-US')).title).toContain('1 seller account');
  await viaDiscord('/insurance settings language:zh-CN', guild, 'en-US');
  expect((await viaDiscord('/insurance account list', guild, 'en-US')).title).toContain('1 个卖家账户');
});

it('App Home and a modal in Chinese, within Slack’s limits', async () => {
  await viaSlack('/insurance account add home-us US', 'T-ZH-HOME');
  await viaSlack('/insurance settings language:zh-CN', 'T-ZH-HOME', 'U1');
  const published = slackFake.callsOf('views.publish').length;
  await postSignedJson(slackUrl, SECRET, {
    token: 'legacy',
    team_id: 'T-ZH-HOME',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: 'EvZhHome',
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_home_opened', user: 'U-EN', channel: 'D1', tab: 'home', event_ts: '1' },
  });
  await slackFake.arrival(() => slackFake.callsOf('views.publish').length > published);
  const home = JSON.stringify(slackFake.callsOf('views.publish').at(-1)!.params.view);
  expect(home).toContain('coverwatch：你的账户和索赔');
  expect(home).toContain('home-us —— 无须投保');
  const opened = slackFake.callsOf('views.open').length;
  await viaSlack('/insurance policy add', 'T-ZH-HOME', 'U1').catch(() => undefined);
  await slackFake.arrival(() => slackFake.callsOf('views.open').length > opened);
  const modal = slackFake.callsOf('views.open').at(-1)!.params.view as { title: { text: string } };
  expect(modal.title.text).toBe('添加保单');
  expect(slackFake.violations).toEqual([]);
});
