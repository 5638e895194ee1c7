#!/usr/bin/env node
// Runs coverwatch's TypeScript directly (tsx), so there is no build step between clone and bot.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
