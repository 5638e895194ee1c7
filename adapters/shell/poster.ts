// The terminal's "channel": alerts are printed where the shell runs.
import type { Writable } from 'node:stream';
import type { Notifier } from '../../src/alerts/notifier.ts';
import { renderText } from './render.ts';

export function shellPoster(output: Writable, colour: boolean): Notifier {
  return {
    async post(_tenant, channel, reply) {
      output.write(`📣 alert → ${channel}\n${renderText(reply, { colour })}\n`);
    },
  };
}
