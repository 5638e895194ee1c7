// Amazon's rejection of an uploaded certificate, decoded: which requirement failed, found by the
// phrases Amazon's messages use for it — in English, or in Chinese for a seller whose Seller Central
// is set to Chinese (the insurance terms of Amazon's Chinese help). Pure; the answer's words are the
// catalogue's.
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
      /(only|solely|merely)\s+(listed\s+|named\s+|shown\s+)?as\s+(the\s+)?certificate\s+holder|certificate\s+holder\s+(is\s+)?not\s+(sufficient|enough)|(仅|只)(被)?(列为|作为|显示为|是)?(保险)?证书持有人/i,
    topic: 'additional-insured',
  },
  {
    reason: 'additional-insured',
    pattern: /additional(ly)?[\s-]+insured|\bAI\b|named\s+insured\s+endorsement|附加被保险人|额外被保险人/i,
    topic: 'additional-insured',
  },
  {
    reason: 'basis',
    pattern:
      /claims[\s-]made|occurrence[\s-]+(basis|based|form)|per[\s-]occurrence\s+basis|索赔(提出)?制|事故发生制/i,
    topic: 'basis',
  },
  {
    reason: 'limits',
    pattern:
      /\$?\s?1,?000,?000|\b1\s?(m|million)\b|minimum\s+(coverage|limit)|coverage\s+limits?|limits?\s+(of|below|less|under)|aggregate|100\s?万美元|最低(保险)?(金额|限额)|(保险|赔偿|累计)限额/i,
    topic: 'per-occurrence',
  },
  {
    reason: 'insured-name',
    pattern:
      /(legal|business|seller)\s+(entity\s+)?name|named\s+insured\s+(does\s+not|doesn['’]t)\s+match|name\s+(on|of)\s+(the\s+)?(policy|certificate|coi)\s+(does\s+not|doesn['’]t)\s+match|does\s+not\s+match\s+(the\s+)?(name|legal)|(法定|法律实体|企业|公司)名称|被保险人(名称)?(与|和).{0,12}(不符|不一致|不匹配)/i,
    topic: 'insured-name',
  },
  {
    reason: 'not-bound',
    pattern:
      /\b(quote|quotation|proposal|binder|indication)\b|not\s+(a\s+)?(bound|valid)\s+(policy|certificate)|报价单?|暂保单|投保建议书/i,
  },
  {
    reason: 'dates',
    pattern:
      /expired|expiration\s+date|effective\s+date|not\s+(yet\s+)?(in\s+effect|active)|policy\s+period|已过期|到期日|生效日期?|尚未生效|保险期间/i,
    topic: 'policy-term',
  },
  {
    reason: 'deductible',
    pattern: /deductible|self[\s-]insured\s+retention|\bSIR\b|免赔额|自留额/i,
    topic: 'deductible',
  },
  {
    reason: 'insurer-rating',
    pattern: /A\.?\s?M\.?\s+Best|insurer\s+rating|rated\s+A|financial\s+strength|贝氏评级|保险公司(的)?评级/i,
    topic: 'insurer-rating',
  },
  {
    reason: 'products',
    pattern:
      /products?[\s-]+(and\s+)?completed\s+operations|products?\s+liability\s+coverage\s+(is\s+)?(missing|excluded|not)|产品(及|和|\/)?完工/i,
    topic: 'coverage',
  },
  {
    reason: 'unreadable',
    pattern:
      /illegible|unreadable|blurry|could\s+not\s+(be\s+)?(read|opened|open)|cannot\s+be\s+read|无法(辨认|辨识|读取|打开)|模糊不清/i,
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
