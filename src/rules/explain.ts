// Turns decisions into the words a seller reads: reasons first, then every rule consulted with
// its source, so each answer can be checked against Amazon's own text.
import type { TraceEntry } from './eligibility.ts';
import type { Rule } from './table.ts';

export interface Citation {
  readonly id: string;
  readonly text: string;
}

const cache = new WeakMap<Rule, Citation>();

/** "[US-THRESHOLD-1M] From 2021-09-01, … — Amazon's email … (confirmed)". Rules are constants, so each is worded once. */
export function citation(rule: Rule): Citation {
  const hit = cache.get(rule);
  if (hit) return hit;
  const made = wordCitation(rule);
  cache.set(rule, made);
  return made;
}

function wordCitation(rule: Rule): Citation {
  const sources = rule.sources.map((s) => s.title).join('; ');
  const confidence = rule.confidence === 'confirmed' ? 'confirmed' : 'second-hand, not confirmed by Amazon';
  return {
    id: rule.id,
    text: `[${rule.id}] ${rule.sentence} — ${sources} (${confidence}${'advisory' in rule && rule.advisory ? ', advisory' : ''})`,
  };
}

/** One citation per rule that decided the answer, in the order first consulted. */
export function citations(trace: readonly TraceEntry[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const { rule, decisive } of trace) {
    if (decisive === false) continue;
    if (seen.has(rule.id)) continue;
    seen.add(rule.id);
    out.push(citation(rule));
  }
  return out;
}

/** A decision as plain text: reasons, what each rule found, and the rules with their sources. */
export function explain(decision: {
  readonly reasons: readonly string[];
  readonly trace: readonly TraceEntry[];
}): string {
  return [
    ...decision.reasons,
    '',
    'Rules consulted:',
    ...decision.trace.map((t) => `- ${t.rule.id}: ${t.finding}`),
    '',
    'Sources:',
    ...citations(decision.trace).map((c) => `- ${c.text}`),
  ].join('\n');
}
