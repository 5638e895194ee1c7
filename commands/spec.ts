// What a command is: declared once, served by every adapter. From a declaration come the text
// parser (Slack, terminal), the Discord application command, the help, and the handler call.
import type { AppDeps, Scope } from '../src/app/context.ts';
import type { Reply } from '../src/reply.ts';
import type { Platform } from '../src/store/schema.ts';

export type ArgKind =
  | 'account'
  | 'month'
  | 'date'
  | 'money'
  | 'text'
  | 'choice'
  | 'user'
  | 'channel'
  | 'subject'
  | 'integer'
  | 'claim';

export interface ArgSpec {
  /** Lower-case, dashes allowed: the Discord option name and the `name:value` key in text. */
  readonly name: string;
  readonly kind: ArgKind;
  readonly required: boolean;
  readonly description: string;
  readonly example: string;
  readonly choices?: readonly string[];
  /** Only given as `name:value` in text (long optional lists such as a policy's fields). */
  readonly keyed?: boolean;
  /** Other keys accepted in text. */
  readonly aliases?: readonly string[];
}

export type Permission = 'read' | 'manage';

/** Validated argument values, by name: strings normalised by their kind. */
export type Args = Readonly<Record<string, string | undefined>>;

export interface Actor {
  readonly id: string;
  /** Resolved lazily: only manage commands ask (it may cost a platform API call). */
  readonly isManager: () => Promise<boolean>;
}

/** What an adapter can do with channels, for `/insurance alerts here|test`. */
export interface ChannelAccess {
  /** Undefined when the bot can post there; otherwise what the user should do about it. */
  check(channelId: string): Promise<string | undefined>;
  post(channelId: string, reply: Reply): Promise<void>;
}

export interface CommandContext {
  readonly deps: AppDeps;
  readonly scope: Scope;
  readonly actor: Actor;
  readonly platform: Platform;
  /** The channel the command was typed in, if any. */
  readonly channelId?: string | undefined;
  readonly channels?: ChannelAccess | undefined;
  /** How this platform mentions a member: Slack and Discord <@id>, the terminal @id. */
  readonly mention: (userId: string) => string;
}

export interface CommandSpec {
  /** ['insurance', 'sales', 'record'] */
  readonly path: readonly string[];
  readonly summary: string;
  readonly args: readonly ArgSpec[];
  readonly permission: Permission;
  readonly handler: (ctx: CommandContext, args: Args) => Promise<Reply>;
  /**
   * The answer depends only on the team's records, the arguments and the time: it may be served
   * from the answer cache until a write bumps the team's data version (see run.ts).
   */
  readonly cacheable?: boolean;
}

/** The argument most commands start with. */
export const ACCOUNT_ARG: ArgSpec = {
  name: 'account',
  kind: 'account',
  required: true,
  description: 'The seller account',
  example: 'acme-us',
};

export const commandName = (spec: Pick<CommandSpec, 'path'>): string => `/${spec.path.join(' ')}`;

export function usage(spec: CommandSpec): string {
  const parts = spec.args.map((a) => {
    const body = a.keyed ? `${a.name}:…` : `<${a.name}>`;
    return a.required ? body : `[${body}]`;
  });
  return [commandName(spec), ...parts].join(' ');
}

export function example(spec: CommandSpec): string {
  const shown = spec.args.filter((a) => a.required || !a.keyed).slice(0, 6);
  const keyed = spec.args.filter((a) => a.keyed && !a.required).slice(0, 2);
  const quote = (v: string) => (/\s/.test(v) ? `"${v}"` : v);
  return [
    commandName(spec),
    ...shown.map((a) => (a.keyed ? `${a.name}:${quote(a.example)}` : quote(a.example))),
    ...keyed.map((a) => `${a.name}:${quote(a.example)}`),
  ].join(' ');
}
