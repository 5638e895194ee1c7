// Every row read from the database is validated: a hand-edited or corrupted row becomes an error
// that names the table and the row, never a crash deep inside the rules.
import { z } from 'zod';
import { isCalendarDate, isMonth, isTimeZone } from '../rules/calendar.ts';
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

/** Nullable columns arrive as null; the domain (and the rules) use undefined. */
export type Undef<T> = { [K in keyof T]: null extends T[K] ? Exclude<T[K], null> | undefined : T[K] };

/**
 * A row's zod schema (plain checks only: zod's transforms cost more than the checks on the
 * hot read path) and the mapping from the checked row to the domain object.
 */
export interface RowSpec<S extends z.ZodType, R> {
  readonly schema: S;
  readonly map: (row: Undef<z.output<S>>) => R;
  /**
   * The same checks as plain predicates, mapping a good row straight to the domain object: built by
   * rowSpec from `col` columns, or written out by hand (sales, read as arrays). Undefined sends the
   * row to zod, which says what is wrong.
   */
  readonly fast?: ((row: Record<string, unknown>) => R | undefined) | undefined;
}

/**
 * `fast` defaults to one built from the schema when every column's schema comes with its predicate
 * (`col`, `opt`) and any row-wide rule is given as `rowCheck`: a good row is then mapped without
 * zod, and a bad one still goes to zod, which names what is wrong.
 */
export function rowSpec<S extends z.ZodType, R>(
  schema: S,
  map: (row: Undef<z.output<S>>) => R,
  fast?:
    | ((row: Record<string, unknown>) => R | undefined)
    | { rowCheck: (row: Record<string, unknown>) => boolean },
): RowSpec<S, R> {
  if (typeof fast === 'function') return { schema, map, fast };
  return { schema, map, fast: checksOf(schema, fast?.rowCheck, map) };
}

/** Each column schema's check written as a plain predicate (filled in by `col` and `opt`). */
const PREDICATES = new WeakMap<z.ZodType, (v: unknown) => boolean>();

function checked<S extends z.ZodType>(schema: S, test: (v: unknown) => boolean): S {
  PREDICATES.set(schema, test);
  return schema;
}

function checksOf<R>(
  schema: z.ZodType,
  rowCheck: ((row: Record<string, unknown>) => boolean) | undefined,
  map: (row: never) => R,
): ((row: Record<string, unknown>) => R | undefined) | undefined {
  if (!(schema instanceof z.ZodObject)) return undefined;
  // A rule over the whole row that the caller did not restate: only zod knows it.
  if ((schema.def.checks?.length ?? 0) > 0 && !rowCheck) return undefined;
  const columns = Object.entries(schema.shape as Record<string, z.ZodType>).map(
    ([name, s]) => [name, PREDICATES.get(s)] as const,
  );
  if (columns.some(([, test]) => !test)) return undefined;
  const tests = columns as (readonly [string, (v: unknown) => boolean])[];
  return (row) => {
    for (const [name, test] of tests) if (!test(row[name])) return undefined;
    if (rowCheck && !rowCheck(row)) return undefined;
    return map(nullsToUndefined(row) as never);
  };
}

function nullsToUndefined<T extends object>(row: T): Undef<T> {
  const out = { ...row } as Record<string, unknown>;
  for (const k in out) if (out[k] === null) out[k] = undefined;
  return out as Undef<T>;
}

/** The domain object a row spec maps to. */
export type Row<X> = X extends { map: (row: never) => infer R } ? R : never;

function fail(table: string, row: unknown, error: z.ZodError): never {
  const id = row && typeof row === 'object' && 'id' in row ? (row as { id: unknown }).id : '?';
  const detail = error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
  throw new StoreRowError(table, id, detail);
}

export function parseRow<S extends z.ZodType, R>(table: string, spec: RowSpec<S, R>, row: unknown): R;
export function parseRow<S extends z.ZodType>(table: string, spec: S, row: unknown): z.output<S>;
export function parseRow(
  table: string,
  spec: RowSpec<z.ZodType, unknown> | z.ZodType,
  row: unknown,
): unknown {
  if ('map' in spec && spec.fast && row && typeof row === 'object') {
    const quick = spec.fast(row as Record<string, unknown>);
    if (quick !== undefined) return quick;
  }
  const schema = 'map' in spec ? spec.schema : spec;
  const result = schema.safeParse(row);
  if (!result.success) fail(table, row, result.error);
  return 'map' in spec ? spec.map(nullsToUndefined(result.data as object) as never) : result.data;
}

export function parseRows<S extends z.ZodType, R>(
  table: string,
  spec: RowSpec<S, R>,
  rows: readonly unknown[],
): R[];
export function parseRows<S extends z.ZodType>(
  table: string,
  spec: S,
  rows: readonly unknown[],
): z.output<S>[];
export function parseRows(
  table: string,
  spec: RowSpec<z.ZodType, unknown> | z.ZodType,
  rows: readonly unknown[],
): unknown[] {
  return rows.map((r) => parseRow(table, spec as z.ZodType, r));
}

const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const isMinor = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isText = (v: unknown): v is string => typeof v === 'string';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** The `col` checks as plain predicates, for RowSpec.fast. */
export const is = {
  id: isId,
  minor: isMinor,
  date: (v: unknown): v is string => typeof v === 'string' && isCalendarDate(v),
  month: (v: unknown): v is string => typeof v === 'string' && isMonth(v),
  currency: (v: unknown): v is (typeof CURRENCIES)[number] =>
    typeof v === 'string' && (CURRENCIES as readonly string[]).includes(v),
};

const positive = checked(z.number().int().positive(), isId);

/** Column schemas, each with its check as a plain predicate too (see rowSpec). */
export const col = {
  id: positive,
  date: checked(z.string().refine(isCalendarDate, 'not a YYYY-MM-DD date'), is.date),
  month: checked(z.string().refine(isMonth, 'not a YYYY-MM month'), is.month),
  instant: checked(z.string().regex(INSTANT, 'not an ISO instant'), (v) => isText(v) && INSTANT.test(v)),
  minor: checked(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), isMinor),
  currency: checked(z.enum(CURRENCIES), is.currency),
  /** 0 / 1, or null when not given. */
  flag: checked(z.number().int().min(0).max(1).nullable(), (v) => v === null || v === 0 || v === 1),
  /** Any text. */
  text: checked(z.string(), isText),
  /** Text that is not empty. */
  name: checked(z.string().min(1), (v) => isText(v) && v.length > 0),
  /** A whole number from 0. */
  count: checked(z.number().int().min(0), isMinor),
  /** An IANA time zone name. */
  zone: checked(z.string().refine(isTimeZone, 'not a time zone'), (v) => isText(v) && isTimeZone(v)),
  /** A whole number from 1 (a policy's number or version). */
  ordinal: positive,
  /** One of the given words. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => {
    const known: ReadonlySet<unknown> = new Set(values);
    return checked(z.enum(values), (v) => known.has(v));
  },
};

/** A nullable column: null becomes undefined when the row is mapped, which is what the rules take. */
export const opt = <S extends z.ZodType>(s: S) => {
  const test = PREDICATES.get(s);
  const nullable = s.nullable();
  return test ? checked(nullable, (v) => v === null || test(v)) : nullable;
};

export const flagValue = (v: number | undefined): boolean | undefined =>
  v === undefined ? undefined : v === 1;
