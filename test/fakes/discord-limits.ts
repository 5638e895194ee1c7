// Discord's message limits (PLATFORMS.md), checked on every body the fake receives that can carry a
// message: interaction callbacks, edits, follow-ups and channel messages.
type Embed = {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
};

export function discordMessageViolations(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const b = body as { type?: number; data?: unknown; content?: unknown; embeds?: unknown };
  // Interaction callbacks wrap the message in `data`.
  const message = (typeof b.type === 'number' && b.data ? b.data : b) as {
    content?: unknown;
    embeds?: Embed[];
  };
  const problems: string[] = [];
  if (typeof message.content === 'string' && message.content.length > 2000)
    problems.push(`content ${message.content.length} > 2000`);
  const embeds = message.embeds ?? [];
  if (!Array.isArray(embeds)) return ['embeds is not an array'];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds > 10`);
  let total = 0;
  embeds.forEach((e, i) => {
    const at = `embed ${i}`;
    if ((e.title?.length ?? 0) > 256) problems.push(`${at}: title > 256`);
    if ((e.description?.length ?? 0) > 4096) problems.push(`${at}: description > 4096`);
    if ((e.fields?.length ?? 0) > 25) problems.push(`${at}: ${e.fields!.length} fields > 25`);
    for (const f of e.fields ?? []) {
      if (f.name.length > 256) problems.push(`${at}: field name > 256`);
      if (f.value.length > 1024) problems.push(`${at}: field value > 1024`);
      if (f.name.length === 0 || f.value.length === 0) problems.push(`${at}: empty field name or value`);
    }
    if ((e.footer?.text.length ?? 0) > 2048) problems.push(`${at}: footer > 2048`);
    total +=
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  });
  if (total > 6000) problems.push(`embeds carry ${total} characters > 6000`);
  return problems;
}
