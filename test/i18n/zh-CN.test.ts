// 简体中文: the catalogue has every message of the English one with the same placeholders, and no
// answer a zh-CN team reads — every command's example, every alert kind — carries an English
// sentence (ids, codes, names, commands to type and quoted sources excepted). Amounts and dates as
// Chinese sellers type them are read.
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationCommands } from '../../adapters/discord/commands-json.ts';
import { canonicalCommand } from '../../adapters/discord/register.ts';
import { CATALOGUE } from '../../commands/catalogue.ts';
import { example } from '../../commands/spec.ts';
import { decodeAlert, encodeAlert } from '../../src/alerts/payload.ts';
import { ALERT_KINDS, planAlerts } from '../../src/alerts/planner.ts';
import { alertReply } from '../../src/alerts/render.ts';
import { wordsFor } from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/messages/en.ts';
import { zhCN } from '../../src/i18n/messages/zh-CN.ts';
import { alignTable, replyText } from '../../src/reply.ts';
import { addDays } from '../../src/rules/calendar.ts';
import type { Store } from '../../src/store/db.ts';
import { accountState, withClaim, withPolicy, withRequest, withSales } from '../alerts/fixtures.ts';
import { type Harness, harness } from '../support/harness.ts';
import { freshStore } from '../support/stores.ts';

/** Every placeholder of a message, and every select's options, as a comparable list. */
function shape(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date) into.add(el.value);
    if (el.type === TYPE.plural) into.add(`${el.value}:plural`);
    if (el.type === TYPE.select) {
      into.add(el.value);
      for (const key of Object.keys(el.options)) into.add(`${el.value}=${key}`);
    }
    if (el.type === TYPE.select || el.type === TYPE.plural)
      for (const option of Object.values(el.options)) shape(option.value, into);
  }
  return into;
}

/**
 * English left in a Chinese answer: four or more English words in a row, once what may stay
 * English is taken out — commands to type (/insurance …), quoted text (names, Amazon's wording,
 * a member's note), the sources a rule cites (their original titles), URLs and codes.
 */
function englishIn(text: string): string[] {
  const stripped = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/“[^”]*”|"[^"]*"|‘[^’]*’|`[^`]*`/g, ' ')
    .replace(/来源：[^（\n]*/g, ' ')
    .replace(/\/(insurance|claim)\b[^\n，。；）(（]*/g, ' ');
  // A sentence has small words ("the", "with"); a run of names and codes ("acme-us US Acme LLC",
  // "Hartford Fire Insurance Co.") has none.
  return [...stripped.matchAll(/[A-Za-z][A-Za-z'’.-]*(?:[ ,&/]+[A-Za-z][A-Za-z'’.-]*){3,}/g)]
    .map((m) => m[0])
    .filter((run) => run.split(/[ ,&/]+/).filter((word) => /^[a-z]{2,}$/.test(word)).length >= 2);
}

describe('the zh-CN catalogue', () => {
  it('has every message of the English one, with the same placeholders and select options', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    const different: string[] = [];
    for (const id of Object.keys(en) as (keyof typeof en)[]) {
      const a = [...shape(parse(en[id], { ignoreTag: true }))].sort();
      const b = [...shape(parse(zhCN[id], { ignoreTag: true }))].sort();
      if (JSON.stringify(a) !== JSON.stringify(b)) different.push(`${id}: ${a} ≠ ${b}`);
    }
    expect(different).toEqual([]);
  });

  it('dates, months and money follow the locale', () => {
    const w = wordsFor('zh-CN');
    expect(w.date('2026-11-15')).toBe('2026年11月15日');
    expect(w.month('2026-11')).toBe('2026年11月');
    expect(w.money({ minor: 1_000_000, currency: 'USD' } as never, { short: true })).toBe('10,000美元');
  });
});

