// Money is an integer count of the currency's minor unit (cents for USD). Parsing works on digit
// strings and BigInt so that no amount ever passes through a float; src/i18n formats it per locale.

export const CURRENCIES = ['USD', 'CAD', 'MXN', 'GBP', 'EUR', 'JPY'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface Money {
  readonly minor: number;
  readonly currency: Currency;
}

/** Digits after the decimal point for each currency (ISO 4217). */
export const EXPONENT: Record<Currency, number> = { USD: 2, CAD: 2, MXN: 2, GBP: 2, EUR: 2, JPY: 0 };
const SYMBOL: Partial<Record<string, Currency>> = {
  $: 'USD',
  US$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  MX$: 'MXN',
  '£': 'GBP',
  '€': 'EUR',
  '¥': 'JPY',
};
/** A currency's sign written as a word of its own ("12.480,50 €", "C$ 9,000"). */
export const isCurrencySign = (word: string): boolean =>
  Object.hasOwn(SYMBOL, word.normalize('NFKC').toUpperCase());
/** Canadians and Mexicans write their own dollar and peso with a plain "$". */
const DOLLAR_SIGN: ReadonlySet<Currency> = new Set(['USD', 'CAD', 'MXN']);

/** Largest amount accepted: one trillion major units. Anything above it is a typo, not a sale. */
const MAX_MAJOR = 1_000_000_000_000n;

export type MoneyProblem =
  | 'empty'
  | 'not-amount'
  | 'negative'
  | 'other-currency'
  | 'unknown-currency'
  | 'separators'
  | 'ambiguous'
  | 'decimals'
  | 'no-minor-unit'
  | 'too-large'
  | 'not-whole';

/** An amount that cannot be read: a code and values for the catalogue (`error.money.<code>`). */
export class MoneyError extends Error {
  override name = 'MoneyError';
  constructor(
    readonly code: MoneyProblem,
    readonly values: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${code}: ${JSON.stringify(values)}`);
  }
}

export function money(minor: number, currency: Currency): Money {
  if (!Number.isSafeInteger(minor)) throw new MoneyError('not-whole', { minor });
  return { minor, currency };
}

export const usd = (dollars: number, cents = 0): Money => money(dollars * 100 + cents, 'USD');

// The sign of a currency may come before the number (US, UK) or after it (Germany, France).
const AMOUNT =
  /^(?<sign>[-−])?(?<sym>US\$|CA?\$|MX\$|[$£€¥])?(?<num>[0-9][0-9,._]*|[.,][0-9]+)(?<suffix>[kKmM千万亿])?(?<after>[$£€¥])?$/i;

const GROUPED: Readonly<Record<string, RegExp>> = { ',': /^\d{1,3}(,\d{3})*$/, '.': /^\d{1,3}(\.\d{3})*$/ };

/**
 * The whole and decimal digits of a number written either way: "12,480.50" in the US, UK, Canada,
 * Mexico and China, "12.480,50" (or "12 480,50") in Europe. The last of two different marks is
 * the decimal one; a lone comma is a thousands mark only before exactly three digits, since no
 * amount has three decimals. A lone point before three digits could be either ("12.500"): refused,
 * unless a suffix scales it ("1.248万", "12.345k").
 */
function digitsOf(
  num: string,
  text: string,
  scaled: boolean,
  cents: boolean,
): [whole: string, decimals: string] {
  const n = num.replace(/_/g, '');
  const marks = n.replace(/[0-9]/g, '');
  const at = Math.max(n.lastIndexOf(','), n.lastIndexOf('.')); // the last mark
  const threeAfter = n.length - at - 1 === 3;
  let decimal: boolean;
  if (marks.includes(',') && marks.includes('.')) decimal = true;
  else if (marks.length !== 1 || (threeAfter && n[at] === ',')) decimal = false;
  else if (threeAfter && at > 0 && !scaled)
    throw new MoneyError('ambiguous', {
      text,
      whole: n.replace('.', ''),
      // "12.500" may be 12.50; "12.345" can only be a whole amount, as can any amount in yen.
      decimals: cents && n.endsWith('0') ? n.slice(0, -1) : 'none',
    });
  else decimal = true;
  const whole = decimal ? n.slice(0, at) : n;
  // Marks left in the whole part are thousands marks, all of one kind, every three digits.
  if (/[,.]/.test(whole) && !GROUPED[marks[0]!]!.test(whole)) throw new MoneyError('separators', { text });
  return [whole.replace(/[,.]/g, ''), decimal ? n.slice(at + 1) : ''];
}

/** What a suffix multiplies by: thousands and millions, and the Chinese 千 (10³), 万 (10⁴) and 亿 (10⁸). */
const SUFFIX: Readonly<Record<string, bigint>> = {
  k: 1_000n,
  m: 1_000_000n,
  千: 1_000n,
  万: 10_000n,
  亿: 100_000_000n,
};

/** Currencies as Chinese sellers write them after an amount; 元 alone is the renminbi. */
export const CHINESE_NAMES: Readonly<Record<string, string>> = {
  美元: 'USD',
  欧元: 'EUR',
  英镑: 'GBP',
  日元: 'JPY',
  加元: 'CAD',
  加拿大元: 'CAD',
  墨西哥比索: 'MXN',
  比索: 'MXN',
  人民币: 'CNY',
  元: 'CNY',
};
/** Codes people write that are not ISO's own. */
export const CODE_ALIASES: Readonly<Record<string, string>> = { RMB: 'CNY' };
// Anchored at the end, the leftmost match is the whole name (加拿大元, not 元).
const CHINESE_NAME = new RegExp(`(${Object.keys(CHINESE_NAMES).join('|')})$`);
/** Every ISO 4217 code: one of them is a currency coverwatch does not count in, not an unknown one. */
const ISO_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * Parses what people type for an amount: "12480.50", "$12,480.50", "12.5k", "1.2m", "USD 500",
 * "1.2万美元", "12.480,50 €", "C$500".
 * `currency` is the account's currency; a different symbol or code in the text is an error.
 */
export function parseMoney(text: string, currency: Currency): Money {
  // Full-width digits and separators (１２，４８０) are the same number; a currency's Chinese name
  // (美元, 人民币, 元…) is its code, and so is RMB.
  let raw = text
    .normalize('NFKC')
    .replace(/\s/g, '')
    .replace(CHINESE_NAME, (name) => CHINESE_NAMES[name]!);
  const code = /^([A-Za-z]{3})|([A-Za-z]{3})$/.exec(raw);
  let named: string | undefined;
  if (code) {
    const written = (code[1] ?? code[2])!.toUpperCase();
    named = CODE_ALIASES[written] ?? written;
    raw = code[1] ? raw.slice(3) : raw.slice(0, -3);
  }
  if (raw === '') throw new MoneyError('empty', { text });
  const m = AMOUNT.exec(raw);
  if (!m?.groups) throw new MoneyError('not-amount', { text });
  const { sign, sym: before, num, suffix, after } = m.groups as Record<string, string | undefined>;
  if (sign) throw new MoneyError('negative', { text });
  if (before && after) throw new MoneyError('not-amount', { text });
  const sym = (before ?? after)?.toUpperCase();
  const fromSymbol = sym === '$' && DOLLAR_SIGN.has(currency) ? currency : sym ? SYMBOL[sym] : undefined;
  for (const c of [named, fromSymbol]) {
    if (c && c !== currency) {
      if (!(CURRENCIES as readonly string[]).includes(c) && !ISO_CODES.has(c))
        throw new MoneyError('unknown-currency', { currency: c });
      // ¥ (and the full-width ￥) is the yuan's sign as much as the yen's: a Chinese seller means CNY.
      const got = !named && sym === '¥' ? 'CNY/JPY' : c;
      throw new MoneyError('other-currency', { text, got, wanted: currency });
    }
  }
  const [digits, fracPart] = digitsOf(num!, text, suffix !== undefined, EXPONENT[currency] > 0); // digits empty for ".99": BigInt('' + '99')
  const multiplier = suffix ? SUFFIX[suffix.toLowerCase()]! : 1n;
  const exponent = EXPONENT[currency];
  const scaled = BigInt(digits + fracPart) * multiplier * 10n ** BigInt(exponent);
  const divisor = 10n ** BigInt(fracPart.length);
  if (scaled % divisor !== 0n) {
    throw new MoneyError(exponent === 0 ? 'no-minor-unit' : 'decimals', {
      text,
      currency,
      decimals: exponent,
    });
  }
  const minor = scaled / divisor;
  if (minor > MAX_MAJOR * 10n ** BigInt(exponent)) {
    throw new MoneyError('too-large', { text, currency });
  }
  return money(Number(minor), currency);
}

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency)
    throw new MoneyError('other-currency', { text: a.currency, got: a.currency, wanted: b.currency });
}

/** Whole percent of `part` in `whole`, rounded down. */
export function percentOf(part: Money, whole: Money): number {
  same(part, whole);
  return whole.minor === 0 ? 0 : Number((BigInt(part.minor) * 100n) / BigInt(whole.minor));
}
