// Every sentence a user reads is rendered here, from the message catalogue of the team's locale
// (ICU MessageFormat through intl-messageformat, each message compiled once per locale). Money, dates and months are formatted with Intl for
// the locale; code passes values, never words.

import { LRUCache } from 'lru-cache';
import { type CalendarDate, isCalendarDate, isMonth, type Month } from '../rules/calendar.ts';
import type { Finding, LimitField } from '../rules/findings.ts';
import type { Money } from '../rules/money.ts';
import { EXPONENT } from '../rules/money.ts';
import type { Rule, Topic } from '../rules/table.ts';
import { type Compiled, compile, formattersFor, render } from './compile.ts';
import { LOCALES, type Locale } from './locales.ts';
import { en, type MessageId } from './messages/en.ts';
import { zhCN } from './messages/zh-CN.ts';

export { LOCALES, type Locale } from './locales.ts';
export type { MessageId };

const CATALOGUES: Record<Locale, Record<MessageId, string>> = { en, 'zh-CN': zhCN };

/** A platform's locale ("zh-CN", "en-US", Slack's or Discord's) -> one of ours, when we speak it. */
export function localeOf(platformLocale: string | undefined): Locale | undefined {
  if (!platformLocale) return undefined;
  return (LOCALES as readonly string[]).find(
    (l) => l === platformLocale || platformLocale.startsWith(`${l}-`),
  ) as Locale | undefined;
}

export interface Citation {
  readonly id: string;
  readonly text: string;
}

type Value = string | number | Money | readonly (string | number | Money)[] | undefined;
export type Values = Readonly<Record<string, Value>>;

export interface Words {
  readonly locale: Locale;
  t(id: MessageId, values?: Values): string;
  money(m: Money, opts?: { short?: boolean }): string;
  date(d: CalendarDate): string;
  month(m: Month): string;
  /** "a, b, and c"; with 'or', "a, b, or c". */
  list(items: readonly string[], type?: 'and' | 'or'): string;
  /** A finding's words; `context` fills what the rules cannot know (the claim's Amazon id). */
  finding(f: Finding, context?: Values): string;
  citation(rule: Rule): Citation;
  citations(rules: readonly Rule[]): Citation[];
}

const isMoney = (v: unknown): v is Money =>
  typeof v === 'object' && v !== null && 'minor' in v && 'currency' in v;

/** Keys holding limits and thresholds: whole amounts without cents ("USD 10,000"); others keep them. */
const SHORT_MONEY = new Set(['limit', 'minimum', 'maximum', 'max', 'value']);

/** Keys whose values name rule topics: rendered through the topic's label. */
const TOPIC_KEYS = new Set(['topics', 'missing']);

function makeWords(locale: Locale, rememberMessages: boolean): Words {
  // Compiled on first use and kept.
  const compiled = new Map<MessageId, Compiled>();
  const formatters = formattersFor(locale);
  const message = (id: MessageId): Compiled => {
    let m = compiled.get(id);
    if (!m) {
      const text = CATALOGUES[locale][id];
      if (text === undefined) throw new Error(`no message "${id}" in the ${locale} catalogue`);
      m = compile(text, locale, formatters);
      compiled.set(id, m);
    }
    return m;
  };
  // English answers show ISO dates (2026-11-15, what the commands take); Chinese ones the way
  // Chinese sellers write them (2026年11月15日), which the commands take too.
  const dateFormat = new Intl.DateTimeFormat(locale === 'en' ? 'en-CA' : locale, {
    timeZone: 'UTC',
    year: 'numeric',
    ...(locale === 'en' ? { month: '2-digit', day: '2-digit' } : { month: 'long', day: 'numeric' }),
  });
  const monthFormat = new Intl.DateTimeFormat(locale === 'en' ? 'en-CA' : locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: locale === 'en' ? '2-digit' : 'long',
  });
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const orFormat = new Intl.ListFormat(locale, { style: 'long', type: 'disjunction' });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  // Recently formatted words, least recently used forgotten first: a long-running bot keeps today's
  // dates and answers, not whatever it formatted first.
  const cache = new LRUCache<string, string>({ max: 5000 });

  const words: Words = {
    locale,
    t: (id, values) => {
      // The same words come back request after request (a status, a date, an account's name): a
      // message whose values are all strings, numbers or money is formatted once, like a date.
      const key = !values ? id : rememberMessages ? plainKey(id, values) : undefined;
      const text = () => {
        const m = message(id);
        return render(m, values ? format(values, m.selectors) : undefined);
      };
      return key === undefined ? text() : memo(`t|${key}`, text);
    },
    money: (m, opts = {}) => memo(`$|${m.currency}|${m.minor}|${opts.short === true}`, () => money(m, opts)),
    date: (d) => memo(`d|${d}`, () => dateFormat.format(utc(d))),
    month: (m) => memo(`m|${m}`, () => monthFormat.format(utc(`${m}-01`))),
    list: (items, type = 'and') => (type === 'or' ? orFormat : listFormat).format(items),
    finding: (f, context) =>
      words.t(`finding.${f.code}`, context ? { ...context, ...(f.values as Values) } : (f.values as Values)),
    citation(rule) {
      return { id: rule.id, text: memo(`c|${rule.id}`, () => citationText(words, rule)) };
    },
    citations: (rules) => rules.map((r) => words.citation(r)),
  };

  function money(m: Money, opts: { short?: boolean }): string {
    const exponent = EXPONENT[m.currency];
    const abs = String(Math.abs(m.minor)).padStart(exponent + 1, '0');
    const major = abs.slice(0, abs.length - exponent);
    const minor = exponent ? abs.slice(abs.length - exponent) : '';
    const whole = !minor || /^0+$/.test(minor);
    const key = `${m.currency}|${opts.short && whole ? 0 : exponent}`;
    let nf = moneyFormats.get(key);
    if (!nf) {
      const digits = opts.short && whole ? 0 : exponent;
      nf = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: m.currency,
        currencyDisplay: locale === 'en' ? 'code' : 'name',
        minimumFractionDigits: digits,
        maximumFractionDigits: exponent,
      });
      moneyFormats.set(key, nf);
    }
    // A decimal string keeps the amount exact: no float between the cents and the page.
    const text = nf.format(
      `${m.minor < 0 ? '-' : ''}${major}${minor ? `.${minor}` : ''}` as unknown as number,
    );
    return text.replace(/\u00a0/g, ' ');
  }

  function memo(key: string, make: () => string): string {
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = make();
      cache.set(key, hit);
    }
    return hit;
  }

  /** Values formatted by type for the locale: money, dates, months, lists; numbers stay numbers for plurals. */
  function format(values: Values, select: ReadonlySet<string>): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    for (const key in values) {
      const v = values[key];
      if (v === undefined) continue;
      // ICU select keys cannot contain "-" (it is pattern syntax), so enum values like
      // "month-end" are matched as "month_end"; dates and free text are left alone.
      if (select.has(key) && typeof v === 'string' && ENUM.test(v)) {
        out[key] = v.replace(/-/g, '_');
        continue;
      }
      if (Array.isArray(v))
        out[key] = words.list(
          v.map((x) => (TOPIC_KEYS.has(key) ? words.t(`topic.${x as Topic}`) : String(one(x)))),
        );
      else if (key === 'field') out[key] = words.t(`field.${v as LimitField}`);
      else out[key] = one(v as string | number | Money, SHORT_MONEY.has(key));
    }
    return out;
  }

  function one(v: string | number | Money, short = false): string | number {
    if (typeof v === 'number') return v;
    if (typeof v !== 'string') return isMoney(v) ? words.money(v, { short }) : v;
    // Most values are names and codes: only a string of a date's or a month's length can be one.
    if (v.length === 10 && isCalendarDate(v)) return words.date(v);
    if (v.length === 7 && isMonth(v)) return words.month(v);
    return v;
  }

  return words;
}

