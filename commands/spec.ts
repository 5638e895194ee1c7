// What a command is: declared once, served by every adapter. From a declaration come the text
// parser (Slack, terminal), the Discord application command, the help, modals, and the handler's
// argument types. Commands run against the Session an adapter opened (src/app/session.ts).
import type { Session } from '../src/app/session.ts';
import type { MessageId, Words } from '../src/i18n/index.ts';
import type { Reply } from '../src/reply.ts';
import type { AnyArg, ArgMap, ArgValues } from './args.ts';

/** read: every member; manage: managers (admins and grantees); admin: the platform's admins only. */
export type Permission = 'read' | 'manage' | 'admin';

/** The context a handler gets: the adapter's session. */
export type CommandContext = Session;

export interface CommandSpec<A extends ArgMap = ArgMap> {
  /** ['insurance', 'sales', 'record'] */
  readonly path: readonly string[];
  /** The summary's message id. */
  readonly summary: MessageId;
  /** Arguments in the order they are typed; names are the Discord option names and `name:value` keys. */
  readonly args: A;
  readonly permission: Permission;
  handler(ctx: CommandContext, args: ArgValues<A>): Promise<Reply>;
  /**
   * The answer depends only on the team's records, the arguments and the time: it may be served
   * from the answer cache until a write bumps the team's data version (see run.ts).
   */
  readonly cacheable?: boolean;
}

/** Declares a command; the handler's argument types are inferred from `args`. */
export function defineCommand<const A extends ArgMap>(spec: CommandSpec<A>): CommandSpec {
  return spec as unknown as CommandSpec;
}

/** An argument with its name, in declared order. */
export type NamedArg = AnyArg & { readonly name: string };

const NAMED = new WeakMap<object, NamedArg[]>();
export function argsOf(spec: Pick<CommandSpec, 'args'>): readonly NamedArg[] {
  let list = NAMED.get(spec.args);
  if (!list) {
    list = Object.entries(spec.args).map(([name, a]) => ({ ...a, name }));
    NAMED.set(spec.args, list);
  }
  return list;
}

export const commandName = (spec: Pick<CommandSpec, 'path'>): string => `/${spec.path.join(' ')}`;

export function usage(spec: CommandSpec): string {
  const parts = argsOf(spec).map((a) => {
    const body = a.keyed ? `${a.name}:…` : `<${a.name}>`;
    return a.required ? body : `[${body}]`;
  });
  return [commandName(spec), ...parts].join(' ');
}

/** An argument's sample value in the team's language (free text samples are words). */
export const sample = (a: NamedArg, w: Words): string => (a.exampleId ? w.t(a.exampleId) : a.example);

export function example(spec: CommandSpec, w: Words): string {
  const all = argsOf(spec);
  const shown = all.filter((a) => a.required || !a.keyed).slice(0, 6);
  const keyed = all.filter((a) => a.keyed && !a.required).slice(0, 2);
  const quote = (v: string) => (/\s/.test(v) ? `"${v}"` : v);
  return [
    commandName(spec),
    ...shown.map((a) => (a.keyed ? `${a.name}:${quote(sample(a, w))}` : quote(sample(a, w)))),
    ...keyed.map((a) => `${a.name}:${quote(sample(a, w))}`),
  ].join(' ');
}
