// BENCH_CPU_PROF=DIR: the processes under measurement (the Slack servers, each sweep) run with
// `node --cpu-prof`, and write a V8 CPU profile each into DIR when they exit — open it in Chrome
// DevTools (Performance) or VS Code to see where the time went (docs/benchmarks.md).
export function profileFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}