describe('Discord shows the commands in Chinese', () => {
  type Named = {
    name: string;
    name_localizations?: Record<string, string>;
    description_localizations?: Record<string, string>;
    options?: Named[];
  };
  const NAME = /^[-_'\p{L}\p{N}]{1,32}$/u;
  it('every command and option has a zh-CN name (unique among its siblings) and description', () => {
    const problems: string[] = [];
    const walk = (list: readonly Named[], path: string) => {
      const zhNames = list.map((o) => o.name_localizations?.['zh-CN'] ?? '');
      if (new Set(zhNames).size !== zhNames.length) problems.push(`${path}: zh-CN names repeat`);
      for (const o of list) {
        const zhName = o.name_localizations?.['zh-CN'];
        const zhDescription = o.description_localizations?.['zh-CN'];
        if (!zhName || !NAME.test(zhName)) problems.push(`${path} ${o.name}: name ${zhName}`);
        if (!zhDescription || zhDescription.length > 100 || !/[\u4e00-\u9fff]/.test(zhDescription))
          problems.push(`${path} ${o.name}: description ${zhDescription}`);
        walk(o.options ?? [], `${path} ${o.name}`);
      }
    };
    walk(applicationCommands() as unknown as Named[], '');
    expect(problems).toEqual([]);
  });

  it('registration sees a changed translation as a change', () => {
    const [insurance] = applicationCommands() as unknown as Named[];
    const changed = {
      ...insurance!,
      description_localizations: { 'zh-CN': '另一个说明' },
    };
    expect(JSON.stringify(canonicalCommand(changed as never))).not.toBe(
      JSON.stringify(canonicalCommand(insurance as never)),
    );
  });
});

let store: Store;
let h: Harness;
beforeAll(async () => {
  store = await freshStore('sqlite');
  h = harness(store);
});
afterAll(() => store?.close());

/** A zh-CN team with the records every command's example needs. */
async function chineseTeam(tenant: string) {
  const ctx = await h.context({ tenant, platform: 'slack', channel: 'C-ZH' });
  await h.run(ctx, '/insurance settings language:zh-CN');
  const zh = await h.context({ tenant, platform: 'slack', channel: 'C-ZH' });
  await h.run(zh, '/insurance account add acme-us US legal:"Acme LLC"');
  await h.run(zh, '/insurance sales record acme-us 2026-10 1,000');
  await h.run(zh, '/insurance request acme-us 2026-11-01 note');
  for (let i = 0; i < 3; i++)
    await h.run(
      zh,
      '/insurance policy add acme-us effective:2026-01-01 expires:2027-01-01 insured:"Acme LLC"',
    );
  await h.run(zh, '/claim open acme-us AZ-123456 650 2026-11-18');
  await h.run(zh, '/insurance alerts here');
  await h.run(zh, '/insurance access grant <@maria>');
  return zh;
}

describe('a zh-CN team reads Chinese', () => {
  it('the language setting is shown and changed by a manager only', async () => {
    const admin = await h.context({ tenant: 'T-zh-setting' });
    const changed = await h.run(admin, '/insurance settings language:zh-CN');
    expect(changed.title).toBe('语言已更改');
    expect(changed.text).toContain('简体中文 (zh-CN)，对所有成员生效');
    expect((await h.run(admin, '/insurance settings')).title).toBe('本团队的设置');
    const member = await h.context({ tenant: 'T-zh-setting', actor: 'U-member', manager: false });
    const refused = await h.run(member, '/insurance settings language:en');
    expect(refused.title).toBe('你没有权限执行此操作');
    expect(refused.text).toContain(
      '只有工作区管理员和所有者，或通过 /insurance access grant 授权的成员才能执行此操作。',
    );
    expect((await h.run(admin, '/insurance settings language:default')).title).toBe('Language changed');
  });

  it('a language is read by its name or code as people type it', async () => {
    const admin = await h.context({ tenant: 'T-zh-names' });
    for (const name of ['zh', '中文', 'Chinese', '简体中文', 'zh-Hans', 'zh_CN']) {
      const changed = await h.run(admin, `/insurance settings language:${name}`);
      expect(changed.text, name).toContain('简体中文 (zh-CN)');
      await h.run(admin, '/insurance settings language:default');
    }
    for (const name of ['English', '英文', 'en-US']) {
      await h.run(admin, '/insurance settings language:zh-CN');
      expect((await h.run(admin, `/insurance settings language:${name}`)).text, name).toContain(
        'English (en), for every member',
      );
    }
    const unknown = await h.run(admin, '/insurance settings language:klingon');
    expect(unknown.tone).toBe('danger');
    expect(unknown.text).toContain('is not one of en, zh-CN, default (got "klingon")');
  });

  it('tables and the sales history line up in a monospace font, two columns to a Chinese character', async () => {
    const ctx = await chineseTeam('T-zh-columns');
    await h.run(ctx, '/insurance sales record acme-us 2026-09 12000');
    const history = await h.run(ctx, '/insurance sales history acme-us');
    const lines = history.preformatted!.split('\n');
    // Where each bar starts, counted in columns: the same on every line (2026年9月 and 2026年10月).
    const barAt = lines.map((l) => stringWidth(l.slice(0, l.search(/[█·|]/))));
    expect(lines.length).toBe(12);
    expect(new Set(barAt)).toEqual(new Set([barAt[0]]));
    // Each cell padded to its column's width in columns, not in characters.
    expect(
      alignTable({
        columns: ['#', '账户', '结论'],
        rows: [
          ['1', 'shop-a', '未核实'],
          ['12', '店铺', 'ok'],
        ],
      }),
    ).toEqual(['#   账户    结论', '1   shop-a  未核实', '12  店铺    ok']);
  });

  for (const spec of CATALOGUE) {
    const name = spec.path.join(' ');
    it(`/${name}: no English sentence`, async () => {
      const ctx = await chineseTeam(`T-zh-${spec.path.join('-')}`);
      // The settings' example switches the language to English; here it only shows the settings.
      const line = name === 'insurance settings' ? '/insurance settings' : example(spec, wordsFor('zh-CN'));
      const reply = await h.run(ctx, line);
      expect(reply.text).not.toMatch(/Something went wrong/);
      // The broker's email is written for a US broker, in English; the answer around it is Chinese.
      const text =
        name === 'insurance policy broker-email'
          ? replyText({ ...reply, preformatted: undefined })
          : reply.text;
      expect(englishIn(text), `${line}\n${text}`).toEqual([]);
      expect(text).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('the English detector finds English: the same answer for an English team is flagged', async () => {
    const ctx = await h.context({ tenant: 'T-en-control' });
    await h.run(ctx, '/insurance account add acme-us US');
    await h.run(ctx, '/insurance sales record acme-us 2026-10 12000');
    expect(englishIn((await h.run(ctx, '/insurance check')).text).length).toBeGreaterThan(0);
  });

  it('amounts with 万 and full-width digits, and dates written the Chinese way, are read', async () => {
    const ctx = await chineseTeam('T-zh-input');
    const r = await h.run(ctx, '/insurance sales record acme-us 2026年10月 1.2万');
    expect(r.title).toBe('已记录 acme-us 在 2026年10月 的销售额 12,000.00美元（原为 1,000.00美元）');
    const wide = await h.run(ctx, '/insurance sales record acme-us ２０２６年１０月 １２，４８０．５０');
    expect(wide.title).toContain('12,480.50美元');
    const req = await h.run(ctx, '/insurance request acme-us 2026年11月3日');
    expect(req.title).toBe('已记录亚马逊于 2026年11月3日 向 acme-us 提出的要求');
  });

  it('a month-to-date figure says which day it runs through', async () => {
    const ctx = await chineseTeam('T-zh-through');
    await h.run(ctx, '/insurance sales record acme-us 2026年11月12日 7000');
    const check = await h.run(ctx, '/insurance check acme-us');
    expect(check.text).toContain(
      '2026年11月 销售额\n截至 2026年11月12日 7,000.00美元——门槛 10,000美元 的 70%',
    );
    expect(englishIn(check.text)).toEqual([]);
  });
});

describe('every alert kind in Chinese', () => {
  it('has no English sentence', () => {
    const a = accountState('acme-us', { owner: 'U7' });
    withSales(a, '2026-03', '10,500', '2026-03-20');
    withPolicy(a, '2026-04-25', '2026-10-25');
    const b = accountState('beta-us');
    withSales(b, '2026-05', '9,000', '2026-05-20');
    const c = accountState('gamma-us');
    withRequest(c, '2026-06-01');
    withPolicy(c, '2026-06-10', '2027-06-10', { uploadedOn: undefined });
    const e = accountState('echo-us');
    withRequest(e, '2026-08-01');
    withPolicy(e, '2026-08-05', '2027-08-05', { basis: 'claims-made' });
    const d = accountState('delta-us');
    withSales(d, '2026-02', '15,000', '2026-02-10');
    withPolicy(d, '2026-02-20', '2027-02-20', { uploadedOn: undefined, perOccurrence: undefined });
    withClaim(d, 'AZ-1', '2500', '2026-07-01', { responseDueOn: '2026-07-20' });
    const w = wordsFor('zh-CN');
    const seen = new Set<string>();
    for (let day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      const { alerts } = planAlerts({ accounts: [a, b, c, d, e] }, new Date(`${day}T18:00:00Z`));
      for (const alert of alerts) {
        if (seen.has(alert.kind)) continue;
        seen.add(alert.kind);
        const text = replyText(alertReply(decodeAlert(encodeAlert(alert), alert.key), (id) => `<@${id}>`, w));
        expect(englishIn(text), `${alert.kind}\n${text}`).toEqual([]);
      }
    }
    // The Amazon connection alert is stored by the sync, not planned: its words are checked here.
    const disconnected = `${w.t('alert.amazon-disconnected.title', { account: 'acme-us' })} ${w.t('alert.amazon-disconnected.next', { account: 'acme-us' })}`;
    expect(englishIn(disconnected)).toEqual([]);
    seen.add('amazon-disconnected');
    expect([...seen].sort()).toEqual([...ALERT_KINDS].sort());
  });
});
