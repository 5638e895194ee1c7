// Amazon's rejection of an uploaded certificate, decoded: which requirement failed, found by the
// phrases Amazon's messages use for it. Pure; the answer's words are the catalogue's.
import type { Topic } from '../rules/table.ts';

export const REJECTION_REASONS = [
  'holder-only',
  'additional-insured',
  'basis',
  'limits',
  'insured-name',
  'not-bound',
  'dates',
  'deductible',
  'insurer-rating',
  'products',
  'unreadable',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Each reason, the phrases that give it away, and the requirement (rule topic) it is about. */
const SIGNS: readonly { reason: RejectionReason; pattern: RegExp; topic?: Topic }[] = [
  {
    reason: 'holder-only',
    pattern:
      /(only|solely|merely)\s+(listed\s+|named\s+|shown\s+)?as\s+(the\s+)?certificate\s+holder|certificate\s+holder\s+(is\s+)?not\s+(sufficient|enough)/i,
    topic: 'additional-insured',
  },
  {
    reason: 'additional-insured',
    pattern: /additional(ly)?[\s-]+insured|\bAI\b|named\s+insured\s+endorsement/i,
    topic: 'additional-insured',
  },
  {
    reason: 'basis',
    pattern: /claims[\s-]made|occurrence[\s-]+(basis|based|form)|per[\s-]occurrence\s+basis/i,
    topic: 'basis',
  },
  {
    reason: 'limits',
    pattern:
      /\$?\s?1,?000,?000|\b1\s?(m|million)\b|minimum\s+(coverage|limit)|coverage\s+limits?|limits?\s+(of|below|less|under)|aggregate/i,
    topic: 'per-occurrence',
  },
  {
    reason: 'insured-name',
    pattern:
      /(legal|business|seller)\s+(entity\s+)?name|named\s+insured\s+(does\s+not|doesn['’]t)\s+match|name\s+(on|of)\s+(the\s+)?(policy|certificate|coi)\s+(does\s+not|doesn['’]t)\s+match|does\s+not\s+match\s+(the\s+)?(name|legal)/i,
    topic: 'insured-name',
  },
  {
    reason: 'not-bound',
    pattern:
      /\b(quote|quotation|proposal|binder|indication)\b|not\s+(a\s+)?(bound|valid)\s+(policy|certificate)/i,
  },
  {
    reason: 'dates',
    pattern:
      /expired|expiration\s+date|effective\s+date|not\s+(yet\s+)?(in\s+effect|active)|policy\s+period/i,
    topic: 'policy-term',
  },
  { reason: 'deductible', pattern: /deductible|self[\s-]insured\s+retention|\bSIR\b/i, topic: 'deductible' },
  {
    reason: 'insurer-rating',
    pattern: /A\.?\s?M\.?\s+Best|insurer\s+rating|rated\s+A|financial\s+strength/i,
    topic: 'insurer-rating',
  },
  {
    reason: 'products',
    pattern:
      /products?[\s-]+(and\s+)?completed\s+operations|products?\s+liability\s+coverage\s+(is\s+)?(missing|excluded|not)/i,
    topic: 'coverage',
  },
  {
    reason: 'unreadable',
    pattern: /illegible|unreadable|blurry|could\s+not\s+(be\s+)?(read|opened|open)|cannot\s+be\s+read/i,
  },
];

export interface DecodedReason {
  readonly reason: RejectionReason;
  /** The words in Amazon's message that gave it away. */
  readonly quote: string;
  readonly topic?: Topic | undefined;
}

/** The requirements Amazon's message names, most specific first; none when it names none we know. */
export function decodeRejection(message: string): DecodedReason[] {
  const found: DecodedReason[] = [];
  for (const sign of SIGNS) {
    const m = sign.pattern.exec(message);
    if (!m) continue;
    // "Only as certificate holder" is the additional-insured failure, said precisely: say it once.
    if (sign.reason === 'additional-insured' && found.some((f) => f.reason === 'holder-only')) continue;
    found.push({ reason: sign.reason, quote: m[0].trim(), topic: sign.topic });
  }
  return found;
}
