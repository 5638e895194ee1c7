// Argument kinds as zod schemas: each validates and normalises one value, with a message that
// says what is right. The text parser and the Discord option mapping both end here.
import { z } from 'zod';
import { isCalendarDate, isMonth } from '../src/rules/calendar.ts';
import type { ArgKind, ArgSpec } from './spec.ts';

export class ArgError extends Error {
  override name = 'ArgError';
}

/** Slack escapes mentions as <@U123|name>, Discord as <@123> / <@!123>; the terminal takes @name. */
const MENTION = /^<@!?([A-Z0-9]+)(?:\|[^>]*)?>$/i;
const PLAIN_USER = /^@?([A-Za-z0-9._-]{1,64})$/;
const userId = (v: string) => MENTION.exec(v)?.[1] ?? PLAIN_USER.exec(v)?.[1];
const roleId = (v: string) =>
  /^<@&(\d+)>$/.exec(v)?.[1] ??
  /^<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>$/i.exec(v)?.[1] ??
  /^role:(.+)$/.exec(v)?.[1];

const text = z.string().trim().min(1, 'is empty');

function schema(spec: ArgSpec): z.ZodType<string, string> {
  const e = spec.example;
  const kinds: Record<ArgKind, () => z.ZodType<string, string>> = {
    account: () =>
      text
        .toLowerCase()
        .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, `is not an account name (letters, digits, . _ -), e.g. ${e}`),
    month: () => text.refine(isMonth, `is not a month; write YYYY-MM, e.g. ${e}`),
    date: () => text.refine(isCalendarDate, `is not a date; write YYYY-MM-DD, e.g. ${e}`),
    // The exact amount is parsed later, in the account's currency.
    money: () => text.max(40, 'is too long for an amount').regex(/\d/, `is not an amount, e.g. ${e}`),
    integer: () =>
      text.regex(/^#?\d{1,9}$/, `is not a number, e.g. ${e}`).transform((v) => v.replace(/^#/, '')),
    choice: () =>
      text.transform((v, ctx) => {
        const hit = spec.choices?.find((c) => c.toLowerCase() === v.toLowerCase());
        if (!hit) ctx.addIssue({ code: 'custom', message: `is not one of ${spec.choices?.join(', ')}` });
        return hit ?? v;
      }),
    user: () =>
      text.transform((v, ctx) => {
        const id = userId(v);
        if (!id) ctx.addIssue({ code: 'custom', message: `is not a member; mention them, e.g. ${e}` });
        return id ?? v;
      }),
    channel: () =>
      text.transform((v, ctx) => {
        const id = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$/i.exec(v)?.[1] ?? /^#?([A-Za-z0-9_-]{1,80})$/.exec(v)?.[1];
        if (!id) ctx.addIssue({ code: 'custom', message: `is not a channel, e.g. ${e}` });
        return id ?? v;
      }),
    // A member or a role, kept as "user:ID" or "role:ID".
    subject: () =>
      text.transform((v, ctx) => {
        const role = roleId(v);
        if (role) return `role:${role}`;
        const id = /^user:(.+)$/.exec(v)?.[1] ?? userId(v);
        if (!id) ctx.addIssue({ code: 'custom', message: `is not a member or role, e.g. ${e}` });
        return `user:${id ?? v}`;
      }),
    claim: () => text.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, `is not a claim id, e.g. ${e}`),
    text: () => text.max(500, 'is longer than 500 characters'),
  };
  return kinds[spec.kind]();
}

const cache = new WeakMap<ArgSpec, z.ZodType<string, string>>();

export function validateArg(spec: ArgSpec, raw: string): string {
  let s = cache.get(spec);
  if (!s) {
    s = schema(spec);
    cache.set(spec, s);
  }
  const result = s.safeParse(raw);
  if (result.success) return result.data;
  throw new ArgError(
    `${spec.name} ${result.error.issues[0]?.message ?? 'is not valid'} (got "${raw.trim()}")`,
  );
}
