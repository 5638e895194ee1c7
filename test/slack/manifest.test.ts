// The app manifest declares exactly what the adapter serves and asks for.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { SLACK_SCOPES } from '../../adapters/slack/app.ts';
import { ROOTS } from '../../commands/catalogue.ts';

it('declares every root command, the scopes the adapter uses, and the events URL', () => {
  const manifest = JSON.parse(
    readFileSync(new URL('../../adapters/slack/manifest.json', import.meta.url), 'utf8'),
  );
  const commands = manifest.features.slash_commands as {
    command: string;
    url: string;
    should_escape: boolean;
    description: string;
  }[];
  expect(commands.map((c) => c.command)).toEqual(ROOTS.map((r) => `/${r}`));
  for (const c of commands) {
    expect(c.url).toMatch(/\/slack\/events$/);
    // Escaped mentions (<@U123|name>) are what the argument parser reads.
    expect(c.should_escape).toBe(true);
    expect(c.description.length).toBeLessThanOrEqual(100);
  }
  expect(manifest.oauth_config.scopes.bot).toEqual(SLACK_SCOPES);
  expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
});
