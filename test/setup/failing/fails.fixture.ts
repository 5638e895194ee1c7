// Fails on purpose: `test/setup/exit-code.test.ts` runs it through the suite's own global setup and
// expects a non-zero exit. Not matched by the suite's include pattern.
import { expect, it } from 'vitest';

it('fails on purpose', () => {
  expect(1 + 1).toBe(3);
});
