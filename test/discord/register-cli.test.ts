// `coverwatch discord register` against the fake Discord: compares first, writes only changes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { APP_ID, FakeDiscord, GUILD_ID } from '../fakes/discord.ts';
import { coverwatch } from '../support/cli.ts';
import { tempSqlitePath } from '../support/stores.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
});
afterAll(() => fake?.stop());

it('registers for one server, then finds nothing to write', async () => {
  const env = {
    DATABASE_URL: tempSqlitePath(),
    DISCORD_TOKEN: 'cli-token-123456',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
  };
  const first = await coverwatch(['discord', 'register', '--guild', GUILD_ID], '', env);
  expect(first.stderr).toBe('');
  expect(first.stdout).toBe(`server ${GUILD_ID}: registered 2 commands\n`);
  const second = await coverwatch(['discord', 'register', '--guild', GUILD_ID], '', env);
  expect(second.stdout).toBe(`server ${GUILD_ID}: already up to date, nothing written\n`);
  expect(fake.find('PUT', /commands$/)).toHaveLength(1);
  expect(fake.find('GET', /commands$/)).toHaveLength(2);
  const missing = await coverwatch(['discord', 'register'], '', { DATABASE_URL: tempSqlitePath() });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('DISCORD_TOKEN and DISCORD_APPLICATION_ID');
});
