// `/insurance policy add` with no arguments opens a modal with the ACORD 25 fields. On submit the
// same declarations and use case validate it; problems are shown beside the fields they concern.
import type { AckFn, ViewOutput, ViewResponseAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { ArgError, validateArg } from '../../commands/args.ts';
import { POLICY_FIELDS } from '../../commands/insurance/policy.ts';
import type { CommandContext } from '../../commands/spec.ts';
import { policyReply } from '../../commands/views.ts';
import { listAccounts } from '../../src/app/accounts.ts';
import { UserError } from '../../src/app/errors.ts';
import { addPolicy, type PolicyArgs } from '../../src/app/policies.ts';
import type { Logger } from '../../src/log.ts';
import { toMessage } from './blocks.ts';

export const POLICY_MODAL = 'coverwatch_policy_add';

const option = (v: string) => ({ text: { type: 'plain_text' as const, text: v }, value: v });

function element(name: string, kind: string, choices?: readonly string[]) {
  if (kind === 'date') return { type: 'datepicker', action_id: 'value' };
  if (choices) return { type: 'static_select', action_id: 'value', options: choices.map(option) };
  return {
    type: 'plain_text_input',
    action_id: 'value',
    ...(name === 'additional-insured' ? { multiline: false } : {}),
  };
}

export async function openPolicyModal(args: {
  ctx: CommandContext;
  ack: (body?: object) => Promise<void>;
  client: WebClient;
  triggerId: string;
  log: Logger;
}): Promise<void> {
  const { ctx, ack, client, triggerId, log } = args;
  if (!(await ctx.actor.isManager())) {
    await ack({
      response_type: 'ephemeral',
      text: 'Only workspace admins and owners, or members granted with /insurance access grant, can add policies.',
    });
    return;
  }
  const accounts = await listAccounts(ctx.deps, ctx.scope);
  if (accounts.length === 0) {
    await ack({
      response_type: 'ephemeral',
      text: 'Add a seller account first: /insurance account add acme-us US',
    });
    return;
  }
  await ack();
  const blocks = [
    {
      type: 'input',
      block_id: 'account',
      label: { type: 'plain_text', text: 'Seller account' },
      element: {
        type: 'static_select',
        action_id: 'value',
        options: accounts.slice(0, 100).map((a) => option(a.name)),
      },
    },
    ...POLICY_FIELDS.map((f) => ({
      type: 'input',
      block_id: f.name,
      optional: !f.required,
      label: { type: 'plain_text', text: f.description.slice(0, 2000) },
      hint: { type: 'plain_text', text: `e.g. ${f.example}` },
      element: element(f.name, f.kind, f.choices),
    })),
  ];
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: {
        type: 'modal',
        callback_id: POLICY_MODAL,
        private_metadata: JSON.stringify({ channel: ctx.channelId }),
        title: { type: 'plain_text', text: 'Add insurance policy' },
        submit: { type: 'plain_text', text: 'Check and save' },
        close: { type: 'plain_text', text: 'Cancel' },
        blocks: blocks as never,
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

export async function submitPolicyModal(args: {
  ctx: CommandContext;
  ack: AckFn<ViewResponseAction> | AckFn<void>;
  view: ViewOutput;
  client: WebClient;
  log: Logger;
}): Promise<void> {
  const { ctx, view, client, log } = args;
  const ack = args.ack as (r?: ViewResponseAction) => Promise<void>;
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const [block, actions] of Object.entries(view.state.values)) {
    const v = (actions as Record<string, StateValue>).value;
    const raw = v?.value ?? v?.selected_date ?? v?.selected_option?.value ?? undefined;
    if (raw === undefined || raw === null || raw.trim() === '') continue;
    const spec = POLICY_FIELDS.find((f) => f.name === block);
    try {
      values[block] = spec ? validateArg(spec, raw) : raw.trim();
    } catch (err) {
      if (err instanceof ArgError) errors[block] = err.message;
      else throw err;
    }
  }
  if (Object.keys(errors).length) {
    await ack({ response_action: 'errors', errors });
    return;
  }
  if (!(await ctx.actor.isManager())) {
    await ack({ response_action: 'errors', errors: { account: 'Only managers can add policies.' } });
    return;
  }
  try {
    const judged = await addPolicy(ctx.deps, ctx.scope, values as unknown as PolicyArgs);
    await ack();
    const channel = (JSON.parse(view.private_metadata || '{}') as { channel?: string }).channel;
    if (channel) await client.chat.postMessage({ channel, ...toMessage(policyReply(judged, 'added')) });
  } catch (err) {
    if (err instanceof UserError) {
      // Use-case messages start with the field they are about ("expires: …"); anything else goes by the account.
      const m = /^([a-z-]+): (.*)$/s.exec(err.message);
      const field =
        m && (m[1] === 'account' || POLICY_FIELDS.some((f) => f.name === m[1])) ? m[1]! : 'account';
      await ack({
        response_action: 'errors',
        errors: { [field]: m && field === m[1] ? m[2]! : err.message },
      });
      return;
    }
    log.error({ err }, 'slack: policy modal failed');
    await ack({
      response_action: 'errors',
      errors: { account: 'Something went wrong on our side; nothing was saved. Try again.' },
    });
  }
}
