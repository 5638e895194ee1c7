// Downloading a file a member attached to a command: only from Discord's own file hosts (or the
// configured API host, for a local fake), within a size and a time limit. Nothing else is fetched.
import type { Attachment } from '../../src/app/session.ts';

/** Discord serves attachments from these hosts. */
const DISCORD_FILE_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);

export class AttachmentError extends Error {
  override name = 'AttachmentError';
  constructor(readonly problem: 'host' | 'too-big' | 'unavailable') {
    super(problem);
  }
}

export interface AttachmentLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** The configured API URL (DISCORD_API_URL): its host serves files too (a local fake). */
  readonly apiUrl?: string | undefined;
}

export function discordAttachment(
  file: { url: string; name: string; size: number },
  limits: AttachmentLimits,
): Attachment {
  return {
    name: file.name,
    size: file.size,
    async read() {
      const url = new URL(file.url);
      const own = limits.apiUrl ? new URL(limits.apiUrl).host : undefined;
      if (!(url.protocol === 'https:' && DISCORD_FILE_HOSTS.has(url.hostname)) && url.host !== own)
        throw new AttachmentError('host');
      if (file.size > limits.maxBytes) throw new AttachmentError('too-big');
      let res: Response;
      try {
        res = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'error' });
      } catch {
        throw new AttachmentError('unavailable');
      }
      if (!res.ok || !res.body) throw new AttachmentError('unavailable');
      // The size Discord announced is checked again on the bytes themselves, as they arrive.
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of res.body) {
        total += chunk.length;
        if (total > limits.maxBytes) {
          await res.body.cancel().catch(() => undefined);
          throw new AttachmentError('too-big');
        }
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    },
  };
}
