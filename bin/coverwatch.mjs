#!/usr/bin/env node
// Runs coverwatch. `npm ci` compiles the TypeScript to dist/ (the `prepare` script); when dist/ is
// missing or older than a source file (someone is editing), the sources run directly through tsx,
// so there is never a stale build and never a build step between clone and bot.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Output closed early (`coverwatch sweep --dry-run | head`, a closed terminal) ends quietly.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist', 'src', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const fresh =
  existsSync(built) &&
  statSync(built).mtimeMs >=
    Math.max(...['src', 'adapters', 'commands'].map((d) => newestSource(join(root, d))));

let main;
if (fresh) ({ main } = await import('../dist/src/main.js'));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
