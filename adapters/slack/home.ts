// The App Home tab: the team's accounts with their standing and next deadline, and open claims, at
// a glance. Drawn from the same answers as /insurance check and /claim status, published when a
// member opens the tab and again (for the members who have it open) whenever the team's records
// change.
import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import { type ErrorLog, runText } from '../../commands/run.ts';
import type { CommandContext } from '../../commands/spec.ts';
import { recordsVersion } from '../../src/app/context.ts';
import { type Block, toBlocks } from './blocks.ts';

/** Slack's limit on blocks in a view. */
const VIEW_BLOCKS = 100;

export async function homeView(
  ctx: CommandContext,
  log: ErrorLog,
): Promise<{ type: 'home'; blocks: Block[] }> {
  const w = ctx.words;
  const check = await runText(ctx, 'insurance', 'check', log);
  const claims = await runText(ctx, 'claim', 'status', log);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: w.t('home.title') } },
    ...toBlocks(check, w),
    { type: 'divider' },
    ...toBlocks(claims, w),
    { type: 'context', elements: [{ type: 'mrkdwn', text: w.t('home.footer') }] },
  ];
  if (blocks.length > VIEW_BLOCKS)
    blocks.splice(VIEW_BLOCKS - 1, blocks.length, {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: w.t('home.more') }],
    });
  return { type: 'home', blocks };
}

/** Who has the tab open, per team, and the records version their view shows. */
export class HomeViewers {
  private readonly teams = new LRUCache<string, { version: number; users: Set<string> }>({
    max: 10_000,
    // A member who opened the tab a day ago opens it again to see it fresh.
    ttl: 24 * 3_600_000,
  });

  async publish(
    ctx: CommandContext,
    team: string,
    user: string,
    client: WebClient,
    log: ErrorLog,
  ): Promise<void> {
    const version = await recordsVersion(ctx.deps, ctx.scope);
    await client.views.publish({ user_id: user, view: (await homeView(ctx, log)) as never });
    const entry = this.teams.get(team) ?? { version, users: new Set<string>() };
    entry.users.add(user);
    entry.version = version;
    this.teams.set(team, entry);
  }

  /** After a command: if the team's records changed, publish the tab again for whoever has it. */
  async refresh(ctx: CommandContext, team: string, client: WebClient, log: ErrorLog): Promise<void> {
    const entry = this.teams.get(team);
    if (!entry) return;
    const version = await recordsVersion(ctx.deps, ctx.scope);
    if (version === entry.version) return;
    entry.version = version;
    const view = (await homeView(ctx, log)) as never;
    for (const user of entry.users) await client.views.publish({ user_id: user, view });
  }
}
