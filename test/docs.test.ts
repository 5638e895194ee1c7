// The user guide documents every command; the environment example documents every variable.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CATALOGUE } from '../commands/catalogue.ts';
import { withReference } from '../commands/reference.ts';
import { usage } from '../commands/spec.ts';
import { wordsFor } from '../src/i18n/index.ts';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

it('docs/user-guide.md shows every command with its current usage line', () => {
  const guide = read('docs/user-guide.md');
  for (const spec of CATALOGUE) {
    expect(guide, spec.path.join(' ')).toContain(`### \`/${spec.path.join(' ')}\``);
    expect(guide, spec.path.join(' ')).toContain(usage(spec));
  }
  expect(guide === withReference(guide), 'the command reference is out of date: run npm run docs').toBe(true);
});

it('docs/user-guide.zh-CN.md: the guide in Chinese, with every command in its reference', () => {
  const guide = read('docs/user-guide.zh-CN.md');
  for (const spec of CATALOGUE) expect(guide, spec.path.join(' ')).toContain(usage(spec));
  expect(guide).toContain('产品责任险');
  expect(guide === withReference(guide, wordsFor('zh-CN')), 'run npm run docs').toBe(true);
});

it('the README opens with the two commands: install-and-run, and npm test', () => {
  const lines = read('README.md').split('\n');
  const block = lines.slice(lines.indexOf('```sh') + 1, lines.indexOf('```', lines.indexOf('```sh') + 1));
  expect(block[0]).toMatch(/^npm ci && npm start\b/);
  expect(block[1]).toMatch(/^npm test\b/);
});
