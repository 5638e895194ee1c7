// A stored alert -> the Reply a channel reads, in the team's language. The owner's mention is the
// only mention an alert carries: it comes from the platform, never from user text.
import { type Values, type Words, wordsFor } from '../i18n/index.ts';
import type { Reply } from '../reply.ts';
import type { Finding } from '../rules/findings.ts';
import { findRule, type Rule } from '../rules/table.ts';
import type { StoredAlert } from './payload.ts';

export function alertReply(
  alert: StoredAlert,
  mention: (id: string) => string,
  w: Words = wordsFor(),
): Reply {
  const citations = w.citations(alert.rules.map(findRule).filter((r): r is Rule => r !== undefined));
  if (alert.format === 'rendered')
    return { title: alert.title, tone: alert.tone, fields: alert.fields, lines: alert.lines, citations };
  const values = alert.values as Values;
  const lines = alert.findings.map((f) => {
    const text = w.finding(f as Finding);
    if (alert.kind === 'policy-deficient') return w.t('alert.problem', { problem: text });
    if (alert.kind === 'claim-due') return w.t('claim.if-nothing', { what: text });
    return text;
  });
  return {
    title: w.t(`alert.${alert.kind}.title`, values),
    tone: alert.tone,
    lines: [
      ...(alert.owner ? [mention(alert.owner)] : []),
      ...lines,
      w.t(`alert.${alert.kind}.next`, values),
    ],
    citations,
    ...(alert.owner ? { notify: [alert.owner] } : {}),
  };
}
