// Reply -> Block Kit, within Slack's limits: at most 50 blocks, header 150 characters, section text
// 3,000, at most 10 fields of 2,000, context of 10 elements; and a total kept well under the size
// where Slack answers msg_blocks_too_long. What does not fit is named, never dropped silently.
import { type Words, wordsFor } from '../../src/i18n/index.ts';
import type { Field, Reply, Section } from '../../src/reply.ts';
import { alignTable, TONE_EMOJI, TONE_RANK, truncate } from '../../src/reply.ts';

export const LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  /** Slack rejects messages whose blocks carry much more than this (msg_blocks_too_long). */
  totalBlockText: 11_000,
  fallbackText: 500,
} as const;

// Slack's documented blocks, only the parts we send.
export type TextObject = { type: 'mrkdwn' | 'plain_text'; text: string; emoji?: boolean };
export type Block =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text?: TextObject; fields?: TextObject[]; block_id?: string }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'actions'; elements: Button[] }
  | { type: 'divider' };
export type Button = {
  type: 'button';
  action_id: string;
  text: TextObject;
  value: string;
  style?: 'primary';
};

/** A button's action id: what it runs is its value, a command line checked as if typed. */
export const RUN_ACTION = 'coverwatch_run';

/**
 * Escapes &, < and > as Slack asks, keeping only member and channel mentions (<@U1>, <#C1>).
 * Special mentions (<!channel>, <!here>, <!subteam^…>) and disguised links (<url|label>) from user
 * text become plain text: they never ping a channel or hide where a link goes.
 */
