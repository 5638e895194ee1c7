// What coverwatch does with a Discord interaction, whichever way it arrived: over the gateway
// (discord.js) or as a signed HTTP request (Discord's interactions endpoint). Each way in adapts its
// interaction to `CommandInteraction` and its way of answering to `Responder`; the rest — which
// command, bad options answered at once, permission before deferring, the session, the answer split
// into messages — is here once.
import {
  type APIModalInteractionResponseCallbackData,
  ComponentType,
  PermissionFlagsBits,
  TextInputStyle,
} from 'discord-api-types/v10';
import { accountKey } from '../../commands/args.ts';
import { MAX_FILE_MB } from '../../commands/files.ts';
import type { RawArgs } from '../../commands/parse.ts';
import { checkArgs, type ErrorLog, permissionFor, runCommand, runText } from '../../commands/run.ts';
import { argsOf, type CommandSpec } from '../../commands/spec.ts';
import { listAccounts } from '../../src/app/accounts.ts';
import { connectsByForm } from '../../src/app/amazon.ts';
import { openClaimIds } from '../../src/app/claims.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { TryAgainError } from '../../src/app/errors.ts';
import {
  type ChannelAccess,
  findSession,
  openSession,
  type Session,
  type SessionRequest,
} from '../../src/app/session.ts';
import { localeOf, type MessageId, type Words, wordsFor } from '../../src/i18n/index.ts';
import { type Reply, truncate } from '../../src/reply.ts';
import { commandFor } from './commands-json.ts';
import { type DiscordMessage, RUN_ID, toDiscordMessages } from './embeds.ts';
import { discordAttachment } from './files.ts';
import { argsFromOptions, commandPath, type RawOption, wantsPrivate } from './options.ts';

/** Who sent an interaction, and where from (verified by the way in). */
export interface MemberInteraction {
  readonly id: string;
  /** Null in a direct message. */
  readonly guildId: string | null;
  readonly guildName?: string | undefined;
  readonly channelId?: string | undefined;
  readonly userId: string;
  readonly roles: readonly string[];
  /** The member's permissions in the channel, as Discord computed them (a bit set). */
  readonly permissions: bigint;
  /** The member's client language ("en-US", "zh-CN"). */
  readonly locale?: string | undefined;
}

/** A slash command or autocomplete interaction, as Discord sent it. */
export interface CommandInteraction extends MemberInteraction {
  readonly commandName: string;
  readonly options: readonly RawOption[];
  /** Files attached to the command, by id (Discord's resolved attachments). */
  readonly files?: ReadonlyMap<string, { url: string; name: string; size: number }> | undefined;
}

/** A button the member pressed under one of our answers (MESSAGE_COMPONENT): its custom id. */
export interface ButtonPress extends MemberInteraction {
  readonly customId: string;
}

/** A modal the member filled in and sent (MODAL_SUBMIT): its id and each field's value by id. */
export interface FormSubmission extends MemberInteraction {
  readonly customId: string;
  readonly values: ReadonlyMap<string, string>;
}

/** How to answer an interaction: one initial response, then edits and follow-ups. */
export interface Responder {
  /** The initial response: a message (e.g. a refusal), shown only to the member when `ephemeral`. */
  reply(message: DiscordMessage, ephemeral: boolean): Promise<void>;
  /** The initial response: "thinking…", to be edited within 15 minutes. */
  defer(ephemeral: boolean): Promise<void>;
  editOriginal(message: DiscordMessage | { content: string }): Promise<void>;
  followUp(message: DiscordMessage, ephemeral: boolean): Promise<void>;
  deleteOriginal(): Promise<void>;
  /** The initial response: a modal for the member to fill in (a slash command only). */
  showModal(modal: APIModalInteractionResponseCallbackData): Promise<void>;
}

/**
 * Commands that ask for their secret argument (a refresh token) in a modal, never as an option
 * Discord would show in the channel: when, the modal's title, and each field's label.
 */
const FORMS: Readonly<
  Record<
    string,
    { when(deps: AppDeps): boolean; title: MessageId; labels: Readonly<Record<string, MessageId>> }
  >
> = {
  'insurance account connect': {
    when: connectsByForm,
    title: 'modal.connect.title',
    labels: { account: 'modal.connect.account', refresh: 'modal.connect.refresh' },
  },
};
const FORM_ID = 'coverwatch:form:';
/** Discord's limits on a modal (ModalInteractionCallbackRequestData). */
export const MODAL_LIMITS = { title: 45, label: 45, description: 100, value: 4000, fields: 5 } as const;

