#!/usr/bin/env node
// npm run bench [-- name ...]: runs the benchmarks in bench/ and prints one results table.
import { register } from 'tsx/esm/api';

register();
const { runBenchmarks } = await import('../bench/index.ts');
process.exitCode = await runBenchmarks(process.argv.slice(2));
