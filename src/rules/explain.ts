// Which rules an answer cites: those that decided it, once each, in the order first consulted.
// The words of each citation come from the message catalogue (src/i18n).
import type { TraceEntry } from './findings.ts';
import type { Rule } from './table.ts';

export function citedRules(...traces: readonly (readonly TraceEntry[])[]): Rule[] {
  const seen = new Set<string>();
  const out: Rule[] = [];
  for (const trace of traces)
    for (const { rule, decisive } of trace) {
      if (!decisive || seen.has(rule.id)) continue;
      seen.add(rule.id);
      out.push(rule);
    }
  return out;
}
