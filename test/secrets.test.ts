// Secrets at rest: Slack installation tokens are sealed with AES-256-GCM under COVERWATCH_SECRET_KEY
// and never reach the database file in clear; keys rotate; the database is its owner's alone.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchInstallation, saveInstallation } from '../src/app/installations.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { parseSecretKey, SecretKeyError, sealer } from '../src/secrets.ts';
import { openStore } from '../src/store/db.ts';
import { coverwatch } from './support/cli.ts';
import { tempSqlitePath } from './support/stores.ts';

const TOKEN = 'xoxb-1111-2222-very-secret-token';
const installation = { team: { id: 'T-SEAL' }, bot: { token: TOKEN, userId: 'UBOT', id: 'BBOT' } };

describe('sealing', () => {
  it('round-trips, with a fresh nonce every time, and names the key it used', () => {
    const s = sealer(randomBytes(32));
    const a = s.seal('hello');
    const b = s.seal('hello');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^aes256gcm:[0-9a-f]{8}:/);
    expect(s.open(a)).toBe('hello');
    expect(s.open('{"plain":"json"}')).toBe('{"plain":"json"}');
    expect(s.stale(a)).toBe(false);
    expect(s.stale('{"plain":"json"}')).toBe(true);
  });

  it('refuses a tampered value and a value sealed with an unknown key', () => {
    const s = sealer(randomBytes(32));
    const sealed = s.seal('hello');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[4]!, 'base64');
    body[0]! ^= 1;
    parts[4] = body.toString('base64');
    expect(() => s.open(parts.join(':'))).toThrow();
    expect(() => sealer(randomBytes(32)).open(sealed)).toThrow(SecretKeyError);
  });

  it('reads keys as base64 or hex, and nothing shorter than 32 bytes', () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(() => parseSecretKey(randomBytes(16).toString('base64'))).toThrow(/32 random bytes/);
  });

  it('is required with OAuth installs, and a malformed one is named', () => {
    const oauth = {
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret',
      SLACK_SIGNING_SECRET: 'signing-secret',
    };
    expect(() => loadConfig(oauth)).toThrow(ConfigError);
    expect(() => loadConfig(oauth)).toThrow(/COVERWATCH_SECRET_KEY: is required with OAuth installs/);
    expect(() => loadConfig({ ...oauth, COVERWATCH_SECRET_KEY: 'short' })).toThrow(
      /COVERWATCH_SECRET_KEY: must be 32 random bytes/,
    );
    const config = loadConfig({ ...oauth, COVERWATCH_SECRET_KEY: randomBytes(32).toString('base64') });
    expect(config.secretKeys?.current).toHaveLength(32);
  });
});

describe('at rest', () => {
  it('the database file and its log never hold the token in clear; the directory and file are the owner’s', async () => {
    const path = join(tempSqlitePath(), '..', 'private', 'coverwatch.sqlite');
    const store = await openStore(path);
    try {
      const deps = {
        store,
        now: () => new Date(),
        defaults: { timeZone: 'UTC', alertHour: 9 },
        sealer: sealer(randomBytes(32)),
      };
      await saveInstallation(deps, 'T:T-SEAL', { teamId: 'T-SEAL' }, installation);
      expect(await fetchInstallation(deps, 'T:T-SEAL')).toEqual(installation);
      const raw = Buffer.concat([readFileSync(path), readFileSync(`${path}-wal`)]).toString('latin1');
      expect(raw).not.toContain(TOKEN);
      expect(raw).toContain('aes256gcm:');
      expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it('coverwatch secrets rotate seals every stored token with the new key', async () => {
    const path = tempSqlitePath();
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const store = await openStore(path);
    const deps = { store, now: () => new Date(), defaults: { timeZone: 'UTC', alertHour: 9 } };
    try {
      await saveInstallation(
        { ...deps, sealer: sealer(oldKey) },
        'T:T-SEAL',
        { teamId: 'T-SEAL' },
        installation,
      );
      await saveInstallation(deps, 'T:T-PLAIN', { teamId: 'T-PLAIN' }, installation); // stored before keys were set
    } finally {
      await store.close();
    }
    const r = await coverwatch(['secrets', 'rotate'], '', {
      DATABASE_URL: path,
      COVERWATCH_SECRET_KEY: newKey.toString('base64'),
      COVERWATCH_SECRET_KEY_PREVIOUS: oldKey.toString('hex'),
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'sealed 2 of 2 Slack installation(s) with the current key\nsealed 0 of 0 Amazon refresh token(s) with the current key\n',
    );
    const after = await openStore(path);
    try {
      const onlyNew = { ...deps, store: after, sealer: sealer(newKey) };
      expect(await fetchInstallation(onlyNew, 'T:T-SEAL')).toEqual(installation);
      expect(await fetchInstallation(onlyNew, 'T:T-PLAIN')).toEqual(installation);
      await expect(fetchInstallation({ ...onlyNew, sealer: sealer(oldKey) }, 'T:T-SEAL')).rejects.toThrow(
        SecretKeyError,
      );
    } finally {
      await after.close();
    }
  });
});
