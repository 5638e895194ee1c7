// The terminal's "channel": alerts are printed where the shell runs.
import type { Writable } from 'node:stream';
import type { Notifier } from '../../src/alerts/notifier.ts';
import { wordsFor } from '../../src/i18n/index.ts';
import { renderText } from './render.ts';

export function shellPoster(output: Writable, colour: boolean): Notifier {
  return {
    async post(tenant, channel, reply) {
      const words = wordsFor(tenant.locale);
      output.write(`${words.t('shell.alert', { channel })}\n${renderText(reply, { colour, words })}\n`);
    },
  };
}
