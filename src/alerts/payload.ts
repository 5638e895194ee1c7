// An alert as stored in the outbox: its kind, values, findings and the ids of the rules it cites —
// data, not words, so it is rendered in the team's language when posted (render.ts), and a hundred
// thousand stored alerts stay small. Validated when read back. Alerts stored before alerts were data
// (a rendered title and lines) are still read, and posted as they were written.
import { z } from 'zod';
import { hasMessage } from '../i18n/index.ts';
import type { Tone } from '../reply.ts';
import { ALERT_KINDS, type PlannedAlert } from './planner.ts';

const tone = z.enum(['ok', 'warn', 'danger', 'info']);
const money = z.object({ minor: z.number().int(), currency: z.string() });
const value = z.union([z.string(), z.number(), money]);
const finding = z.object({
  code: z.string().min(1),
  values: z.record(z.string(), z.union([value, z.array(z.union([z.string(), z.number(), money]))])),
});
const structured = z.object({
  kind: z.enum(ALERT_KINDS),
  tone,
  values: z.record(z.string(), value),
  findings: z.array(finding),
  rules: z.array(z.string()),
  owner: z.string().optional(),
});
const legacy = z.object({
  title: z.string(),
  tone,
  fields: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  lines: z.array(z.string()).optional(),
  rules: z.array(z.string()).optional(),
});

export type StoredAlert =
  | ({ readonly format: 'data' } & Omit<PlannedAlert, 'key'>)
  | {
      readonly format: 'rendered';
      readonly title: string;
      readonly tone: Tone;
      readonly fields?: { label: string; value: string }[] | undefined;
      readonly lines?: string[] | undefined;
      readonly rules: readonly string[];
    };

export function encodeAlert(alert: PlannedAlert): string {
  const { kind, tone, values, findings, rules, owner } = alert;
  return JSON.stringify({ kind, tone, values, findings, rules, ...(owner ? { owner } : {}) });
}

export function decodeAlert(payload: string, where: string): StoredAlert {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    throw new Error(`invalid row in ${where}: payload is not JSON`);
  }
  const data = structured.safeParse(raw);
  if (data.success) {
    const unknown = data.data.findings.find((f) => !hasMessage(`finding.${f.code}`));
    if (unknown) throw new Error(`invalid row in ${where}: unknown finding "${unknown.code}"`);
    return { format: 'data', ...data.data } as unknown as StoredAlert;
  }
  const old = legacy.safeParse(raw);
  if (old.success) return { format: 'rendered', ...old.data, rules: old.data.rules ?? [] };
  throw new Error(`invalid row in ${where}: payload is not an alert (${data.error.issues[0]?.message})`);
}
