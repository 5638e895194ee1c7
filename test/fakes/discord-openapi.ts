// Validates the request bodies the bot sends against Discord's official OpenAPI description
// (../shared/specs/discord-openapi.json), so the fake cannot drift from the real API.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { DiscordRequest } from './discord.ts';

export const SPEC_PATH = fileURLToPath(
  new URL('../../../shared/specs/discord-openapi.json', import.meta.url),
);

const ROUTES: [string, RegExp, string][] = [
  [
    'POST',
    /^\/interactions\/\d+\/[^/]+\/callback$/,
    '/interactions/{interaction_id}/{interaction_token}/callback',
  ],
  [
    'PATCH',
    /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/,
    '/webhooks/{webhook_id}/{webhook_token}/messages/@original',
  ],
  ['POST', /^\/webhooks\/\d+\/[^/]+$/, '/webhooks/{webhook_id}/{webhook_token}'],
  ['POST', /^\/channels\/\d+\/messages$/, '/channels/{channel_id}/messages'],
  [
    'PUT',
    /^\/applications\/\d+\/guilds\/\d+\/commands$/,
    '/applications/{application_id}/guilds/{guild_id}/commands',
  ],
  ['PUT', /^\/applications\/\d+\/commands$/, '/applications/{application_id}/commands'],
];

export type BodyValidator = (r: DiscordRequest) => string[] | undefined;

/** A validator, or undefined (with the reason) when the spec is not beside the project. */
export function openApiValidator(): { validate?: BodyValidator; missing?: string } {
  if (!existsSync(SPEC_PATH)) return { missing: `Discord's OpenAPI spec not found at ${SPEC_PATH}` };
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: object }> } }>>;
    components: object;
  };
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: 'discord', components: spec.components });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const validate: BodyValidator = (r) => {
    const route = ROUTES.find(([m, re]) => m === r.method && re.test(r.path));
    if (!route) return undefined;
    const key = `${route[0]} ${route[2]}`;
    let check = compiled.get(key);
    if (!check) {
      const schema =
        spec.paths[route[2]]?.[route[0].toLowerCase()]?.requestBody?.content['application/json']?.schema;
      if (!schema) return [`no request schema for ${key}`];
      // Rebase local references (#/components/…) onto the registered components document.
      const rebased = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/', '"discord#/components/'),
      );
      check = ajv.compile(rebased);
      compiled.set(key, check);
    }
    if (check(r.body)) return [];
    return (check.errors ?? []).slice(0, 5).map((e) => `${key}: ${e.instancePath || 'body'} ${e.message}`);
  };
  return { validate };
}
