// An alert as stored in the outbox: the reply, with its citations kept as rule ids (the rule table
// has the words), which keeps a hundred thousand stored alerts small. Validated when read back.
import { z } from 'zod';
import type { Reply } from '../reply.ts';
import { citation } from '../rules/explain.ts';
import { findRule } from '../rules/table.ts';

const tone = z.enum(['ok', 'warn', 'danger', 'info']);
const field = z.object({ label: z.string(), value: z.string() });
const stored = z.object({
  title: z.string(),
  tone,
  fields: z.array(field).optional(),
  lines: z.array(z.string()).optional(),
  rules: z.array(z.string()).optional(),
});

export function encodeAlert(reply: Reply): string {
  const { title, tone, fields, lines, citations } = reply;
  return JSON.stringify({ title, tone, fields, lines, rules: citations?.map((c) => c.id) });
}

export function decodeAlert(payload: string, where: string): Reply {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    throw new Error(`invalid row in ${where}: payload is not JSON`);
  }
  const parsed = stored.safeParse(raw);
  if (!parsed.success)
    throw new Error(`invalid row in ${where}: payload is not an alert (${parsed.error.issues[0]?.message})`);
  const { rules, ...reply } = parsed.data;
  return {
    ...reply,
    citations: (rules ?? []).flatMap((id) => {
      const rule = findRule(id);
      return rule ? [citation(rule)] : [];
    }),
  };
}
