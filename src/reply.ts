// The platform-neutral answer every command returns. Adapters render it: Block Kit for Slack,
// embeds for Discord, plain text for the terminal. Nothing here knows any platform.
import stringWidth from 'string-width';
import type { Citation, Words } from './i18n/index.ts';

export type Tone = 'ok' | 'warn' | 'danger' | 'info';

export interface Field {
  readonly label: string;
  readonly value: string;
}

export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A titled part of a reply, e.g. one account in `/insurance check`. */
export interface Section {
  readonly heading: string;
  readonly tone?: Tone | undefined;
  readonly fields?: readonly Field[] | undefined;
  readonly lines?: readonly string[] | undefined;
}

/**
 * A button under the answer that runs a command as the member who presses it (Slack button,
 * Discord button; the terminal prints the command to type). The command is checked and permitted
 * exactly as if typed: a button grants nothing.
 */
export interface Action {
  readonly label: string;
  /** Without the slash: "insurance policy confirm 3fa9c1". */
  readonly command: string;
  readonly primary?: boolean | undefined;
}

export interface Reply {
  readonly title: string;
  readonly tone: Tone;
  readonly fields?: readonly Field[] | undefined;
  readonly lines?: readonly string[] | undefined;
  readonly table?: Table | undefined;
  /** A fixed-width block (bar charts): rendered as code on every platform. */
  readonly preformatted?: string | undefined;
  /** A picture (a chart as PNG); `preformatted` stays as its text fallback. */
  readonly image?: { readonly png: Buffer; readonly name: string; readonly alt: string } | undefined;
  readonly sections?: readonly Section[] | undefined;
  /** The rules that decided the answer, with their sources. */
  readonly citations?: readonly Citation[] | undefined;
  /** Buttons: what the member can do next with this answer. */
  readonly actions?: readonly Action[] | undefined;
  /** Shown only to the person who asked (Slack ephemeral, Discord ephemeral). */
  readonly private?: boolean | undefined;
  /**
   * Platform user ids to notify (an alert's account owner). Their mention is also one of `lines`;
   * Discord notifies only from message content, so it moves the mention there.
   */
  readonly notify?: readonly string[] | undefined;
}

export const TONE_EMOJI: Record<Tone, string> = { ok: '✅', warn: '⚠️', danger: '🚨', info: 'ℹ️' };
/** How urgent a tone is: the worst of several decides a whole answer's tone and its notification. */
export const TONE_RANK: Record<Tone, number> = { info: 0, ok: 1, warn: 2, danger: 3 };

/** A reply for bad input: what was wrong, the usage line and an example. Nothing was written. */
export function errorReply(
  problem: string,
  w: Words,
  help: { usage?: string | undefined; example?: string | undefined; lines?: readonly string[] } = {},
): Reply {
  return {
    title: problem,
    tone: 'danger',
    private: true,
    lines: [
      ...(help.lines ?? []),
      ...(help.usage ? [w.t('reply.usage', { usage: help.usage })] : []),
      ...(help.example ? [w.t('reply.example', { example: help.example })] : []),
    ],
  };
}

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits text into pieces of at most `max` characters, at line breaks where possible. */
export function chunkLines(text: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const piece = truncate(line, max);
    if (current && current.length + piece.length + 1 > max) {
      out.push(current);
      current = '';
    }
    current = current ? `${current}\n${piece}` : piece;
  }
  if (current) out.push(current);
  return out;
}

/** Every piece of text in a reply, in reading order: for limits checks and secret scans. */
export function replyText(reply: Reply): string {
  const parts: string[] = [reply.title];
  const fields = (fs?: readonly Field[]) => {
    for (const f of fs ?? []) parts.push(f.label, f.value);
  };
  fields(reply.fields);
  parts.push(...(reply.lines ?? []));
  if (reply.table) parts.push(reply.table.columns.join(' '), ...reply.table.rows.map((r) => r.join(' ')));
  if (reply.preformatted) parts.push(reply.preformatted);
  for (const s of reply.sections ?? []) {
    parts.push(s.heading);
    fields(s.fields);
    parts.push(...(s.lines ?? []));
  }
  for (const c of reply.citations ?? []) parts.push(c.text);
  return parts.join('\n');
}

/**
 * `text` padded with spaces to `width` columns of a monospace font, where a Chinese character
 * takes two columns: `padEnd` counts it as one and the columns after it would not line up.
 */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** A table as lines of text, columns padded to their widest cell: the header first, then the rows. */
export function alignTable(table: Table): string[] {
  const widths = table.columns.map((c, i) =>
    Math.max(stringWidth(c), ...table.rows.map((r) => stringWidth(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => padColumns(c, widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(table.columns), ...table.rows.map(line)];
}
