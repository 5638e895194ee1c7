#!/usr/bin/env node
// npm run docs: regenerates the command reference in docs/user-guide.md and its Chinese twin
// docs/user-guide.zh-CN.md from the catalogue, each in its language.
import { readFileSync, writeFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { withReference } = await import('../commands/reference.ts');
const { wordsFor } = await import('../src/i18n/index.ts');
for (const [file, locale] of [
  ['user-guide.md', 'en'],
  ['user-guide.zh-CN.md', 'zh-CN'],
]) {
  const path = new URL(`../docs/${file}`, import.meta.url);
  const before = readFileSync(path, 'utf8');
  const after = withReference(before, wordsFor(locale));
  writeFileSync(path, after);
  process.stdout.write(
    before === after ? `docs/${file}: up to date\n` : `docs/${file}: command reference updated\n`,
  );
}
