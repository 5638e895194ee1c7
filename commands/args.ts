// Arguments, declared once with their type: each kind is a zod schema that validates and normalises
// one raw value (text from Slack or the terminal, an option from Discord, a field of a modal) into
// the type the handler receives. Problems are message ids, rendered in the team's language.
import { z } from 'zod';
import { DAY_WORDS, MONTH_WORDS, RELATIVE_DAYS, RELATIVE_MONTHS } from '../src/app/context.ts';
import { hasMessage, type MessageId } from '../src/i18n/index.ts';
import { isCalendarDate, isMonth, isTimeZone } from '../src/rules/calendar.ts';

export type ArgKind =
  | 'account'
  | 'month'
  | 'date'
  | 'money'
  | 'text'
  | 'choice'
  | 'yesno'
  | 'user'
  | 'channel'
  | 'subject'
  | 'integer'
  | 'timezone'
  | 'claim'
  | 'file';

/** A member or a role, as `/insurance access grant` takes it. */
export interface Subject {
  readonly kind: 'user' | 'role';
  readonly id: string;
}

/**
 * One argument. `T` is what the handler receives; `P` whether it is always present (required, or
 * with a default) — so the handler's argument types need no `!`.
 */
export interface ArgSpec<T = unknown, P extends boolean = boolean> {
  readonly kind: ArgKind;
  readonly required: boolean;
  readonly description: MessageId;
  /** A sample value, as typed. */
  readonly example: string;
  /** Free-text samples are words, so they come from the catalogue. */
  readonly exampleId?: MessageId | undefined;
  /** Only given as `name:value` in text (long optional lists such as a policy's fields). */
  readonly keyed?: boolean | undefined;
  /** Other keys accepted in text. */
  readonly aliases?: readonly string[] | undefined;
  /** A password (a refresh token): never a Discord option; typed only in a private form or the terminal. */
  readonly secret?: boolean | undefined;
  readonly choices?: readonly string[] | undefined;
  readonly default?: T | undefined;
  /** Integers: the range accepted. */
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly schema: z.ZodType<T, string>;
  /** Phantom: carries presence to the handler's types. */
  readonly present?: P;
}

// biome-ignore lint/suspicious/noExplicitAny: an argument map holds arguments of any value type.
export type AnyArg = ArgSpec<any, boolean>;
export type ArgMap = Readonly<Record<string, AnyArg>>;

/** The handler's arguments, typed from the declaration. */
export type ArgValues<A extends ArgMap> = {
  readonly [K in keyof A]: A[K] extends ArgSpec<infer T, infer P>
    ? P extends true
      ? T
      : T | undefined
    : never;
};

interface Options<T> {
  readonly description: MessageId;
  readonly example?: string;
  readonly exampleId?: MessageId;
  readonly optional?: boolean;
  readonly keyed?: boolean;
  readonly aliases?: readonly string[];
  readonly secret?: boolean;
  readonly default?: T;
}

type Presence<O> = O extends { optional: true } ? (O extends { default: unknown } ? true : false) : true;

const text = z.string().trim().min(1, 'arg.empty');
const MENTION = /^<@!?([A-Z0-9]+)(?:\|[^>]*)?>$/i;
const PLAIN_USER = /^@?([A-Za-z0-9._-]{1,64})$/;
const userId = (v: string) => MENTION.exec(v)?.[1] ?? PLAIN_USER.exec(v)?.[1];
const roleId = (v: string) =>
  /^<@&(\d+)>$/.exec(v)?.[1] ??
  /^<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>$/i.exec(v)?.[1] ??
  /^role:(.+)$/.exec(v)?.[1];

// Letters of any script (a team may call its store 深圳店) and digits, then also . _ -: nothing that
// Slack or Discord reads as markup, and no spaces, so a name is one word on a command line.
export const ACCOUNT_NAME = /^[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}._-]{0,39}$/u;

function make<T, O extends Options<T>>(
  kind: ArgKind,
  schema: z.ZodType<T, string>,
  defaultExample: string,
  o: O,
  choices?: readonly string[],
): ArgSpec<T, Presence<O>> {
  return {
    kind,
    required: !o.optional,
    description: o.description,
    example: o.example ?? defaultExample,
    exampleId: o.exampleId,
    keyed: o.keyed,
    aliases: o.aliases,
    secret: o.secret,
    choices,
    default: o.default,
    min: (o as { min?: number }).min,
    max: (o as { max?: number }).max,
    schema,
  };
}

