// Money is an integer count of the currency's minor unit (cents for USD). Parsing and formatting
// work on digit strings and BigInt so that no amount ever passes through a float.

export const CURRENCIES = ['USD', 'CAD', 'MXN', 'GBP', 'EUR', 'JPY'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface Money {
  readonly minor: number;
  readonly currency: Currency;
}

/** Digits after the decimal point for each currency (ISO 4217). */
export const EXPONENT: Record<Currency, number> = { USD: 2, CAD: 2, MXN: 2, GBP: 2, EUR: 2, JPY: 0 };
const SYMBOL: Partial<Record<string, Currency>> = { $: 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY' };

/** Largest amount accepted: one trillion major units. Anything above it is a typo, not a sale. */
const MAX_MAJOR = 1_000_000_000_000n;

export class MoneyError extends Error {
  override name = 'MoneyError';
}

export function money(minor: number, currency: Currency): Money {
  if (!Number.isSafeInteger(minor)) throw new MoneyError(`not a whole number of minor units: ${minor}`);
  return { minor, currency };
}

export const usd = (dollars: number, cents = 0): Money => money(dollars * 100 + cents, 'USD');

const AMOUNT = /^(?<sign>[-−])?(?<sym>[$£€¥])?(?<num>[0-9][0-9,_]*(?:\.[0-9]*)?|\.[0-9]+)(?<suffix>[kKmM])?$/;

/**
 * Parses what people type for an amount: "12480.50", "$12,480.50", "12.5k", "1.2m", "USD 500".
 * `currency` is the account's currency; a different symbol or code in the text is an error.
 */
export function parseMoney(text: string, currency: Currency): Money {
  let raw = text.trim().replace(/\s+/g, '');
  const code = /^([A-Za-z]{3})|([A-Za-z]{3})$/.exec(raw);
  let named: string | undefined;
  if (code) {
    named = (code[1] ?? code[2])!.toUpperCase();
    raw = code[1] ? raw.slice(3) : raw.slice(0, -3);
  }
  if (raw === '') throw new MoneyError(`"${text}" has no number in it`);
  const m = AMOUNT.exec(raw);
  if (!m?.groups) throw new MoneyError(`"${text}" is not an amount`);
  const { sign, sym, num, suffix } = m.groups as Record<string, string | undefined>;
  if (sign) throw new MoneyError(`"${text}" is negative; amounts must be zero or more`);
  const fromSymbol = sym ? SYMBOL[sym] : undefined;
  for (const c of [named, fromSymbol]) {
    if (c && c !== currency) {
      if (!(CURRENCIES as readonly string[]).includes(c))
        throw new MoneyError(`"${c}" is not a known currency`);
      throw new MoneyError(`"${text}" is in ${c}, but this account counts sales in ${currency}`);
    }
  }
  const [intPart = '', fracPart = ''] = num!.split('.');
  if (intPart.includes(',') && !/^\d{1,3}(,\d{3})*$/.test(intPart)) {
    throw new MoneyError(`"${text}" has misplaced thousands separators`);
  }
  const digits = intPart.replace(/[,_]/g, '') || '0';
  const multiplier = suffix ? (suffix.toLowerCase() === 'k' ? 1_000n : 1_000_000n) : 1n;
  const exponent = EXPONENT[currency];
  const scaled = BigInt(digits + fracPart) * multiplier * 10n ** BigInt(exponent);
  const divisor = 10n ** BigInt(fracPart.length);
  if (scaled % divisor !== 0n) {
    throw new MoneyError(
      exponent === 0
        ? `"${text}" has decimals, but ${currency} has no minor unit`
        : `"${text}" has more than ${exponent} decimals`,
    );
  }
  const minor = scaled / divisor;
  if (minor > MAX_MAJOR * 10n ** BigInt(exponent)) {
    throw new MoneyError(`"${text}" is implausibly large (over ${currency} 1,000,000,000,000)`);
  }
  return money(Number(minor), currency);
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "USD 12,480.50"; `short` drops ".00" for whole amounts ("USD 10,000"). */
export function formatMoney(m: Money, opts: { short?: boolean } = {}): string {
  const exponent = EXPONENT[m.currency];
  const negative = m.minor < 0;
  const abs = String(Math.abs(m.minor)).padStart(exponent + 1, '0');
  const major = group(abs.slice(0, abs.length - exponent));
  const minor = exponent ? abs.slice(abs.length - exponent) : '';
  const body = minor && !(opts.short && /^0+$/.test(minor)) ? `${major}.${minor}` : major;
  return `${negative ? '-' : ''}${m.currency} ${body}`;
}

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(`cannot compare ${a.currency} with ${b.currency}`);
}

/** Whole percent of `part` in `whole`, rounded down. */
export function percentOf(part: Money, whole: Money): number {
  same(part, whole);
  return whole.minor === 0 ? 0 : Number((BigInt(part.minor) * 100n) / BigInt(whole.minor));
}
