// PostgreSQL's bulk read takes the server's joined text only when it cannot be misread: exactly as
// many lines as rows, each with exactly one field per column.
import { expect, it } from 'vitest';
import { splitRows } from '../../src/store/db.ts';

const shape = { columns: ['id', 'month', 'amount'], numbers: ['id', 'amount'], orderBy: ['id'] };

it('splits lines into rows and fields, integers as numbers', () => {
  expect(splitRows('1,2026-10,500\n2,2026-11,0', 2, shape)).toEqual([
    [1, '2026-10', 500],
    [2, '2026-11', 0],
  ]);
  expect(splitRows('', 0, shape)).toEqual([]);
});

it('refuses text a separator inside a value or a null has changed', () => {
  // A comma in a value: one field too many.
  expect(splitRows('1,2026,10,500', 1, shape)).toBeUndefined();
  // A newline in a value: one line more than the rows counted, even when each line looks whole.
  expect(splitRows('1,2026-10,500\n2,2026-09,1', 1, shape)).toBeUndefined();
  // A null (concat_ws leaves it out): one field too few.
  expect(splitRows('1,500', 1, shape)).toBeUndefined();
  expect(splitRows('x', 0, shape)).toBeUndefined();
});

it('integers beyond 2^53 come back as numbers the row checks refuse', () => {
  const amount = splitRows('1,2026-10,9007199254740993', 1, shape)?.[0]?.[2];
  expect(typeof amount).toBe('number');
  expect(Number.isSafeInteger(amount)).toBe(false);
});
