// The one way in: every adapter (Slack, Discord, the terminal) and the test harness turn a verified
// request into a Session here — the team (tenant) from the platform's verified identity, never from
// user text; the member acting, with a manager check asked at most once per request; the team's
// words; and what the platform can do with channels. Commands run against a Session.
import { mentionFor } from '../alerts/notifier.ts';
import { type Locale, type Words, wordsFor } from '../i18n/index.ts';
import type { Reply } from '../reply.ts';
import type { Platform } from '../store/schema.ts';
import { ensureTenant, findTenant, knowsOrg, listGrants, type Tenant } from '../store/tenants.ts';
import { type AppDeps, read, type Scope } from './context.ts';

/** A platform's verified identity of the team: Slack team (or enterprise), Discord server, the terminal. */
export interface TeamIdentity {
  readonly platform: Platform;
  readonly externalId: string;
  readonly name?: string | undefined;
  /** Slack: the Enterprise Grid org, when the request came through an org-wide install. */
  readonly orgId?: string | undefined;
}

/** The member acting, as the platform verified them. */
export interface Member {
  readonly id: string;
  /** Discord roles (Slack has none here). */
  readonly roles?: readonly string[] | undefined;
  /** Whether the platform itself makes them an admin (Slack admin/owner, Discord Manage Server). */
  readonly isAdmin: () => Promise<boolean>;
}

/** What an adapter can do with channels, for `/insurance alerts here|test`. */
export interface ChannelAccess {
  /** Undefined when the bot can post there; otherwise what the member should do about it, in `w`. */
  check(channelId: string, w: Words): Promise<string | undefined>;
  post(channelId: string, reply: Reply, w: Words): Promise<void>;
}

export interface Session {
  readonly deps: AppDeps;
  readonly scope: Scope;
  readonly platform: Platform;
  readonly actor: {
    readonly id: string;
    /** Admin on the platform, or granted with /insurance access grant. Asked once per session. */
    readonly isManager: () => Promise<boolean>;
    /** Admin on the platform itself (Slack admin or owner, Discord Manage Server). */
    readonly isAdmin: () => Promise<boolean>;
  };
  /** The channel the command was typed in, if any. */
  readonly channelId?: string | undefined;
  readonly channels?: ChannelAccess | undefined;
  /** How this platform mentions a member: Slack and Discord <@id>, the terminal @id. */
  readonly mention: (userId: string) => string;
  /** The team's language (its setting, else the member's, else English). */
  readonly words: Words;
  /** The member's own language as the platform reports it, when coverwatch speaks it. */
  readonly requestLocale?: Locale | undefined;
  /** Why a member may not manage, in this platform's terms. */
  readonly refusal: string;
  /** Files attached to the command (Discord), by the id its option carries. */
  readonly attachments?: ReadonlyMap<string, Attachment> | undefined;
  /** The values came from a form only the member saw (a modal), not from message text. */
  readonly form?: boolean | undefined;
}

/** A file the member attached to the command (Discord), read only when the command needs it. */
export interface Attachment {
  readonly name: string;
  readonly size: number;
  /** Downloads it from the platform's file URL, within a size and time limit. */
  read(): Promise<Buffer>;
}

export interface SessionRequest {
  readonly identity: TeamIdentity;
  readonly member: Member;
  readonly channelId?: string | undefined;
  readonly channels?: ChannelAccess | undefined;
  /** The member's language as the platform reports it, when the team has not chosen one. */
  readonly locale?: Locale | undefined;
  /** Files attached to the command, by the id its option carries. */
  readonly attachments?: ReadonlyMap<string, Attachment> | undefined;
  /** The values came from a form only the member saw (a Slack modal), not from message text. */
  readonly form?: boolean | undefined;
}

/** Finds or creates the team, and builds the session for one request. */
export async function openSession(deps: AppDeps, request: SessionRequest): Promise<Session> {
  // Found by a read; created (or given its org) in a transaction, which waits for a busy database
  // without blocking.
  const found = await read(deps, (db) => findTenant(db, request.identity));
  const tenant =
    found && knowsOrg(found, request.identity)
      ? found
      : await read(deps, () =>
          deps.store.transaction((trx) =>
            ensureTenant(trx, request.identity, {
              timeZone: deps.defaults.timeZone,
              at: deps.now().toISOString(),
            }),
          ),
        );
  return sessionFor(deps, tenant, request);
}

/**
 * The session of a team that already exists, or undefined: for lookups that must not create a team
 * (autocomplete runs on every keystroke of a member who may never send a command).
 */
export async function findSession(deps: AppDeps, request: SessionRequest): Promise<Session | undefined> {
  const tenant = await read(deps, (db) => findTenant(db, request.identity));
  return tenant ? sessionFor(deps, tenant, request) : undefined;
}

function sessionFor(deps: AppDeps, tenant: Tenant, request: SessionRequest): Session {
  const scope: Scope = { tenant, actor: request.member.id };
  const words = wordsFor(tenant.locale ?? request.locale ?? 'en');
  let manager: Promise<boolean> | undefined;
  let admin: Promise<boolean> | undefined;
  const isAdmin = () => {
    admin ??= request.member.isAdmin();
    return admin;
  };
  return {
    deps,
    scope,
    platform: request.identity.platform,
    actor: {
      id: request.member.id,
      isManager: () => {
        manager ??= isGranted(deps, scope, request.member).then(async (granted) => granted || isAdmin());
        return manager;
      },
      isAdmin,
    },
    channelId: request.channelId,
    channels: request.channels,
    mention: mentionFor(request.identity.platform),
    words,
    requestLocale: request.locale,
    refusal: words.t(`refusal.${request.identity.platform}`),
    attachments: request.attachments,
    form: request.form,
  };
}

/** Whether the member is granted manager rights here, directly or through one of their roles. */
async function isGranted(deps: AppDeps, scope: Scope, member: Member): Promise<boolean> {
  const grants = await read(deps, (db) => listGrants(db, scope.tenant.id));
  const roles = member.roles ?? [];
  return grants.some(
    (g) =>
      (g.kind === 'user' && g.subject_id === member.id) ||
      (g.kind === 'role' && roles.includes(g.subject_id)),
  );
}