/** The modal for a form command: one text field per argument, those already given filled in. */
export function formModal(
  spec: CommandSpec,
  raw: RawArgs,
  w: Words,
): APIModalInteractionResponseCallbackData {
  const path = spec.path.join(' ');
  const form = FORMS[path]!;
  return {
    custom_id: `${FORM_ID}${path}`,
    title: truncate(w.t(form.title), MODAL_LIMITS.title),
    components: argsOf(spec)
      .filter((a) => a.kind !== 'file')
      .slice(0, MODAL_LIMITS.fields)
      .map((a) => {
        const label = form.labels[a.name];
        const value = raw[a.name];
        return {
          type: ComponentType.Label,
          label: truncate(w.t(label ?? a.description), MODAL_LIMITS.label),
          ...(label ? { description: truncate(w.t(a.description), MODAL_LIMITS.description) } : {}),
          component: {
            type: ComponentType.TextInput,
            custom_id: a.name,
            style: TextInputStyle.Short,
            // A secret is what the form is for: it may not be left out.
            required: a.required || a.secret === true,
            max_length: Math.min(a.max ?? MODAL_LIMITS.value, MODAL_LIMITS.value),
            ...(value ? { value: value.slice(0, MODAL_LIMITS.value) } : {}),
          },
        };
      }),
  };
}

/** A report file is small (two years by day is about 60 KB): 5 MB is room to spare. */
const FILE_LIMITS = { maxBytes: MAX_FILE_MB * 1024 * 1024, timeoutMs: 10_000 };

