// A file shared in Slack, read for a command (the "Import sales report" shortcut): its details from
// files.info, its bytes from Slack's own file host with the bot token, within a size and a time
// limit. Nothing is fetched from anywhere else.
import type { WebClient } from '@slack/web-api';
import type { Attachment } from '../../src/app/session.ts';

/** Slack serves private files from this host. */
const SLACK_FILE_HOST = 'files.slack.com';

export interface SlackFileLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** SLACK_API_URL, if set: its host serves files too (a local fake). */
  readonly apiUrl?: string | undefined;
}

/** The shared file as an attachment, or undefined when Slack does not know it (or it is not ours to read). */
export async function slackAttachment(
  client: WebClient,
  fileId: string,
  limits: SlackFileLimits,
): Promise<Attachment | undefined> {
  const info = await client.files.info({ file: fileId }).catch(() => undefined);
  const file = info?.file as { name?: string; size?: number; url_private_download?: string } | undefined;
  if (!file?.url_private_download) return undefined;
  const name = file.name ?? fileId;
  const size = file.size ?? 0;
  const source = file.url_private_download;
  return {
    name,
    size,
    async read() {
      const url = new URL(source);
      const own = limits.apiUrl ? new URL(limits.apiUrl).host : undefined;
      if (!(url.protocol === 'https:' && url.hostname === SLACK_FILE_HOST) && url.host !== own)
        throw new Error('host');
      if (size > limits.maxBytes) throw new Error('too big');
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${client.token}` },
        signal: AbortSignal.timeout(limits.timeoutMs),
        redirect: 'error',
      }).catch(() => undefined);
      if (!res?.ok || !res.body) throw new Error('unavailable');
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of res.body) {
        total += chunk.length;
        if (total > limits.maxBytes) {
          await res.body.cancel().catch(() => undefined);
          throw new Error('too big');
        }
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    },
  };
}
