// Modals for commands with many fields or a context to start from: `/insurance policy add` with no
// arguments (the ACORD 25 fields), and the "Record Amazon's proof request" message shortcut (the
// email's date pre-filled). Each modal is drawn from its command's declaration, and its submission
// runs through the same runCommand as the typed command: the same validation, permission check,
// use case and messages, shown beside the fields they concern.
import type { AckFn, ViewOutput, ViewResponseAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { CATALOGUE } from '../../commands/catalogue.ts';
import type { RawArgs } from '../../commands/parse.ts';
import { type ErrorLog, permissionFor, runCommand } from '../../commands/run.ts';
import { argsOf, type CommandContext, type CommandSpec, type NamedArg, sample } from '../../commands/spec.ts';
import { listAccounts } from '../../src/app/accounts.ts';
import type { MessageId, Words } from '../../src/i18n/index.ts';
import { replyText } from '../../src/reply.ts';
import { toMessage } from './blocks.ts';

/** The commands that have a modal: the callback id Slack sends back, and the words around the form. */
export const MODALS = {
  coverwatch_policy_add: {
    spec: commandAt('insurance policy add'),
    title: 'modal.policy.title',
    submit: 'modal.policy.submit',
    account: 'modal.policy.account',
  },
  coverwatch_proof_request: {
    spec: commandAt('insurance request'),
    title: 'modal.request.title',
    submit: 'modal.request.submit',
    account: 'modal.request.account',
  },
  // The refresh token goes here, never into a message (self-authorization in Slack).
  coverwatch_account_connect: {
    spec: commandAt('insurance account connect'),
    title: 'modal.connect.title',
    submit: 'modal.connect.submit',
    account: 'modal.connect.account',
  },
  // The file is the message's: carried in the modal's metadata, not a field to fill in.
  coverwatch_sales_import: {
    spec: commandAt('insurance sales import'),
    title: 'modal.import.title',
    submit: 'modal.import.submit',
    account: 'modal.import.account',
    hidden: ['file'],
  },
  // "Decode Amazon's rejection" on a message with Amazon's email pasted or forwarded into Slack.
  coverwatch_policy_rejected: {
    spec: commandAt('insurance policy rejected'),
    title: 'modal.rejected.title',
    submit: 'modal.rejected.submit',
    account: 'modal.rejected.account',
  },
  // "Check this certificate" on a message with the broker's PDF.
  coverwatch_policy_read: {
    spec: commandAt('insurance policy read'),
    title: 'modal.certificate.title',
    submit: 'modal.certificate.submit',
    account: 'modal.certificate.account',
    hidden: ['file'],
  },
} as const satisfies Record<
  string,
  { spec: CommandSpec; title: MessageId; submit: MessageId; account: MessageId; hidden?: readonly string[] }
>;
export type ModalId = keyof typeof MODALS;
export const POLICY_MODAL: ModalId = 'coverwatch_policy_add';
export const REQUEST_MODAL: ModalId = 'coverwatch_proof_request';
export const IMPORT_MODAL: ModalId = 'coverwatch_sales_import';
export const CONNECT_MODAL: ModalId = 'coverwatch_account_connect';
export const CERTIFICATE_MODAL: ModalId = 'coverwatch_policy_read';
export const REJECTED_MODAL: ModalId = 'coverwatch_policy_rejected';

/** Arguments a modal does not show: their values travel in its private metadata. */
const hiddenOf = (id: ModalId): readonly string[] => {
  const modal = MODALS[id];
  return 'hidden' in modal ? modal.hidden : [];
};

function commandAt(path: string): CommandSpec {
  const spec = CATALOGUE.find((c) => c.path.join(' ') === path);
  if (!spec) throw new Error(`no command ${path}`);
  return spec;
}

/** Slack's limits for modals (https://api.slack.com/reference/surfaces/views). */
const MODAL = { title: 24, button: 24, label: 2000, hint: 2000, options: 100, initial: 3000 } as const;

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: text.slice(0, max) });
const option = (v: string) => ({ text: plain(v, 75), value: v });

function element(a: NamedArg, accounts: readonly string[], initial: string | undefined) {
  if (a.name === 'account')
    return {
      type: 'static_select',
      action_id: 'value',
      options: accounts.map(option),
      ...(initial && accounts.includes(initial) ? { initial_option: option(initial) } : {}),
    };
  if (a.kind === 'date')
    return { type: 'datepicker', action_id: 'value', ...(initial ? { initial_date: initial } : {}) };
  if (a.choices)
    return {
      type: 'static_select',
      action_id: 'value',
      options: a.choices.map(option),
      ...(initial && a.choices.includes(initial) ? { initial_option: option(initial) } : {}),
    };
  return {
    type: 'plain_text_input',
    action_id: 'value',
    // Free text is multiline; a secret (a token) is one line.
    ...(a.kind === 'text' && !a.secret ? { multiline: true } : {}),
    ...(initial ? { initial_value: initial.slice(0, MODAL.initial) } : {}),
  };
}

