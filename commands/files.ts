// A file a command is given: a path names a file on the machine coverwatch runs on, so only its
// operator, at the terminal, may name one; in Discord the file attached to the command, in Slack
// the file of the message a shortcut was used on (each downloaded from the platform's own file host
// with a size and time limit). Every file is refused over `MAX_FILE_MB`, before it is read.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../src/app/errors.ts';
import type { MessageId } from '../src/i18n/index.ts';
import type { CommandContext } from './spec.ts';

/** A report of two years by day is about 200 KB, a certificate under 1 MB, a scan a few MB. */
export const MAX_FILE_MB = 5;

const tooBig = (path: string, size: number) =>
  new UserError(
    'error.import.too-big',
    { path, size: (size / 1024 / 1024).toFixed(1), max: MAX_FILE_MB },
    { field: 'file' },
  );

/**
 * The bytes of the file a command names. `missing` says how to hand the file over where it is not
 * attached (a slash command in Slack carries no file).
 */
export async function fileOf(
  ctx: CommandContext,
  file: string,
  missing: MessageId,
): Promise<{ bytes: Buffer; name: string }> {
  if (ctx.platform === 'shell') return { bytes: await readLocal(file), name: basename(file) };
  const attachment = ctx.attachments?.get(file);
  if (!attachment) throw new UserError(missing, {}, { field: 'file' });
  if (attachment.size > MAX_FILE_MB * 1024 * 1024) throw tooBig(attachment.name, attachment.size);
  try {
    return { bytes: await attachment.read(), name: attachment.name };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new UserError('error.import.unreadable', { path: attachment.name, reason }, { field: 'file' });
  }
}

async function readLocal(path: string): Promise<Buffer> {
  try {
    const { size } = await stat(path);
    if (size > MAX_FILE_MB * 1024 * 1024) throw tooBig(path, size);
    return await readFile(path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const reason = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
    throw new UserError('error.import.unreadable', { path, reason }, { field: 'file' });
  }
}
