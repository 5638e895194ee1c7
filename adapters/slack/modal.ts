// `/insurance policy add` with no arguments opens a modal with the ACORD 25 fields. The modal is
// drawn from the command's declaration, and its submission runs through the same runCommand as the
// typed command: the same validation, permission check, use case and messages, shown beside the
// fields they concern.
import type { AckFn, ViewOutput, ViewResponseAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { CATALOGUE } from '../../commands/catalogue.ts';
import type { RawArgs } from '../../commands/parse.ts';
import { type ErrorLog, permissionFor, runCommand } from '../../commands/run.ts';
import { argsOf, type CommandContext, type CommandSpec, type NamedArg, sample } from '../../commands/spec.ts';
import { listAccounts } from '../../src/app/accounts.ts';
import type { Words } from '../../src/i18n/index.ts';
import { replyText } from '../../src/reply.ts';
import { toMessage } from './blocks.ts';

export const POLICY_MODAL = 'coverwatch_policy_add';

const POLICY_ADD = CATALOGUE.find((c) => c.path.join(' ') === 'insurance policy add') as CommandSpec;

/** Slack's limits for modals (https://api.slack.com/reference/surfaces/views). */
const MODAL = { title: 24, button: 24, label: 2000, hint: 2000, options: 100 } as const;

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: text.slice(0, max) });
const option = (v: string) => ({ text: plain(v, 75), value: v });

function element(a: NamedArg, accounts: readonly string[]) {
  if (a.name === 'account')
    return { type: 'static_select', action_id: 'value', options: accounts.map(option) };
  if (a.kind === 'date') return { type: 'datepicker', action_id: 'value' };
  if (a.choices) return { type: 'static_select', action_id: 'value', options: a.choices.map(option) };
  return { type: 'plain_text_input', action_id: 'value' };
}

/** One input block per argument, in declared order: labels, hints and options in the team's words. */
export function policyModalBlocks(w: Words, accounts: readonly string[]) {
  return argsOf(POLICY_ADD).map((a) => ({
    type: 'input',
    block_id: a.name,
    optional: !a.required,
    label: plain(a.name === 'account' ? w.t('modal.policy.account') : w.t(a.description), MODAL.label),
    ...(a.name === 'account'
      ? {}
      : { hint: plain(w.t('modal.hint', { example: sample(a, w) }), MODAL.hint) }),
    element: element(a, accounts),
  }));
}

export async function openPolicyModal(args: {
  ctx: CommandContext;
  ack: (body?: object) => Promise<void>;
  client: WebClient;
  triggerId: string;
  log: ErrorLog;
}): Promise<void> {
  const { ctx, ack, client, triggerId, log } = args;
  const w = ctx.words;
  // A member who may not add policies learns it now, not after filling in nineteen fields.
  const refused = await permissionFor(ctx, POLICY_ADD);
  if (refused) {
    await ack({ response_type: 'ephemeral', text: replyText(refused.reply) });
    return;
  }
  const accounts = (await listAccounts(ctx.deps, ctx.scope)).slice(0, MODAL.options).map((a) => a.name);
  if (accounts.length === 0) {
    await ack({ response_type: 'ephemeral', text: w.t('error.no-accounts-yet') });
    return;
  }
  await ack();
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: {
        type: 'modal',
        callback_id: POLICY_MODAL,
        private_metadata: JSON.stringify({ channel: ctx.channelId }),
        title: plain(w.t('modal.policy.title'), MODAL.title),
        submit: plain(w.t('modal.policy.submit'), MODAL.button),
        close: plain(w.t('modal.policy.cancel'), MODAL.button),
        blocks: policyModalBlocks(w, accounts) as never,
      },
    });
  } catch (err) {
    log.error({ err: (err as Error).message }, 'slack: could not open the policy modal');
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

export async function submitPolicyModal(args: {
  ctx: CommandContext;
  ack: AckFn<ViewResponseAction> | AckFn<void>;
  view: ViewOutput;
  client: WebClient;
  log: ErrorLog;
}): Promise<void> {
  const { ctx, view, client, log } = args;
  const ack = args.ack as (r?: ViewResponseAction) => Promise<void>;
  const outcome = await runCommand(ctx, POLICY_ADD, modalValues(view), log);
  if (outcome.failed) {
    // Each problem beside its field; one about the command as a whole (no permission, a busy
    // database) beside the first field, so the member sees it without losing what they typed.
    const blocks = new Set(argsOf(POLICY_ADD).map((a) => a.name));
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
  const channel = (JSON.parse(view.private_metadata || '{}') as { channel?: string }).channel;
  if (!channel) return;
  try {
    await client.chat.postMessage({ channel, ...toMessage(outcome.reply, ctx.words) });
  } catch (err) {
    log.error({ err: (err as Error).message }, 'slack: could not post the added policy');
  }
}
