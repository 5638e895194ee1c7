// Reply -> terminal text. Colour only on a TTY; plain text when piped.
import stringWidth from 'string-width';
import { type Words, wordsFor } from '../../src/i18n/index.ts';
import { alignTable, type Reply, TONE_EMOJI, type Tone } from '../../src/reply.ts';

const COLOUR: Record<Tone, string> = {
  ok: '\x1b[32m',
  warn: '\x1b[33m',
  danger: '\x1b[31m',
  info: '\x1b[36m',
};
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

function table(columns: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const [header = '', ...body] = alignTable({ columns, rows });
  return [header, '─'.repeat(stringWidth(header)), ...body];
}

export function renderText(reply: Reply, opts: { colour?: boolean; words?: Words } = {}): string {
  const w = opts.words ?? wordsFor();
  const c = (code: string, text: string) => (opts.colour ? `${code}${text}${RESET}` : text);
  const out: string[] = [c(BOLD + COLOUR[reply.tone], `${TONE_EMOJI[reply.tone]} ${reply.title}`)];
  for (const f of reply.fields ?? []) out.push(`  ${f.label}: ${f.value}`);
  for (const l of reply.lines ?? []) out.push(`  ${l}`);
  if (reply.table) out.push(...table(reply.table.columns, reply.table.rows).map((l) => `  ${l}`));
  if (reply.preformatted) out.push(...reply.preformatted.split('\n').map((l) => `  ${l}`));
  for (const s of reply.sections ?? []) {
    out.push('', c(BOLD + COLOUR[s.tone ?? 'info'], `${TONE_EMOJI[s.tone ?? 'info']} ${s.heading}`));
    for (const f of s.fields ?? []) out.push(`  ${f.label}: ${f.value}`);
    for (const l of s.lines ?? []) out.push(`  ${l}`);
  }
  // A button elsewhere is a command to type here.
  for (const a of reply.actions ?? []) out.push('', c(BOLD, `  → ${a.label}: /${a.command}`));
  if (reply.citations?.length) {
    out.push('', c(DIM, w.t('reply.rules')));
    for (const cit of reply.citations) out.push(c(DIM, `  ${cit.text}`));
  }
  return out.join('\n');
}
