// Replay receipts: a signed request is handled once per database (every replica shares it), and
// receipts are cleared by their signed time once the platform's window has refused them anyway.
import { afterEach, describe, expect, it } from 'vitest';
import { firstTime } from '../../src/app/receipts.ts';
import type { Store } from '../../src/store/db.ts';
import { receiptKey } from '../../src/store/receipts.ts';
import { describeEngines, freshStore } from '../support/stores.ts';

describeEngines('replay receipts', (engine) => {
  describe('a signed request', () => {
    const open = () => freshStore(engine);
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const deps = (s: Store) => ({
      store: s,
      now: () => new Date(),
      defaults: { timeZone: 'America/Los_Angeles', alertHour: 9 },
    });

    it('accepts a signed request once, on every connection to the database', async () => {
      store = await open();
      const t = 1_795_000_000;
      const req = { platform: 'slack' as const, timestampS: t, signature: 'v0=abc' };
      const at = new Date(t * 1000);
      expect(await firstTime(deps(store), req, at)).toBe(true);
      expect(await firstTime(deps(store), req, at)).toBe(false);
      // The same signature from the other platform, or signed at another second, is another request.
      expect(await firstTime(deps(store), { ...req, platform: 'discord' }, at)).toBe(true);
      expect(await firstTime(deps(store), { ...req, timestampS: t + 1 }, at)).toBe(true);
    });

    it('requests that arrive together share one statement; of two equal ones only the first is new', async () => {
      store = await open();
      const t = 1_795_000_100;
      const d = deps(store);
      const at = new Date(t * 1000);
      const req = (signature: string) => ({ platform: 'slack' as const, timestampS: t, signature });
      expect(
        await Promise.all([
          firstTime(d, req('a'), at),
          firstTime(d, req('b'), at),
          firstTime(d, req('a'), at),
          firstTime(d, req('c'), at),
        ]),
      ).toEqual([true, true, false, true]);
      // A later batch with a key already stored: refused, the new one accepted.
      expect(await Promise.all([firstTime(d, req('b'), at), firstTime(d, req('d'), at)])).toEqual([
        false,
        true,
      ]);
      const keys = (await store.db.selectFrom('replay_receipts').select('key').execute()).map((r) => r.key);
      expect(keys.sort()).toEqual(['a', 'b', 'c', 'd'].map((x) => receiptKey('slack', t, x)));
    });

    it('clears receipts signed more than ten minutes ago and keeps the rest', async () => {
      store = await open();
      const t = 1_795_000_000;
      const d = deps(store);
      // A fresh store clears on its first claim; these are older than ten minutes before the last claim.
      await firstTime(
        d,
        { platform: 'slack', timestampS: t - 900, signature: 'old' },
        new Date((t - 900) * 1000),
      );
      await firstTime(
        d,
        { platform: 'slack', timestampS: t - 120, signature: 'recent' },
        new Date((t - 120) * 1000),
      );
      await firstTime(d, { platform: 'discord', timestampS: t, signature: 'now' }, new Date(t * 1000));
      // Housekeeping runs beside the request: wait for it.
      await expect
        .poll(async () =>
          (await store!.db.selectFrom('replay_receipts').select('key').execute()).map((r) => r.key),
        )
        .toEqual([receiptKey('slack', t - 120, 'recent'), receiptKey('discord', t, 'now')]);
    });

    it('sorts keys by signed time, whatever the number of digits', () => {
      expect(receiptKey('slack', 999_999_999, 'x') < receiptKey('slack', 1_000_000_000, 'x')).toBe(true);
      expect(() => receiptKey('slack', Number.NaN, 'x')).toThrow(/not a signed timestamp/);
    });
  });
});
