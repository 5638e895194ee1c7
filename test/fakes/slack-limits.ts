// Slack's published Block Kit limits (PLATFORMS.md), checked on every payload the fake receives.
type AnyBlock = {
  type: string;
  text?: { type: string; text: string };
  fields?: { text: string }[];
  elements?: { text?: string }[];
  block_id?: string;
};

export function blockKitViolations(
  payload: { text?: unknown; blocks?: unknown },
  surface: 'message' | 'view' = 'message',
): string[] {
  const problems: string[] = [];
  const blocks = (payload.blocks ?? []) as AnyBlock[];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  // Messages carry up to 50 blocks; modals and the Home tab up to 100.
  const max = surface === 'message' ? 50 : 100;
  if (blocks.length > max) problems.push(`${blocks.length} blocks (max ${max})`);
  let total = 0;
  blocks.forEach((b, i) => {
    const where = `block ${i} (${b.type})`;
    if (b.type === 'header') {
      if (b.text?.type !== 'plain_text') problems.push(`${where}: header text must be plain_text`);
      if ((b.text?.text.length ?? 0) > 150) problems.push(`${where}: header text over 150`);
    }
    if (b.type === 'section') {
      if (!b.text && !b.fields) problems.push(`${where}: section without text or fields`);
      if ((b.text?.text.length ?? 0) > 3000) problems.push(`${where}: section text over 3000`);
      if ((b.fields?.length ?? 0) > 10) problems.push(`${where}: more than 10 fields`);
      for (const f of b.fields ?? []) if (f.text.length > 2000) problems.push(`${where}: field over 2000`);
    }
    if (b.type === 'context' && (b.elements?.length ?? 0) > 10)
      problems.push(`${where}: more than 10 context elements`);
    if (b.type === 'context')
      for (const e of b.elements ?? [])
        if ((e.text?.length ?? 0) > 2000) problems.push(`${where}: context element over 2000`);
    if (b.block_id && b.block_id.length > 255) problems.push(`${where}: block_id over 255`);
    total +=
      (b.text?.text.length ?? 0) +
      (b.fields ?? []).reduce((n, f) => n + f.text.length, 0) +
      (b.elements ?? []).reduce((n, e) => n + (e.text?.length ?? 0), 0);
  });
  if (surface === 'view') return problems;
  if (total > 12_000) problems.push(`blocks carry ${total} characters (msg_blocks_too_long near 13k)`);
  if (typeof payload.text === 'string' && payload.text.length > 40_000) problems.push('text over 40,000');
  if (blocks.length && (typeof payload.text !== 'string' || payload.text.length === 0))
    problems.push('blocks without a plain-text fallback');
  return problems;
}

/** A view (views.open, views.publish): its type, title and blocks within Slack's limits. */
export function viewViolations(view: unknown): string[] {
  const v = (view ?? {}) as {
    type?: unknown;
    title?: { text?: string };
    blocks?: unknown;
    callback_id?: string;
  };
  const problems: string[] = [];
  if (v.type !== 'home' && v.type !== 'modal') problems.push(`view type ${String(v.type)}`);
  if (v.type === 'modal' && (v.title?.text?.length ?? 0) > 24) problems.push('modal title over 24');
  if ((v.callback_id?.length ?? 0) > 255) problems.push('callback_id over 255');
  return [...problems, ...blockKitViolations({ blocks: v.blocks }, 'view')];
}
