// The app manifest declares exactly what the adapter serves and asks for, and is a valid manifest
// by Slack's own published schema (../shared/specs/slack-manifest).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { expect, it } from 'vitest';
import {
  CERTIFICATE_SHORTCUT,
  IMPORT_SHORTCUT,
  REJECTED_SHORTCUT,
  REQUEST_SHORTCUT,
  SLACK_SCOPES,
} from '../../adapters/slack/app.ts';
import { ROOTS } from '../../commands/catalogue.ts';

const manifest = JSON.parse(
  readFileSync(new URL('../../adapters/slack/manifest.json', import.meta.url), 'utf8'),
);

it('declares every root command, the scopes the adapter uses, and the events URL', () => {
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

it('subscribes to the events the adapter handles, with the App Home tab and the proof-request shortcut', () => {
  expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
  expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
    'app_home_opened',
    'app_uninstalled',
    'tokens_revoked',
  ]);
  expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  // Slack allows 24 characters for a shortcut's name: "Record Amazon's proof request" does not fit.
  expect(manifest.features.shortcuts).toEqual([
    expect.objectContaining({
      type: 'message',
      callback_id: REQUEST_SHORTCUT,
      name: 'Record proof request',
    }),
    expect.objectContaining({ type: 'message', callback_id: IMPORT_SHORTCUT, name: 'Import sales report' }),
    expect.objectContaining({
      type: 'message',
      callback_id: CERTIFICATE_SHORTCUT,
      name: 'Check this certificate',
    }),
    expect.objectContaining({
      type: 'message',
      callback_id: REJECTED_SHORTCUT,
      name: 'Decode Amazon rejection',
    }),
  ]);
});

const SCHEMA = fileURLToPath(
  new URL('../../../shared/specs/slack-manifest/schemas/manifest.schema.1.0.0.json', import.meta.url),
);

it("is valid by Slack's manifest schema for its major version", (ctx) => {
  expect(manifest._metadata.major_version).toBe(1);
  if (!existsSync(SCHEMA)) {
    const missing = `Slack's manifest schema not found at ${SCHEMA}`;
    // CI has ../shared/specs beside the clone: there, a missing schema is a broken build, not a skip.
    if (/^(1|true|yes)$/i.test(process.env.CI ?? '')) throw new Error(missing);
    ctx.skip(missing);
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  validate(manifest);
  expect(validate.errors ?? []).toEqual([]);
});
