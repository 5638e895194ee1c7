import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from '../src/config.ts';
import { createLogger } from '../src/log.ts';

describe('config', () => {
  it('runs with nothing set: SQLite under ./data, no Slack, no Discord', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      databaseUrl: './data/coverwatch.sqlite',
      alertCron: '0 * * * *',
      alertHour: 9,
    });
    expect(c.slack).toBeUndefined();
    expect(c.discord).toBeUndefined();
  });

  it('names the bad variable, never its value', () => {
    const secret = 'xoxb-very-secret-token';
    let message = '';
    try {
      loadConfig({ SLACK_BOT_TOKEN: secret, ALERT_HOUR: '25', DEFAULT_TIME_ZONE: 'Mars/Olympus' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('ALERT_HOUR');
    expect(message).toContain('DEFAULT_TIME_ZONE');
    expect(message).toContain('SLACK_SIGNING_SECRET');
    expect(message).not.toContain(secret);
  });

  it('every variable the code reads is documented in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const used = [...source.matchAll(/^\s{4}([A-Z][A-Z_]+):/gm)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const name of used) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it('logs never carry secrets, by field or inside text', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1234567890',
      SLACK_SIGNING_SECRET: 'sign-abcdef123',
      DISCORD_TOKEN: 'discord.token.value',
    });
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger({ secrets: secretsOf(config), destination: sink });
    log.info({ slack: { botToken: 'xoxb-1234567890' } }, 'starting');
    log.error(`request failed with token discord.token.value and sign-abcdef123`);
    log.info({ config }, 'config');
    const out = lines.join('');
    expect(lines).toHaveLength(3);
    for (const s of secretsOf(config)) expect(out).not.toContain(s);
    expect(out).toContain('[secret]');
  });
});
