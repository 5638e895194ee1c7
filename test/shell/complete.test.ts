// Tab completion at the terminal prompt: the pure rule, then the prompt itself (Node's readline in
// terminal mode, keys written to it) completing a command and the team's account name.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, inject, it } from 'vitest';
import { complete } from '../../adapters/shell/complete.ts';
import { runShell } from '../../adapters/shell/repl.ts';
import { harness } from '../support/harness.ts';
import { freshStore } from '../support/stores.ts';

describe('complete', () => {
  it('completes the command, word by word, from the catalogue', () => {
    expect(complete('', [])).toEqual([['/insurance ', '/claim ', 'help', 'exit'], '']);
    expect(complete('/ins', [])).toEqual([['/insurance '], '/ins']);
    expect(complete('/insurance sa', [])).toEqual([['sales '], 'sa']);
    expect(complete('/insurance sales ', [])[0]).toEqual([
      'record ',
      'import ',
      'list ',
      'history ',
      'sync ',
    ]);
    expect(complete('/insurance policy re', [])[0]).toEqual(['remove ', 'read ', 'rejected ']);
    expect(complete('/claim st', [])).toEqual([['status '], 'st']);
    expect(complete('/nothing ', [])).toEqual([[], '']);
  });

  it('then the team’s account names where an account goes, a choice’s values, and unused keys', () => {
    const accounts = ['acme-us', 'acme-uk', '深圳店'];
    expect(complete('/insurance sales record ac', accounts)).toEqual([['acme-us ', 'acme-uk '], 'ac']);
    expect(complete('/insurance sales record 深', accounts)[0]).toEqual(['深圳店 ']);
    // The second positional argument of account add is the marketplace.
    expect(complete('/insurance account add shop-b U', accounts)[0]).toEqual(['US ', 'UK ']);
    expect(complete('/insurance account add shop-b US le', accounts)).toEqual([['legal:'], 'le']);
    // A key already given is not offered again.
    expect(complete('/insurance policy add acme-us effective:2026-01-01 e', accounts)[0]).toEqual([
      'expires:',
    ]);
  });
});

describe('the prompt', () => {
  it('Tab completes a command and an account name the team has', async () => {
    const store = await freshStore('sqlite');
    try {
      const h = harness(store);
      const input = new PassThrough();
      const output = new PassThrough();
      let shown = '';
      output.on('data', (chunk: Buffer) => {
        shown += chunk.toString('utf8');
      });
      const until = async (text: string) => {
        for (let i = 0; i < 200 && !shown.includes(text); i++) await new Promise((r) => setTimeout(r, 10));
        expect(shown).toContain(text);
      };
      const done = runShell({
        deps: h.deps,
        input,
        output,
        interactive: true,
        // In the run's scratch directory, removed when the run ends: never the user's own history.
        historyFile: join(mkdtempSync(join(inject('scratchDir'), 'history-')), 'history'),
      });
      await until('coverwatch> ');
      input.write('/insurance account add acme-us US\r');
      await until('Added acme-us');
      shown = '';
      input.write('/insurance sales rec\t');
      await until('/insurance sales record ');
      input.write('acm\t');
      await until('/insurance sales record acme-us ');
      input.write('2026-10 12000\r');
      await until('Recorded USD 12,000.00 for acme-us in 2026-10');
      input.write('exit\r');
      expect(await done).toBe(0);
    } finally {
      await store.close();
    }
  });
});
