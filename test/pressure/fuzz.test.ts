// Arbitrary input never crashes the bot, never writes from invalid input, and always gets a reply:
// random text through the Slack/terminal parser, random option values through the Discord mapping.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argsFromOptions, type RawOption } from '../../adapters/discord/options.ts';
import { CATALOGUE } from '../../commands/catalogue.ts';
import { runCommand, runText } from '../../commands/run.ts';
import { argsOf, type CommandContext } from '../../commands/spec.ts';
import type { Store } from '../../src/store/db.ts';
import { type Harness, harness } from '../support/harness.ts';
import { freshStore } from '../support/stores.ts';

let store: Store;
let h: Harness;
let ctx: CommandContext;

beforeAll(async () => {
  store = await freshStore('sqlite');
  h = harness(store);
  ctx = await h.context({ tenant: 'T-fuzz' });
  await h.run(ctx, '/insurance account add acme-us US');
  await h.run(ctx, '/claim open acme-us AZ-1 650 2026-11-18');
});
afterAll(() => store.close());

const WORDS = [
  ...new Set(CATALOGUE.flatMap((c) => c.path.slice(1))),
  'acme-us',
  'AZ-1',
  '2026-10',
  '2026-10-31',
  '12,480.50',
  '-5',
  '1e9',
  '9'.repeat(30),
  'as-of:',
  'legal:"',
  '“quoted”',
  '<@U1|x>',
  '<#C1>',
  '<@&12>',
  '\u0000',
  '💥',
  'DROP TABLE accounts;--',
  "'",
  '"',
  ':',
];
const token = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const line = fc.array(token, { maxLength: 8 }).map((t) => t.join(' '));

describe('fuzzing', () => {
  it('random command text always gets a reply; an error reply never comes with a write', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('insurance', 'claim'), line, async (root, text) => {
        const before = await h.counts();
        const reply = await runText(ctx, root, text);
        expect(typeof reply.title).toBe('string');
        expect(reply.title.length).toBeGreaterThan(0);
        if (reply.tone === 'danger' && reply.private) expect(await h.counts()).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('random Discord option values get an answer, and a failure stores nothing', async () => {
    const option: fc.Arbitrary<RawOption> = fc.record({
      name: fc.oneof(
        fc.constantFrom(...new Set(CATALOGUE.flatMap((c) => argsOf(c).map((a) => a.name)))),
        fc.string({ maxLength: 8 }),
      ),
      type: fc.integer({ min: 1, max: 11 }),
      value: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(undefined),
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CATALOGUE),
        fc.array(option, { maxLength: 6 }),
        async (spec, options) => {
          const before = await h.counts();
          const outcome = await runCommand(ctx, spec, argsFromOptions(spec, options));
          expect(outcome.reply.title.length).toBeGreaterThan(0);
          expect(outcome.reply.title).not.toMatch(/Something went wrong/);
          if (outcome.failed) expect(await h.counts()).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});
