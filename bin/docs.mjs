#!/usr/bin/env node
// npm run docs: regenerates the command reference in docs/user-guide.md from the catalogue.
import { readFileSync, writeFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { withReference } = await import('../commands/reference.ts');
const path = new URL('../docs/user-guide.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withReference(before);
writeFileSync(path, after);
process.stdout.write(
  before === after ? 'docs/user-guide.md: up to date\n' : 'docs/user-guide.md: command reference updated\n',
);
