// Every row read from the database is validated: a hand-edited or corrupted row becomes an error
// that names the table and the row, never a crash deep inside the rules.
import { z } from 'zod';
import { isCalendarDate, isMonth } from '../rules/calendar.ts';
import { CURRENCIES } from '../rules/money.ts';

export class StoreRowError extends Error {
  override name = 'StoreRowError';
  constructor(
    readonly table: string,
    readonly rowId: unknown,
    detail: string,
  ) {
    super(`invalid row in ${table} (id ${String(rowId)}): ${detail}`);
  }
}

export function parseRow<S extends z.ZodType>(table: string, schema: S, row: unknown): z.infer<S> {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  const id = row && typeof row === 'object' && 'id' in row ? (row as { id: unknown }).id : '?';
  const detail = result.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
  throw new StoreRowError(table, id, detail);
}

export function parseRows<S extends z.ZodType>(
  table: string,
  schema: S,
  rows: readonly unknown[],
): z.infer<S>[] {
  return rows.map((r) => parseRow(table, schema, r));
}

export const col = {
  id: z.number().int().positive(),
  date: z.string().refine(isCalendarDate, 'not a YYYY-MM-DD date'),
  month: z.string().refine(isMonth, 'not a YYYY-MM month'),
  instant: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO instant'),
  minor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.enum(CURRENCIES),
  flag: z
    .number()
    .int()
    .min(0)
    .max(1)
    .nullable()
    .transform((v) => (v === null ? undefined : v === 1)),
};

/** A nullable column read as optional: null becomes undefined, which is what the rules take. */
export const opt = <S extends z.ZodType>(s: S) => s.nullable().transform((v) => (v === null ? undefined : v));