export function escapeMrkdwn(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text
    .split(/(<@[UW][A-Z0-9]+>|<#C[A-Z0-9]+(?:\|[^<>]*)?>)/)
    .map((part, i) =>
      i % 2 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    )
    .join('');
}

function mrkdwn(text: string, max: number = LIMITS.sectionText): TextObject {
  return { type: 'mrkdwn', text: truncate(text, max) };
}

function fieldBlocks(fields: readonly Field[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fields)
    out.push({
      type: 'section',
      fields: fields
        .slice(i, i + LIMITS.fields)
        .map((f) => mrkdwn(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, LIMITS.fieldText)),
    });
  return out;
}

/** Lines as sections of at most 3,000 characters each. */
function lineBlocks(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  let current = '';
  for (const raw of lines) {
    const line = escapeMrkdwn(raw);
    if (current && current.length + line.length + 1 > LIMITS.sectionText) {
      out.push({ type: 'section', text: mrkdwn(current) });
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push({ type: 'section', text: mrkdwn(current) });
  return out;
}

function codeBlock(text: string): Block {
  return {
    type: 'section',
    text: mrkdwn(`\`\`\`${truncate(escapeMrkdwn(text), LIMITS.sectionText - 6)}\`\`\``),
  };
}

const tableText = (columns: readonly string[], rows: readonly (readonly string[])[]) =>
  alignTable({ columns, rows }).join('\n');

function sectionBlocks(s: Section): Block[] {
  return [
    { type: 'divider' },
    { type: 'section', text: mrkdwn(`${TONE_EMOJI[s.tone ?? 'info']} *${escapeMrkdwn(s.heading)}*`) },
    ...fieldBlocks(s.fields ?? []),
    ...lineBlocks(s.lines ?? []),
  ];
}

const blockText = (b: Block): number =>
  b.type === 'divider'
    ? 0
    : b.type === 'context'
      ? b.elements.reduce((n, e) => n + e.text.length, 0)
      : b.type === 'actions'
        ? b.elements.reduce((n, e) => n + e.text.text.length + e.value.length, 0)
        : b.type === 'header'
          ? b.text.text.length
          : (b.text?.text.length ?? 0) + (b.fields ?? []).reduce((n, f) => n + f.text.length, 0);

export function toBlocks(reply: Reply, w: Words = wordsFor()): Block[] {
  const head: Block[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(`${TONE_EMOJI[reply.tone]} ${reply.title}`, LIMITS.headerText),
        emoji: true,
      },
    },
    ...fieldBlocks(reply.fields ?? []),
    ...lineBlocks(reply.lines ?? []),
  ];
  if (reply.table) {
    // Long tables paginate into several code blocks of whole rows.
    const rows = reply.table.rows;
    let start = 0;
    while (start < rows.length || start === 0) {
      let end = start;
      while (
        end < rows.length &&
        tableText(reply.table.columns, rows.slice(start, end + 1)).length < LIMITS.sectionText - 20
      )
        end++;
      head.push(codeBlock(tableText(reply.table.columns, rows.slice(start, Math.max(end, start + 1)))));
      start = Math.max(end, start + 1);
      if (start >= rows.length) break;
    }
  }
  if (reply.preformatted) head.push(codeBlock(reply.preformatted));

  const citations: Block[] = [];
  const cites = reply.citations ?? [];
  for (let i = 0; i < cites.length; i += LIMITS.contextElements)
    citations.push({
      type: 'context',
      elements: cites
        .slice(i, i + LIMITS.contextElements)
        .map((c) => mrkdwn(`:scroll: ${escapeMrkdwn(c.text)}`, LIMITS.contextText)),
    });

  // Buttons (at most 5 to a block, labels of 75) are kept, like the citations.
  const actions: Block[] = reply.actions?.length
    ? [
        {
          type: 'actions',
          elements: reply.actions.slice(0, 5).map((a, i) => ({
            type: 'button',
            action_id: `${RUN_ACTION}_${i}`,
            text: { type: 'plain_text', text: truncate(a.label, 75) },
            value: truncate(a.command, 2000),
            ...(a.primary ? { style: 'primary' as const } : {}),
          })),
        },
      ]
    : [];
  const reserved = [...citations, ...actions];

  // Sections go in while they fit; the rest are counted in a closing note.
  const blocks = [...head];
  const budget = LIMITS.totalBlockText - [...head, ...reserved].reduce((n, b) => n + blockText(b), 0);
  let used = 0;
  const sections = reply.sections ?? [];
  let shown = 0;
  for (const s of sections) {
    const part = sectionBlocks(s);
    const size = part.reduce((n, b) => n + blockText(b), 0);
    if (blocks.length + part.length + reserved.length + 1 > LIMITS.blocks || used + size > budget) break;
    blocks.push(...part);
    used += size;
    shown++;
  }
  if (shown < sections.length)
    blocks.push({
      type: 'context',
      elements: [mrkdwn(escapeMrkdwn(w.t('reply.more-sections', { count: sections.length - shown })))],
    });
  for (const c of [...actions, ...citations]) if (blocks.length < LIMITS.blocks) blocks.push(c);
  return blocks.slice(0, LIMITS.blocks);
}

/** The first line of the first section of the worst tone; prefixed by its heading when there are several. */
function mostUrgentLine(sections: readonly Section[] | undefined): string | undefined {
  let pick: Section | undefined;
  for (const s of sections ?? [])
    if (s.lines?.length && (!pick || TONE_RANK[s.tone ?? 'info'] > TONE_RANK[pick.tone ?? 'info'])) pick = s;
  if (!pick) return undefined;
  return sections!.length > 1 && pick.heading ? `${pick.heading}: ${pick.lines![0]}` : pick.lines![0];
}

/** The plain-text fallback Slack shows in notifications and where blocks cannot render. */
export function fallbackText(reply: Reply): string {
  // Notifications show a line or two; the blocks carry the rest. Title, then the first line of
  // substance: of several sections, the most urgent one's, named, so a team check with an overdue
  // account never notifies with the first (perhaps fine) account's reason.
  const first =
    reply.lines?.[0] ??
    mostUrgentLine(reply.sections) ??
    reply.fields?.map((f) => `${f.label}: ${f.value}`).join(', ');
  // The fallback drives notifications: escaped like the blocks, so user text cannot ping.
  return truncate(
    escapeMrkdwn([`${TONE_EMOJI[reply.tone]} ${reply.title}`, first].filter(Boolean).join('\n')),
    LIMITS.fallbackText,
  );
}

export function toMessage(reply: Reply, w: Words = wordsFor()): { text: string; blocks: Block[] } {
  return { text: fallbackText(reply), blocks: toBlocks(reply, w) };
}
