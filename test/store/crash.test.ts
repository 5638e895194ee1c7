// Crash safety: a writer killed with SIGKILL loses nothing it had acknowledged, and the SQLite
// file passes its integrity check afterwards.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { expect, it } from 'vitest';
import { tempSqlitePath } from '../support/stores.ts';

const writer = fileURLToPath(new URL('../support/crash-writer.ts', import.meta.url));

it('SIGKILL mid-write: every acknowledged revision survives and integrity_check passes', async () => {
  const path = tempSqlitePath();
  const child = spawn(process.execPath, ['--import', 'tsx', writer, path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: number[] = [];
  let buffer = '';
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve());
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ack (\d+) /.exec(line);
        if (m) acked.push(Number(m[1]));
      }
      if (acked.length >= 300 && !child.killed) child.kill('SIGKILL');
    });
  });
  expect(child.signalCode).toBe('SIGKILL');
  expect(acked.length).toBeGreaterThanOrEqual(300);

  const db = new SQLite(path, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = new Set(
      (db.prepare('select id from sales_revisions').all() as { id: number }[]).map((r) => r.id),
    );
    const lost = acked.filter((id) => !ids.has(id));
    expect(lost).toEqual([]);
    // Nothing half-written: every stored revision is a whole row.
    const broken = db
      .prepare(
        "select count(*) as n from sales_revisions where month is null or amount_minor is null or recorded_by != 'crash'",
      )
      .get() as { n: number };
    expect(broken.n).toBe(0);
  } finally {
    db.close();
  }
});