export function interactionHandlers(opts: {
  deps: AppDeps;
  channels: ChannelAccess;
  log: ErrorLog;
  /** DISCORD_API_URL, if set: its host serves attachments too (a local fake). */
  apiUrl?: string | undefined;
}) {
  const { deps, channels, log } = opts;

  /** The one way in: a verified interaction -> the request for its server's Session. */
  function request(
    i: MemberInteraction & { guildId: string; files?: CommandInteraction['files'] },
    form = false,
  ): SessionRequest {
    return {
      identity: { platform: 'discord', externalId: i.guildId, name: i.guildName },
      member: {
        id: i.userId,
        roles: i.roles,
        isAdmin: async () => (i.permissions & PermissionFlagsBits.ManageGuild) !== 0n,
      },
      channelId: i.channelId,
      channels,
      locale: localeOf(i.locale),
      ...(form ? { form: true } : {}),
      ...(i.files?.size
        ? {
            attachments: new Map(
              [...i.files].map(([id, f]) => [
                id,
                discordAttachment(f, { ...FILE_LIMITS, apiUrl: opts.apiUrl }),
              ]),
            ),
          }
        : {}),
    };
  }

  /** An answer only the member sees, as the initial response (bad input, a refusal). */
  async function replyPrivately(r: Responder, reply: Reply, w: Words): Promise<void> {
    const [first, ...rest] = toDiscordMessages(reply, w);
    await r.reply(first!, true);
    for (const m of rest) await r.followUp(m, true);
  }

  /** Sends the answer to a deferred interaction: edit the deferral, then follow up with the rest. */
  async function answer(r: Responder, deferredEphemeral: boolean, reply: Reply, w: Words): Promise<void> {
    const [first, ...rest] = toDiscordMessages(reply, w);
    if (!first) return;
    if (first.ephemeral && !deferredEphemeral) {
      // The deferral was public; a private answer replaces it with an ephemeral follow-up.
      await r.deleteOriginal().catch(() => undefined);
      for (const m of [first, ...rest]) await r.followUp(m, true);
      return;
    }
    await r.editOriginal(first);
    for (const m of rest) await r.followUp(m, m.ephemeral);
  }

  async function command(i: CommandInteraction, r: Responder): Promise<void> {
    const w = wordsFor(localeOf(i.locale));
    const notice = (content: string) => r.reply({ content, embeds: [], ephemeral: true }, true);
    if (!i.guildId) return notice(w.t('discord.guild-only'));
    const inGuild = i as CommandInteraction & { guildId: string };
    const { path, leaf } = commandPath(i.commandName, i.options);
    const spec = commandFor(path);
    if (!spec) return notice(w.t('discord.outdated'));
    // Bad options answer at once, privately, before any database work; the rest is deferred
    // (Discord's 3-second budget).
    const raw = argsFromOptions(spec, leaf);
    const bad = checkArgs(spec, raw, w);
    if (bad) return replyPrivately(r, bad.reply, w);
    const alone = wantsPrivate(leaf);
    const isHelp = spec.path[spec.path.length - 1] === 'help';
    // A member who may not run a manage command is told so privately from the start, not after a
    // public "thinking…" (the check needs no platform call: Discord sent the member's permissions).
    // Read commands defer first: their session may wait on the database.
    let ctx: Session | undefined;
    if (spec.permission !== 'read') {
      ctx = await openSession(deps, request(inGuild));
      const refused = await permissionFor(ctx, spec);
      if (refused) return replyPrivately(r, refused.reply, w);
    }
    const form = FORMS[spec.path.join(' ')];
    if (form && ctx && form.when(deps) && argsOf(spec).some((a) => a.secret && raw[a.name] === undefined))
      return r.showModal(formModal(spec, raw, ctx.words));
    const ephemeral = isHelp || alone;
    await r.defer(ephemeral);
    ctx ??= await openSession(deps, request(inGuild));
    const outcome = await runCommand(ctx, spec, raw, log);
    await answer(r, ephemeral, alone ? { ...outcome.reply, private: true } : outcome.reply, ctx.words);
  }

  /** A form sent back: run its command with the fields as arguments, as from a private form. */
  async function submit(i: FormSubmission, r: Responder): Promise<void> {
    const w = wordsFor(localeOf(i.locale));
    const notice = (content: string) => r.reply({ content, embeds: [], ephemeral: true }, true);
    if (!i.guildId) return notice(w.t('discord.guild-only'));
    const path = i.customId.startsWith(FORM_ID) ? i.customId.slice(FORM_ID.length) : '';
    const spec = FORMS[path] ? commandFor(path.split(' ')) : undefined;
    if (!spec) return notice(w.t('discord.outdated'));
    const raw: Record<string, string> = {};
    for (const a of argsOf(spec)) {
      const value = i.values.get(a.name)?.trim();
      if (value) raw[a.name] = value;
    }
    // The form is for its secret: without it the command would do something else (send a link).
    const missing = argsOf(spec).find((a) => a.secret && raw[a.name] === undefined);
    if (missing) {
      const label = FORMS[path]!.labels[missing.name];
      return notice(w.t('discord.form.missing', { label: w.t(label ?? missing.description) }));
    }
    const bad = checkArgs(spec, raw, w);
    if (bad) return replyPrivately(r, bad.reply, w);
    const ctx = await openSession(deps, request(i as FormSubmission & { guildId: string }, true));
    const refused = await permissionFor(ctx, spec);
    if (refused) return replyPrivately(r, refused.reply, w);
    await r.defer(false);
    const outcome = await runCommand(ctx, spec, raw, log);
    await answer(r, false, outcome.reply, ctx.words);
  }

  /**
   * A button under an answer ("Save as policy"): its custom id carries a command line, run as the
   * member who pressed it — the same parsing, permission check and use case as typing it. The
   * answer is a new message (a refusal only to them).
   */
  async function press(i: ButtonPress, r: Responder): Promise<void> {
    const w = wordsFor(localeOf(i.locale));
    const notice = (content: string) => r.reply({ content, embeds: [], ephemeral: true }, true);
    if (!i.guildId) return notice(w.t('discord.guild-only'));
    const [root, ...rest] = i.customId.startsWith(RUN_ID) ? i.customId.slice(RUN_ID.length).split(' ') : [];
    if (root !== 'insurance' && root !== 'claim') return notice(w.t('discord.outdated'));
    await r.defer(false);
    const ctx = await openSession(deps, request(i as ButtonPress & { guildId: string }));
    const reply = await runText(ctx, root, rest.join(' '), log);
    await answer(r, false, reply, ctx.words);
  }

  /** Suggestions for account and claim options; never creates a team, and a busy database suggests nothing. */
  async function autocomplete(i: CommandInteraction): Promise<{ name: string; value: string }[]> {
    if (!i.guildId) return [];
    const focused = findFocused(i.options);
    if (!focused) return [];
    // Full-width letters from a Chinese keyboard match as names and ids were stored.
    const typed = accountKey(String(focused.value ?? ''));
    const ctx = await findSession(deps, request(i as CommandInteraction & { guildId: string }));
    let names: string[] = [];
    try {
      if (ctx && focused.name === 'account') names = (await listAccounts(deps, ctx.scope)).map((a) => a.name);
      else if (ctx && focused.name === 'claim') names = await openClaimIds(deps, ctx.scope);
    } catch (err) {
      if (!(err instanceof TryAgainError)) throw err;
    }
    return names
      .filter((n) => n.toLowerCase().includes(typed))
      .slice(0, 25)
      .map((n) => ({ name: n, value: n }));
  }

  return { command, submit, press, autocomplete };
}

function findFocused(options: readonly RawOption[]): RawOption | undefined {
  for (const o of options) {
    if (o.focused) return o;
    const inner = o.options && findFocused(o.options);
    if (inner) return inner;
  }
  return undefined;
}
