// Rows read in bulk are checked by plain predicates built from their column schemas, and only a row
// that fails one goes to zod, which names what is wrong. So a predicate may be stricter than its
// zod schema (that row just takes the slow path), never looser: a bad row must never pass unnamed.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountRow } from '../../src/store/accounts.ts';
import { policyRow } from '../../src/store/policies.ts';
import { col, opt, parseRow, type RowSpec, rowSpec } from '../../src/store/rows.ts';

/** Values of every shape a hand-edited column could hold. */
const SAMPLES: unknown[] = [
  null,
  undefined,
  0,
  1,
  -1,
  2,
  1.5,
  2 ** 53,
  Number.NaN,
  '',
  'x',
  'US',
  'general',
  'claims-made',
  'USD',
  '2026-10',
  '2026-13',
  '2026-10-31',
  '2026-02-30',
  '2026-10-31T12:00:00.000Z',
  '2026-10-31 12:00',
  'America/Los_Angeles',
  'Mars/Olympus',
  true,
  {},
  [],
];

const AT = '2026-10-01T00:00:00.000Z';
const ACCOUNT = {
  id: 7,
  tenant_id: 3,
  name: 'shop',
  marketplace: 'US',
  legal_name: 'Shop LLC',
  dba: null,
  owner: 'U1',
  time_zone: 'America/Los_Angeles',
  entity: null,
  created_at: AT,
  created_by: 'U1',
  removed_at: null,
};
const POLICY = {
  id: 9,
  tenant_id: 3,
  account_id: 7,
  number: 1,
  version: 2,
  insurer: 'Insurer Co',
  insurer_rating: 'A',
  policy_number: 'P-1',
  coverage_form: 'general',
  products_completed_ops: 1,
  covers_marketplace: null,
  effective_on: '2026-01-01',
  expires_on: '2027-01-01',
  currency: 'USD',
  per_occurrence_minor: 100_000_000,
  aggregate_minor: 200_000_000,
  products_aggregate_minor: null,
  deductible_minor: 0,
  basis: 'occurrence',
  additional_insured: 'Amazon.com Services LLC',
  certificate_holder: null,
  insured_name: 'Shop LLC',
  cancellation_notice_days: 30,
  uploaded_on: '2026-01-05',
  created_at: AT,
  created_by: 'U1',
  updated_at: AT,
  removed_at: null,
};

type AnySpec = RowSpec<z.ZodType, unknown>;

describe.each([
  ['accounts', accountRow as unknown as AnySpec, ACCOUNT],
  ['policies', policyRow as unknown as AnySpec, POLICY],
] as const)('%s rows', (table, spec, good) => {
  const viaZod = (row: object) => {
    const result = spec.schema.safeParse(row);
    return result.success ? spec.map(nullsOut(result.data as object) as never) : undefined;
  };

  it('have a fast check, and a good row maps as zod would map it', () => {
    expect(spec.fast).toBeTypeOf('function');
    expect(spec.fast!({ ...good })).toEqual(viaZod(good));
    expect(parseRow(table, spec, { ...good })).toEqual(viaZod(good));
  });

  it('never pass a column value zod refuses', () => {
    for (const column of Object.keys(good))
      for (const value of SAMPLES) {
        const row = { ...good, [column]: value };
        const zodAccepts = spec.schema.safeParse(row).success;
        const fastAccepts = spec.fast!(row) !== undefined;
        if (fastAccepts) expect({ column, value, zodAccepts }).toEqual({ column, value, zodAccepts: true });
      }
  });
});

it('a policy ending before it starts is refused by the fast check too', () => {
  const row = { ...POLICY, expires_on: '2025-12-31' };
  expect(policyRow.fast!(row)).toBeUndefined();
  expect(() => parseRow('policies', policyRow, row)).toThrow(/expires_on must be after effective_on/);
});

it('a row rule only zod knows, or a column without a predicate, leaves the row to zod', () => {
  const ruled = rowSpec(
    z.object({ a: col.id, b: col.id }).refine((r) => r.a < r.b),
    (r) => r,
  );
  expect(ruled.fast).toBeUndefined();
  const plain = rowSpec(z.object({ a: col.id, b: z.string().email() }), (r) => r);
  expect(plain.fast).toBeUndefined();
  const known = rowSpec(z.object({ a: col.id, b: opt(col.text) }), (r) => r);
  expect(known.fast!({ a: 1, b: null })).toEqual({ a: 1, b: undefined });
});

it('every column predicate is as strict as its zod schema', () => {
  const columns = {
    ...Object.fromEntries(Object.entries(col).filter(([, s]) => typeof s !== 'function')),
    oneOf: col.oneOf(['general', 'umbrella']),
  } as Record<string, z.ZodType>;
  for (const [name, schema] of [
    ...Object.entries(columns),
    ...Object.entries(columns).map(([n, s]) => [`opt(${n})`, opt(s)] as const),
  ]) {
    const spec = rowSpec(z.object({ v: schema }), (r) => r);
    expect(spec.fast, name).toBeTypeOf('function');
    for (const value of SAMPLES)
      if (spec.fast!({ v: value }) !== undefined)
        expect({ name, value, zod: schema.safeParse(value).success }).toEqual({ name, value, zod: true });
  }
});

function nullsOut(row: object): object {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? undefined : v]));
}
