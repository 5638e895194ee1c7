// Drives the real discord.js bot through the fake Discord: dispatches INTERACTION_CREATE for a
// command path with options and waits for the answer the bot sends back.
import { APP_ID, type FakeDiscord } from '../fakes/discord.ts';

export type Opt = {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: Opt[];
  focused?: boolean;
};

/** Nests leaf options under the subcommand group and subcommand of a path like ['account', 'add']. */
export function nest(path: string[], leaf: Opt[]): Opt[] {
  if (path.length === 1) return [{ type: 1, name: path[0]!, options: leaf }];
  return [{ type: 2, name: path[0]!, options: [{ type: 1, name: path[1]!, options: leaf }] }];
}

export const str = (name: string, value: string): Opt => ({ name, type: 3, value });
export const int = (name: string, value: number): Opt => ({ name, type: 4, value });

export interface Answer {
  /** Every message body the bot sent for this interaction, in order. */
  readonly messages: {
    kind: string;
    body: Record<string, unknown>;
    files?: readonly { name: string; bytes: Buffer }[];
  }[];
  /** All embeds, flattened. */
  readonly embeds: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    color?: number;
    image?: { url: string };
  }[];
  readonly ephemeral: boolean;
  readonly text: string;
}

export async function ask(
  fake: FakeDiscord,
  command: 'insurance' | 'claim',
  path: string[],
  leaf: Opt[] = [],
  extra: Partial<Parameters<FakeDiscord['interact']>[0]> = {},
  /** For a bot in another process (no onSettled): when the answer is complete, by what arrived. */
  until?: (messages: { kind: string; body: Record<string, unknown> }[]) => boolean,
): Promise<Answer> {
  const { id, token } = fake.interact({ command, options: nest(path, leaf) as never, ...extra });
  // The bot says when it has sent everything for this interaction (createDiscordBot's onSettled).
  if (until) await fake.arrival(() => until(fake.answersTo(token)));
  else await fake.settled(id);
  const messages = fake.answersTo(token);
  const bodies = messages.map((m) =>
    m.kind === 'callback' ? ((m.body.data as Record<string, unknown>) ?? {}) : m.body,
  );
  const embeds = bodies.flatMap((b) => (b.embeds as Answer['embeds']) ?? []);
  const ephemeral = bodies.some((b) => ((b.flags as number | undefined) ?? 0) & 64);
  const text = [
    ...bodies.map((b) => (b.content as string | undefined) ?? ''),
    ...embeds.flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`),
    ]),
  ].join('\n');
  return { messages, embeds, ephemeral, text };
}

export const webhookPath = (token: string) => `/webhooks/${APP_ID}/${token}`;