const ENUM = /^[a-z]+(?:-[a-z0-9]+)+$/;

/** A cache key for a message and its values when every value is a string, a number or money, else undefined. */
function plainKey(id: MessageId, values: Values): string | undefined {
  let key: string = id;
  for (const k in values) {
    const v = values[k];
    if (v === undefined) continue;
    // Length-prefixed: no value (a name a member typed) can make two different sets of values one key.
    if (typeof v === 'string') key += `|${k}:s${v.length}:${v}`;
    else if (typeof v === 'number') key += `|${k}:n${v}`;
    else if (isMoney(v)) key += `|${k}:m${v.currency}${v.minor}`;
    else return undefined;
  }
  return key;
}

const utc = (d: CalendarDate) =>
  new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))));

function citationText(words: Words, rule: Rule): string {
  const period =
    rule.from && rule.until
      ? words.t('rule.period.between', { from: rule.from, until: rule.until })
      : rule.from
        ? words.t('rule.period.since', { from: rule.from })
        : rule.until
          ? words.t('rule.period.until', { until: rule.until })
          : words.t('rule.period.always');
  const values: Record<string, Value> = {
    period,
    store: words.t(`marketplace.${rule.marketplaces[0]!}`),
    // The EU's threshold counts the stores' sales together, which the sentence says.
    market: rule.marketplaces[0]!,
    region: rule.marketplaces.includes('US') ? 'US' : 'other',
    from: rule.from ?? undefined,
    until: rule.until ?? undefined,
  };
  // Every number a sentence states comes from the row.
  if ('amount' in rule) values.amount = rule.amount ? words.money(rule.amount, { short: true }) : 'none';
  else if (rule.topic === 'deductible') values.amount = 'none';
  if ('months' in rule) values.months = rule.months;
  if ('days' in rule) values.days = rule.days;
  if ('percent' in rule) values.percent = rule.percent;
  if ('wording' in rule) values.wording = rule.wording;
  if ('grade' in rule) values.grade = rule.grade;
  return words.t('citation', {
    id: rule.id,
    sentence: words.t(`rule.${rule.topic}`, values),
    sources: rule.sources.map((s) => s.title).join('; '),
    confidence: rule.confidence,
    advisory: rule.advisory ? 'yes' : 'no',
    conflicts: rule.conflicts?.length ? rule.conflicts.map((s) => s.title).join('; ') : 'none',
  });
}

/** Whether the catalogue has a message (for ids read back from storage). */
export const hasMessage = (id: string): id is MessageId => Object.hasOwn(en, id);

const WORDS = new Map<string, Words>();

/**
 * The words of a locale (one instance per locale and kind: formatters and messages are compiled
 * once). Answers remember the messages they format (the same words come back request after
 * request); an alert sweep renders a hundred thousand messages once each, and asks with
 * `rememberMessages: false` so as not to spend its time and memory on a memo that never hits.
 */
export function wordsFor(locale: Locale = 'en', opts: { rememberMessages?: boolean } = {}): Words {
  const remember = opts.rememberMessages ?? true;
  const key = `${locale}|${remember}`;
  let w = WORDS.get(key);
  if (!w) {
    w = makeWords(locale, remember);
    WORDS.set(key, w);
  }
  return w;
}
