// Drives the command catalogue directly: a real store, a clock the test sets, and tenants with or
// without manager rights. The same path every adapter takes (openSession, then runText / runCommand).
import { sql } from 'kysely';
import { runText } from '../../commands/run.ts';
import type { CommandContext } from '../../commands/spec.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { openSession, type SessionRequest } from '../../src/app/session.ts';
import { type Reply, replyText } from '../../src/reply.ts';
import type { Store } from '../../src/store/db.ts';
import type { Platform } from '../../src/store/schema.ts';
import { TENANT_TABLES } from './stores.ts';

export interface Harness {
  readonly store: Store;
  readonly deps: AppDeps;
  setNow(iso: string): void;
  context(opts?: {
    tenant?: string;
    platform?: Platform;
    actor?: string;
    manager?: boolean;
    channel?: string;
  }): Promise<CommandContext>;
  /** Runs "/insurance …" or "/claim …" and returns the reply with its text flattened. */
  run(ctx: CommandContext, line: string): Promise<Reply & { text: string }>;
  /** Row counts of every table that commands write. */
  counts(): Promise<Record<string, number>>;
}

export function harness(store: Store, now = '2026-11-21T15:00:00.000Z'): Harness {
  let clock = new Date(now);
  const deps: AppDeps = {
    store,
    now: () => clock,
    defaults: { timeZone: 'America/Los_Angeles', alertHour: 9 },
  };
  const posted: { channel: string; reply: Reply }[] = [];
  const requests = new WeakMap<CommandContext, SessionRequest>();
  return {
    store,
    deps,
    setNow(iso) {
      clock = new Date(iso);
    },
    async context(opts = {}) {
      const platform = opts.platform ?? 'slack';
      const request: SessionRequest = {
        identity: { platform, externalId: opts.tenant ?? 'T1' },
        member: { id: opts.actor ?? 'U1', isAdmin: async () => opts.manager ?? true },
        channelId: opts.channel ?? 'C1',
        channels: {
          check: async (channel) =>
            channel === 'C-NOBOT' ? 'Invite the bot to this channel first.' : undefined,
          post: async (channel, reply) => {
            posted.push({ channel, reply });
          },
        },
      };
      const ctx = await openSession(deps, request);
      requests.set(ctx, request);
      return ctx;
    },
    async run(ctx, line) {
      const m = /^\/(\S+)\s*(.*)$/s.exec(line.trim());
      if (!m) throw new Error(`not a command line: ${line}`);
      // As in every adapter, each command is a request of its own: the team is read afresh.
      const request = requests.get(ctx);
      // (If the team cannot be read afresh — a dropped connection — the command runs on the session
      // it has, and its own first query meets the fault, as an adapter's answer would report it.)
      const session = request ? await openSession(deps, request).catch(() => ctx) : ctx;
      const reply = await runText(session, m[1]!, slackEscaped(m[2]!));
      return { ...reply, text: replyText(reply) };
    },
    async counts() {
      const out: Record<string, number> = {};
      for (const t of TENANT_TABLES) {
        const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(store.db);
        out[t] = Number(r.rows[0]!.n);
      }
      return out;
    },
  };
}

/**
 * What Slack sends for what a member types (slash commands with should_escape): a typed @mention
 * arrives as <@id>. Here the name stands in for the id, so "@maria" becomes "<@maria>".
 */
export function slackEscaped(text: string): string {
  return text.replace(/(^|[\s:])@([A-Za-z0-9._-]+)/g, '$1<@$2>');
}
