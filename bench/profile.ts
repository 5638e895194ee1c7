// Node flags for the processes under measurement (the Slack servers, each sweep).
// BENCH_CPU_PROF=DIR: they run with `node --cpu-prof`, and write a V8 CPU profile each into DIR when
// they exit — open it in Chrome DevTools (Performance) or VS Code to see where the time went
// (docs/benchmarks.md).
// BENCH_HEAP_MB=N: they run with `--max-old-space-size=N`, a heap capped as Node caps it by itself
// under a container's memory limit (which also shrinks the young generation; this flag does not):
// what the peak memory is with a heap that is collected sooner.
export function childFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  const heap = heapMb();
  return [
    ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []),
    ...(heap ? [`--max-old-space-size=${heap}`] : []),
  ];
}

/** How the measured processes' heap is sized, for a row's name: '' when Node chose it. */
export function heapNote(): string {
  const heap = heapMb();
  return heap ? `, heap capped at ${heap} MB` : '';
}

/** BENCH_HEAP_MB, checked: undefined when unset. */
function heapMb(): string | undefined {
  const heap = process.env.BENCH_HEAP_MB;
  if (heap !== undefined && !/^[1-9]\d*$/.test(heap))
    throw new Error(`BENCH_HEAP_MB must be a whole number of megabytes, e.g. 256 (got "${heap}")`);
  return heap;
}