/** One input block per argument, in declared order: labels, hints and options in the team's words. */
export function modalBlocks(id: ModalId, w: Words, accounts: readonly string[], initial: RawArgs = {}) {
  const { spec, account } = MODALS[id];
  const hidden = hiddenOf(id);
  return argsOf(spec)
    .filter((a) => !hidden.includes(a.name))
    .map((a) => ({
      type: 'input',
      block_id: a.name,
      // A secret is what the form is for: it may not be left out.
      optional: !a.required && !a.secret,
      label: plain(a.name === 'account' ? w.t(account) : w.t(a.description), MODAL.label),
      ...(a.name === 'account' || a.kind === 'date'
        ? {}
        : { hint: plain(w.t('modal.hint', { example: sample(a, w) }), MODAL.hint) }),
      element: element(a, accounts, initial[a.name]),
    }));
}

/**
 * Opens a command's modal, after the checks a member should not have to fill in a form to learn:
 * the permission, and that there is an account to pick. `initial` pre-fills fields by name.
 */
export async function openModal(args: {
  id: ModalId;
  ctx: CommandContext;
  /** Acknowledges the request that asked for the modal (Slack's 3 seconds). */
  ack: () => Promise<void>;
  /** Answers the member privately instead of opening the modal (and acknowledges). */
  tell: (text: string) => Promise<void>;
  client: WebClient;
  triggerId: string;
  log: ErrorLog;
  initial?: RawArgs;
  /** Where to post the result once saved (the channel the member was in). */
  channel?: string | undefined;
  /** Values of the modal's hidden arguments (the shared file's id). */
  hidden?: RawArgs;
}): Promise<void> {
  const { id, ctx, ack, client, triggerId, log } = args;
  const { spec, title, submit } = MODALS[id];
  const w = ctx.words;
  const refused = await permissionFor(ctx, spec);
  if (refused) return args.tell(replyText(refused.reply));
  const accounts = (await listAccounts(ctx.deps, ctx.scope)).slice(0, MODAL.options).map((a) => a.name);
  if (accounts.length === 0) return args.tell(w.t('error.no-accounts-yet'));
  await ack();
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: {
        type: 'modal',
        callback_id: id,
        private_metadata: JSON.stringify({
          channel: args.channel ?? ctx.channelId,
          hidden: args.hidden ?? {},
        }),
        title: plain(w.t(title), MODAL.title),
        submit: plain(w.t(submit), MODAL.button),
        close: plain(w.t('modal.cancel'), MODAL.button),
        blocks: modalBlocks(id, w, accounts, args.initial) as never,
      },
    });
  } catch (err) {
    log.error({ err: (err as Error).message, modal: id }, 'slack: could not open a modal');
  }
}

type StateValue = {
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value: string } | null;
};

/** The modal's state -> raw values by argument name, as if typed. */
export function modalValues(view: Pick<ViewOutput, 'state'>): RawArgs {
  const raw: Record<string, string> = {};
  for (const [block, actions] of Object.entries(view.state.values)) {
    const v = (actions as Record<string, StateValue>).value;
    const value = v?.value ?? v?.selected_date ?? v?.selected_option?.value;
    if (value) raw[block] = value;
  }
  return raw;
}

export async function submitModal(args: {
  id: ModalId;
  ctx: CommandContext;
  ack: AckFn<ViewResponseAction> | AckFn<void>;
  view: ViewOutput;
  client: WebClient;
  log: ErrorLog;
}): Promise<void> {
  const { ctx, view, client, log } = args;
  const { spec } = MODALS[args.id];
  const ack = args.ack as (r?: ViewResponseAction) => Promise<void>;
  const meta = JSON.parse(view.private_metadata || '{}') as { channel?: string; hidden?: RawArgs };
  const hidden = Object.fromEntries(
    Object.entries(meta.hidden ?? {}).filter(([k]) => hiddenOf(args.id).includes(k)),
  );
  const outcome = await runCommand(ctx, spec, { ...modalValues(view), ...hidden }, log);
  if (outcome.failed) {
    // Each problem beside its field; one about the command as a whole (no permission, a busy
    // database) beside the first field, so the member sees it without losing what they typed.
    const blocks = new Set(
      argsOf(spec)
        .filter((a) => !hiddenOf(args.id).includes(a.name))
        .map((a) => a.name),
    );
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(outcome.fieldErrors ?? {})) {
      const block = blocks.has(field) ? field : 'account';
      errors[block] = errors[block] ? `${errors[block]} ${message}` : message;
    }
    if (Object.keys(errors).length === 0) errors.account = replyText(outcome.reply);
    await ack({ response_action: 'errors', errors });
    return;
  }
  await ack();
  const channel = meta.channel;
  if (!channel) return;
  try {
    await client.chat.postMessage({ channel, ...toMessage(outcome.reply, ctx.words) });
  } catch (err) {
    log.error({ err: (err as Error).message, modal: args.id }, 'slack: could not post what a modal saved');
  }
}
