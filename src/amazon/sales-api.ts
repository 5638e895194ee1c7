// Amazon's Sales API, getOrderMetrics (sales.json in Amazon's published models): ordered product
// sales by day, in the store's time zone, for one marketplace. A small typed client: fetch with a
// time limit, the seller's usage plan before each call, 429 and 5xx retried, and every response
// checked against the model's shape before a number is believed.
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { addDays, type CalendarDate } from '../rules/calendar.ts';
import { type Currency, MoneyError, parseMoney } from '../rules/money.ts';
import type { DayFigure } from '../store/sales-days.ts';
import { AmazonUnavailableError } from './lwa.ts';
import type { Clock, UsagePlan } from './usage-plan.ts';

// Decimal is a string in the model ("no loss of precision"); Amazon's examples send numbers too.
const decimal = z.union([z.string().regex(/^\d+(\.\d+)?$/), z.number().nonnegative()]);
const moneyModel = z.object({ amount: decimal, currencyCode: z.string().length(3) });
const interval = z.object({
  interval: z.string().min(1),
  unitCount: z.number().int(),
  orderItemCount: z.number().int(),
  orderCount: z.number().int(),
  averageUnitPrice: moneyModel,
  totalSales: moneyModel,
});
const response = z.object({ payload: z.array(interval) });

export interface OrderMetricsRequest {
  readonly apiUrl: string;
  readonly accessToken: string;
  readonly marketplaceId: string;
  /** First day, inclusive, and last day, inclusive, in `timeZone`. */
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly timeZone: string;
  readonly currency: Currency;
  readonly plan: UsagePlan;
  readonly clock: Clock;
  readonly timeoutMs?: number;
  /** 429s and 5xx answers tried again, waiting in between (then AmazonUnavailableError). */
  readonly retries?: number;
}

/** Amazon refused the access token (403): the caller gets a fresh one and tries once more. */
export class AccessDeniedError extends Error {
  override name = 'AccessDeniedError';
}

const midnight = (day: CalendarDate, timeZone: string) =>
  new TZDate(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), timeZone)
    .toISOString()
    .replace('.000', '');

/** "2026-11-01T00:00:00-07:00--2026-12-01T00:00:00-08:00": each bound at midnight in the zone. */
export function dayInterval(from: CalendarDate, to: CalendarDate, timeZone: string): string {
  return `${midnight(from, timeZone)}--${midnight(addDays(to, 1), timeZone)}`;
}

/** Ordered product sales for each day from `from` to `to`, as Amazon reports them. */
export async function orderMetricsByDay(req: OrderMetricsRequest): Promise<DayFigure[]> {
  const url = new URL('/sales/v1/orderMetrics', req.apiUrl);
  url.searchParams.set('marketplaceIds', req.marketplaceId);
  url.searchParams.set('interval', dayInterval(req.from, req.to, req.timeZone));
  url.searchParams.set('granularity', 'Day');
  url.searchParams.set('granularityTimeZone', req.timeZone);
  const retries = req.retries ?? 4;
  for (let attempt = 0; ; attempt++) {
    await req.plan.take();
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { 'x-amz-access-token': req.accessToken, accept: 'application/json' },
        signal: AbortSignal.timeout(req.timeoutMs ?? 20_000),
      });
    } catch (err) {
      if (attempt >= retries)
        throw new AmazonUnavailableError(`the Sales API did not answer (${(err as Error).name})`);
      await req.clock.sleep(1000 * 2 ** attempt);
      continue;
    }
    if (res.status === 429 || res.status >= 500) {
      await res.body?.cancel();
      if (res.status === 429) req.plan.throttled();
      if (attempt >= retries) throw new AmazonUnavailableError(`the Sales API answered ${res.status}`);
      if (res.status >= 500) await req.clock.sleep(1000 * 2 ** attempt);
      continue;
    }
    if (res.status === 403) {
      await res.body?.cancel();
      throw new AccessDeniedError('the Sales API refused the access token');
    }
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) throw new AmazonUnavailableError(`the Sales API answered ${res.status}`);
    const parsed = response.safeParse(body);
    if (!parsed.success)
      throw new AmazonUnavailableError(
        `the Sales API answered with an unexpected body (${parsed.error.issues[0]?.message})`,
      );
    return parsed.data.payload.map((m) => ({
      day: m.interval.slice(0, 10),
      amount: amountOf(m.totalSales, req.currency),
    }));
  }
}

function amountOf(m: z.infer<typeof moneyModel>, currency: Currency) {
  if (m.currencyCode !== currency)
    throw new AmazonUnavailableError(`the Sales API reported ${m.currencyCode}, not ${currency}`);
  try {
    // The decimal's own digits (a number's shortest form), parsed exactly: never a float sum.
    return parseMoney(String(m.amount), currency);
  } catch (err) {
    if (err instanceof MoneyError) throw new AmazonUnavailableError(`the Sales API reported "${m.amount}"`);
    throw err;
  }
}
