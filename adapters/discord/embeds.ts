// Reply -> Discord messages with embeds, within Discord's limits: title 256, description 4096,
// 25 fields (name 256, value 1024), footer 2048, 6,000 characters over at most 10 embeds per
// message, content 2,000. Long output is split over several messages, never cut silently.
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { type Words, wordsFor } from '../../src/i18n/index.ts';
import {
  alignTable,
  chunkLines,
  truncate as cut,
  type Reply,
  TONE_EMOJI,
  type Tone,
} from '../../src/reply.ts';

export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedsPerMessage: 10,
  charactersPerMessage: 6000,
} as const;

export const TONE_COLOUR: Record<Tone, number> = {
  ok: 0x2e7d32,
  warn: 0xf9a825,
  danger: 0xc62828,
  info: 0x1565c0,
};

export interface DiscordMessage {
  readonly content?: string | undefined;
  readonly embeds: APIEmbed[];
  readonly ephemeral: boolean;
  /** Files attached to the message (a chart), shown in its first embed. */
  readonly files?: readonly { readonly name: string; readonly data: Buffer }[] | undefined;
  /** Buttons under the message (an action row). */
  readonly components?: readonly APIActionRowComponent<APIButtonComponentWithCustomId>[] | undefined;
}

/** A button's custom id: what it runs follows, a command line checked as if typed (100 characters at most). */
export const RUN_ID = 'coverwatch:run:';

const chunks = chunkLines;

const tableText = (columns: readonly string[], rows: readonly (readonly string[])[]) =>
  alignTable({ columns, rows }).join('\n');

/** Code blocks split by whole lines so every piece is still a valid block. */
function codeChunks(text: string, max: number): string[] {
  return chunks(text, max - 8).map((c) => `\`\`\`\n${c}\n\`\`\``);
}

const size = (e: APIEmbed) =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

function embedsFor(reply: Reply, w: Words): APIEmbed[] {
  const colour = TONE_COLOUR[reply.tone];
  const body = [
    ...(reply.lines ?? []),
    ...(reply.table
      ? codeChunks(tableText(reply.table.columns, reply.table.rows), EMBED_LIMITS.description)
      : []),
    ...(reply.preformatted ? codeChunks(reply.preformatted, EMBED_LIMITS.description) : []),
  ].join('\n');
  const descriptions = body ? chunks(body, EMBED_LIMITS.description) : [undefined];
  const fields = (reply.fields ?? []).map((f) => ({
    name: cut(f.label, EMBED_LIMITS.fieldName),
    value: cut(f.value || '—', EMBED_LIMITS.fieldValue),
    inline: true,
  }));
  const embeds: APIEmbed[] = descriptions.map((description, i) => ({
    ...(i === 0 ? { title: cut(`${TONE_EMOJI[reply.tone]} ${reply.title}`, EMBED_LIMITS.title) } : {}),
    ...(description ? { description } : {}),
    color: colour,
    ...(i === 0 && fields.length ? { fields: fields.slice(0, EMBED_LIMITS.fields) } : {}),
  }));
  for (const s of reply.sections ?? []) {
    const lines = chunks((s.lines ?? []).join('\n'), EMBED_LIMITS.description);
    embeds.push({
      title: cut(`${TONE_EMOJI[s.tone ?? 'info']} ${s.heading}`, EMBED_LIMITS.title),
      color: TONE_COLOUR[s.tone ?? 'info'],
      ...(lines[0] ? { description: lines[0] } : {}),
      fields: (s.fields ?? []).slice(0, EMBED_LIMITS.fields).map((f) => ({
        name: cut(f.label, EMBED_LIMITS.fieldName),
        value: cut(f.value || '—', EMBED_LIMITS.fieldValue),
        inline: true,
      })),
    });
    for (const more of lines.slice(1))
      embeds.push({ description: more, color: TONE_COLOUR[s.tone ?? 'info'] });
  }
  const rules = (reply.citations ?? []).map((c) => `📜 ${c.text}`).join('\n');
  for (const [i, part] of chunks(rules, EMBED_LIMITS.description).entries())
    embeds.push({
      ...(i === 0 ? { title: w.t('reply.rules.title') } : {}),
      description: part,
      color: 0x90a4ae,
    });
  return embeds;
}

/** One reply as one or more messages, each within Discord's per-message limits. */
export function toDiscordMessages(reply: Reply, w: Words = wordsFor()): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: APIEmbed[] = [];
  let chars = 0;
  // A mention inside an embed never notifies: the poster puts it in the message content instead.
  const notified = new Set((reply.notify ?? []).map((id) => `<@${id}>`));
  const body = notified.size ? { ...reply, lines: reply.lines?.filter((l) => !notified.has(l)) } : reply;
  for (const embed of embedsFor(body, w)) {
    const n = size(embed);
    if (
      current.length &&
      (current.length >= EMBED_LIMITS.embedsPerMessage || chars + n > EMBED_LIMITS.charactersPerMessage)
    ) {
      messages.push({ embeds: current, ephemeral: Boolean(reply.private) });
      current = [];
      chars = 0;
    }
    current.push(embed);
    chars += n;
  }
  if (current.length) messages.push({ embeds: current, ephemeral: Boolean(reply.private) });
  // A picture goes with the first message, shown in its first embed.
  const first = messages[0];
  if (reply.image && first) {
    const [head, ...tail] = first.embeds;
    // An embed finds its attachment by name only when the name is ASCII letters, digits, . _ -:
    // Discord rewrites the rest, and a chart of account 深圳店 would show as a broken link.
    const name = reply.image.name.replace(/[^A-Za-z0-9._-]+/g, '_');
    messages[0] = {
      ...first,
      embeds: [{ ...head, image: { url: `attachment://${name}` } }, ...tail],
      files: [{ name, data: reply.image.png }],
    };
  }
  // Buttons go under the last message, where the member finishes reading.
  const buttons = (reply.actions ?? []).filter((a) => RUN_ID.length + a.command.length <= 100).slice(0, 5);
  const last = messages.at(-1);
  if (buttons.length && last)
    messages[messages.length - 1] = {
      ...last,
      components: [
        {
          type: ComponentType.ActionRow,
          components: buttons.map((a) => ({
            type: ComponentType.Button,
            style: a.primary ? ButtonStyle.Primary : ButtonStyle.Secondary,
            label: cut(a.label, 80),
            custom_id: `${RUN_ID}${a.command}`,
          })),
        },
      ],
    };
  return messages;
}