/**
 * Dates and months as sellers write them ("2026年11月15日", "2026/11/15", "Oct-2026", "10/2026",
 * full-width digits) -> ISO ("2026-11-15", "2026-10"), and today/yesterday (今天/昨天) -> "today" or
 * "yesterday" for the use case to count; anything else is left for the ISO check to judge.
 */
export function isoDate(typed: string): string {
  const v = typed.normalize('NFKC').trim();
  if (Object.hasOwn(RELATIVE_DAYS, v.toLowerCase())) return RELATIVE_DAYS[v.toLowerCase()]!;
  if (Object.hasOwn(RELATIVE_MONTHS, v.toLowerCase())) return RELATIVE_MONTHS[v.toLowerCase()]!;
  const two = (n: string) => n.padStart(2, '0');
  const m =
    /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?$/.exec(v) ??
    // 2026/11/15 and 2026.11, as spreadsheets and Chinese sellers write them: the year first, so
    // never ambiguous (11/03/2026 is March in Europe and November in the US: not guessed).
    /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/.exec(v);
  if (m) return m[3] ? `${m[1]}-${two(m[2]!)}-${two(m[3])}` : `${m[1]}-${two(m[2]!)}`;
  // A month by its name: Oct-2026, October 2026, 2026-Oct, 11/2026.
  const nameFirst = /^([a-z]{3,9})[-/ ]?(\d{4})$/i.exec(v);
  const yearFirst = /^(\d{4})[-/ ]?([a-z]{3,9})$/i.exec(v);
  const [name, year] = nameFirst
    ? [nameFirst[1]!, nameFirst[2]!]
    : yearFirst
      ? [yearFirst[2]!, yearFirst[1]!]
      : [];
  const index = name ? MONTH_NAMES.findIndex((n) => isMonthName(name.toLowerCase(), n)) : -1;
  if (index >= 0) return `${year}-${two(String(index + 1))}`;
  const slash = /^(\d{1,2})\/(\d{4})$/.exec(v);
  return slash ? `${slash[2]}-${two(slash[1]!)}` : v;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** "oct", "octo" and "october" name October; "sept" names September. */
const isMonthName = (typed: string, name: string) => typed.length >= 3 && name.startsWith(typed);

/** A calendar date, or a day named relative to today (resolved by the use case, in the account's zone). */
const isDay = (v: string) => isCalendarDate(v) || DAY_WORDS.has(v);
/** A month, or one named relative to this one (resolved likewise). */
const isMonthArg = (v: string) => isMonth(v) || MONTH_WORDS.has(v);

/** Full-width digits and separators (１２，４８０．５０) as ASCII; 千, 万 and 亿 are read by parseMoney. */
const halfWidth = (typed: string) => typed.normalize('NFKC');

/** An account's name as stored: full-width ａｃｍｅ－ｕｓ from a Chinese keyboard is acme-us. */
export const accountKey = (typed: string) => halfWidth(typed).toLowerCase();

export const arg = {
  account: <O extends Options<string>>(o: O) =>
    make(
      'account',
      text
        .transform(accountKey)
        .pipe(z.string().max(40, 'arg.account-long').regex(ACCOUNT_NAME, 'arg.account')),
      'acme-us',
      o,
    ),
  month: <O extends Options<string>>(o: O) =>
    make('month', text.transform(isoDate).refine(isMonthArg, 'arg.month'), '2026-10', o),
  /**
   * A file: a path at the terminal, an attachment in Discord (its id). Who may read what is the
   * handler's to decide (see Session.attachments).
   */
  file: <O extends Options<string>>(o: O) =>
    make('file', text.max(1000, 'arg.text-long'), './BusinessReport-11-21-26.csv', o),
  /** A month (its total) or a day (the month's total so far). */
  period: <O extends Options<string>>(o: O) =>
    make(
      'month',
      text.transform(isoDate).refine((v) => isMonthArg(v) || isDay(v), 'arg.period'),
      '2026-10',
      o,
    ),
  date: <O extends Options<string>>(o: O) =>
    make('date', text.transform(isoDate).refine(isDay, 'arg.date'), '2026-11-03', o),
  /** An amount as typed; parsed exactly in the account's currency by the use case. */
  money: <O extends Options<string>>(o: O) =>
    make(
      'money',
      text.max(40, 'arg.money-long').transform(halfWidth).pipe(z.string().regex(/\d/, 'arg.money')),
      '12,480.50',
      o,
    ),
  text: <O extends Options<string>>(o: O & { max?: number }) =>
    make('text', text.max(o.max ?? 500, 'arg.text-long'), '', o),
  integer: <O extends Options<number> & { min?: number; max?: number }>(o: O) =>
    make(
      'integer',
      text
        .regex(/^#?\d{1,9}$/, 'arg.integer')
        .transform((v) => Number(v.replace(/^#/, '')))
        .refine((n) => n >= (o.min ?? 0) && n <= (o.max ?? 999_999_999), 'arg.range'),
      '3',
      o,
    ),
  timeZone: <O extends Options<string>>(o: O) =>
    make('timezone', text.refine(isTimeZone, 'arg.time-zone'), 'America/New_York', o),
  /** One of `choices` (any case); `aliases` maps other spellings to a choice ("DE" -> "EU"). */
  choice: <
    const C extends readonly string[],
    O extends Options<C[number]> & { also?: Readonly<Record<string, C[number]>> },
  >(
    choices: C,
    o: O,
  ) =>
    make<C[number], O>(
      'choice',
      text.transform((v, ctx): C[number] => {
        const hit = choices.find((c) => c.toLowerCase() === v.toLowerCase()) ?? o.also?.[v.toUpperCase()];
        if (!hit) ctx.addIssue({ code: 'custom', message: 'arg.choice' });
        return hit ?? v;
      }),
      choices[0] ?? '',
      o,
      choices,
    ),
  yesno: <O extends Options<boolean>>(o: O) =>
    make(
      'yesno',
      text
        .toLowerCase()
        .pipe(z.enum(['yes', 'no', 'true', 'false', 'y', 'n'], { message: 'arg.yesno' }))
        .transform((v) => v.startsWith('y') || v === 'true'),
      'yes',
      o,
      ['yes', 'no'],
    ),
  user: <O extends Options<string>>(o: O) =>
    make(
      'user',
      text.transform((v, ctx) => {
        const id = userId(v);
        if (!id) ctx.addIssue({ code: 'custom', message: 'arg.user' });
        return id ?? v;
      }),
      '@maria',
      o,
    ),
  channel: <O extends Options<string>>(o: O) =>
    make(
      'channel',
      text.transform((v, ctx) => {
        const id = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$/i.exec(v)?.[1] ?? /^#?([A-Za-z0-9_-]{1,80})$/.exec(v)?.[1];
        if (!id) ctx.addIssue({ code: 'custom', message: 'arg.channel' });
        return id ?? v;
      }),
      '#insurance',
      o,
    ),
  subject: <O extends Options<Subject>>(o: O) =>
    make(
      'subject',
      text.transform((v, ctx): Subject => {
        const role = roleId(v);
        if (role) return { kind: 'role', id: role };
        // A member is a mention the platform made (or Discord's user option), never a typed name:
        // "@maria" that Slack did not turn into <@U…> matches nobody, and must not look granted.
        const id = /^user:(.+)$/.exec(v)?.[1] ?? MENTION.exec(v)?.[1];
        if (!id) ctx.addIssue({ code: 'custom', message: 'arg.subject' });
        return { kind: 'user', id: id ?? v };
      }),
      '@maria',
      o,
    ),
  claim: <O extends Options<string>>(o: O) =>
    make('claim', text.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'arg.claim'), 'AZ-123456', o),
};

/** One argument that was not right: which, the problem's message id, and what was typed. */
export interface ArgProblem {
  readonly name: string;
  readonly problem: MessageId;
  readonly got?: string | undefined;
}

/** Every argument that was not right, found at once. Nothing was written. */
export class ArgError extends Error {
  override name = 'ArgError';
  constructor(readonly problems: readonly ArgProblem[]) {
    super(problems.map((p) => `${p.name}: ${p.problem}`).join('; '));
  }
}

/** Validates one raw value against its declaration: the typed value, or the problem. */
export function parseValue<T>(
  name: string,
  spec: ArgSpec<T>,
  raw: string,
): { ok: true; value: T } | { ok: false; problem: ArgProblem } {
  const result = spec.schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  // Our schemas' messages are message ids; anything else (a zod default) is "not valid".
  const message = issue?.message ?? '';
  return {
    ok: false,
    problem: {
      name,
      problem: message.startsWith('arg.') && hasMessage(message) ? message : 'arg.invalid',
      got: raw.trim(),
    },
  };
}
