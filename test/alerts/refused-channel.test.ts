// A team's alert channel the platform refuses for good (the bot removed from it, the channel gone,
// the app uninstalled): its alerts are held, not retried at every sweep nor used up, the team is told
// where it looks, and they go out once a member chooses a channel the bot can post in — through the
// real Slack Web API client and discord.js REST client, against the local fakes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordRest } from '../../adapters/discord/bot.ts';
import { discordPoster } from '../../adapters/discord/poster.ts';
import { slackPoster } from '../../adapters/slack/poster.ts';
import { CREDENTIALS_HOLD_MS, deliverDue, UNAVAILABLE_HOLD_MS } from '../../src/alerts/delivery.ts';
import {
  ChannelUnavailableError,
  CredentialsRefusedError,
  routeByPlatform,
} from '../../src/alerts/notifier.ts';
import { runSweep, type SweepDeps } from '../../src/alerts/sweep.ts';
import type { Store } from '../../src/store/db.ts';
import { findTenant } from '../../src/store/tenants.ts';
import { FakeDiscord } from '../fakes/discord.ts';
import { FakeSlack } from '../fakes/slack.ts';
import { type Harness, harness } from '../support/harness.ts';
import { describeEngines, freshStore } from '../support/stores.ts';

const NOW = '2026-03-20T18:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

let slack: FakeSlack;
let discord: FakeDiscord;
beforeAll(async () => {
  slack = await new FakeSlack().start();
  discord = await new FakeDiscord().start();
});
afterAll(async () => {
  await slack?.stop();
  await discord?.stop();
});

async function seed(h: Harness, tenant: string, channel: string, platform: 'slack' | 'discord' = 'slack') {
  const ctx = await h.context({ tenant, platform, channel });
  await h.run(ctx, '/insurance alerts here 9 America/Los_Angeles');
  for (const shop of ['shop-a', 'shop-b']) {
    await h.run(ctx, `/insurance account add ${shop} US`);
    await h.run(ctx, `/insurance sales record ${shop} 2026-03 10,500`);
  }
  return ctx;
}

const slackNotifier = (h: Harness) =>
  routeByPlatform({
    slack: slackPoster({ botToken: 'xoxb-refused', apiUrl: slack.apiUrl }, h.deps, {
      retries: 0,
      minTimeout: 10,
      maxTimeout: 10,
    }),
  });

/** A sweep posting to the fake Slack, unpaced, on the harness's clock. */
const sweepDeps = (h: Harness, owner: string): SweepDeps => ({
  store: h.store,
  notifier: slackNotifier(h),
  now: h.deps.now,
  owner,
  defaults: { alertHour: 9 },
  delivery: { pace: () => 0 },
});

const postsTo = (channel: string) =>
  slack.callsOf('chat.postMessage').filter((c) => c.params.channel === channel).length;

async function outbox(store: Store, tenant: string) {
  return store.db
    .selectFrom('alerts')
    .innerJoin('tenants', 'tenants.id', 'alerts.tenant_id')
    .select(['alerts.status', 'alerts.attempts', 'alerts.next_attempt_at'])
    .where('tenants.external_id', '=', tenant)
    .orderBy('alerts.id')
    .execute();
}

describeEngines('a refused alert channel', (engine) => {
  it('holds that team’s alerts a day without using them up, tells the team, and sends them once a channel is chosen', async () => {
    const store = await freshStore(engine);
    try {
      const h = harness(store, NOW);
      const refused = await seed(h, 'T-GONE', 'C-GONE');
      await seed(h, 'T-FINE', 'C-FINE');
      slack.notInChannel.add('C-GONE');
      const deps = sweepDeps(h, `refused-${engine}`);
      const before = postsTo('C-GONE');
      const first = await runSweep(deps);
      // The other team's alerts went out; the refused team's first post was the only one asked.
      expect(first).toMatchObject({ delivered: 2, failed: 0 });
      expect((await outbox(store, 'T-FINE')).map((a) => a.status)).toEqual(['sent', 'sent']);
      expect(postsTo('C-GONE')).toBe(before + 1);
      const held = later(UNAVAILABLE_HOLD_MS);
      expect(await outbox(store, 'T-GONE')).toEqual([
        { status: 'pending', attempts: 0, next_attempt_at: held },
        { status: 'pending', attempts: 0, next_attempt_at: held },
      ]);
      const team = await findTenant(store.db, { platform: 'slack', externalId: 'T-GONE' });
      expect(team?.alertProblem).toEqual({ reason: 'not-in-channel', since: NOW, last: NOW });

      // The team sees it where it looks: the check, and alerts status.
      const message =
        'Alerts cannot be posted in <#C-GONE> since 2026-03-20 11:00 America/Los_Angeles: the bot is not in that channel, or cannot see it.';
      const check = await h.run(refused, '/insurance check');
      // After the accounts, in a section of its own: the reply's tone is still the accounts'.
      expect(check.sections?.at(-1)?.heading).toBe('Alerts');
      expect(check.sections?.at(-1)?.lines?.[0]).toContain(message);
      expect(check.sections?.at(-1)?.lines?.[0]).toContain(
        'run /insurance alerts here in a channel it can post in',
      );
      expect(check.tone).toBe('warn');
      const status = await h.run(refused, '/insurance alerts status');
      expect(status.tone).toBe('danger');
      expect(status.lines?.[0]).toContain(message);
      expect((await h.run(await h.context({ tenant: 'T-FINE' }), '/insurance check')).text).not.toContain(
        'Alerts cannot be posted',
      );

      // An hour later, a new sweep and delivery: nothing is asked of the platform for that team.
      h.setNow(later(3_600_000));
      await h.run(refused, '/insurance sales record shop-a 2026-04-01 10,900');
      await runSweep(deps);
      await deliverDue({ ...deps, now: h.deps.now, pace: () => 0 });
      expect(postsTo('C-GONE')).toBe(before + 1);
      expect((await outbox(store, 'T-GONE')).every((a) => a.status === 'pending' && a.attempts === 0)).toBe(
        true,
      );

      // A day later it is asked once again, still refused: held another day, first seen kept.
      h.setNow(later(UNAVAILABLE_HOLD_MS));
      await deliverDue({ ...deps, now: h.deps.now, pace: () => 0 });
      expect(postsTo('C-GONE')).toBe(before + 2);
      expect((await findTenant(store.db, { platform: 'slack', externalId: 'T-GONE' }))?.alertProblem).toEqual(
        {
          reason: 'not-in-channel',
          since: NOW,
          last: later(UNAVAILABLE_HOLD_MS),
        },
      );

      // A member chooses a channel the bot is in: the held alerts are due at once, and posted.
      const moved = await h.context({ tenant: 'T-GONE', platform: 'slack', channel: `C-NEW-${engine}` });
      await h.run(moved, '/insurance alerts here');
      expect((await h.run(moved, '/insurance check')).text).not.toContain('Alerts cannot be posted');
      const after = await deliverDue({ ...deps, now: h.deps.now, pace: () => 0 });
      expect(after.delivered).toBe((await outbox(store, 'T-GONE')).length);
      expect(postsTo(`C-NEW-${engine}`)).toBe(after.delivered);
      expect((await outbox(store, 'T-GONE')).every((a) => a.status === 'sent')).toBe(true);
      expect((await findTenant(store.db, { platform: 'slack', externalId: 'T-GONE' }))?.alertProblem).toBe(
        undefined,
      );
    } finally {
      slack.notInChannel.delete('C-GONE');
      await store.close();
    }
  });

  it('lets go by itself: once the bot is back in the channel, the next daily try posts and clears it', async () => {
    const store = await freshStore(engine);
    try {
      const h = harness(store, NOW);
      const ctx = await seed(h, 'T-BACK', 'C-BACK');
      slack.notInChannel.add('C-BACK');
      const deps = sweepDeps(h, `back-${engine}`);
      expect(await runSweep(deps)).toMatchObject({ delivered: 0, failed: 0 });
      slack.notInChannel.delete('C-BACK');
      h.setNow(later(UNAVAILABLE_HOLD_MS));
      expect(await deliverDue({ ...deps, now: h.deps.now, pace: () => 0 })).toMatchObject({ delivered: 2 });
      expect((await h.run(ctx, '/insurance alerts status')).tone).toBe('ok');
    } finally {
      slack.notInChannel.delete('C-BACK');
      await store.close();
    }
  });

  it('a revoked bot token holds every alert of that platform, unused, and asks Discord no more; Slack’s go on', async () => {
    const store = await freshStore(engine);
    const token = `revoked-${engine}`;
    discord.revokedTokens.add(token);
    try {
      const h = harness(store, NOW);
      await seed(h, `G-REVOKED-1-${engine}`, '400000000000000011', 'discord');
      await seed(h, `G-REVOKED-2-${engine}`, '400000000000000012', 'discord');
      await seed(h, `T-SLACK-OK-${engine}`, `C-OK-${engine}`);
      const errors: { obj: object; msg: string }[] = [];
      const deps: SweepDeps = {
        ...sweepDeps(h, `revoked-${engine}`),
        notifier: routeByPlatform({
          slack: slackNotifier(h),
          discord: discordPoster(
            discordRest({ token, apiUrl: discord.apiUrl } as never, { throwRateLimits: true }),
          ),
        }),
        log: { info: () => {}, warn: () => {}, error: (obj, msg) => errors.push({ obj, msg }) },
      };
      const refusedRequests = () => discord.requests.filter((r) => r.authorization === `Bot ${token}`).length;
      const result = await runSweep(deps);
      // Slack's team is posted to; Discord's four alerts wait, none used up, none failed.
      expect(result).toMatchObject({ delivered: 2, failed: 0, refused: ['discord'] });
      expect(postsTo(`C-OK-${engine}`)).toBe(2);
      const held = later(CREDENTIALS_HOLD_MS);
      for (const team of [`G-REVOKED-1-${engine}`, `G-REVOKED-2-${engine}`])
        expect(await outbox(store, team)).toEqual([
          { status: 'pending', attempts: 0, next_attempt_at: held },
          { status: 'pending', attempts: 0, next_attempt_at: held },
        ]);
      // Only the posts already on their way when the first 401 came back reached Discord.
      const asked = refusedRequests();
      expect(asked).toBeGreaterThanOrEqual(1);
      expect(asked).toBeLessThanOrEqual(2);
      expect(errors.map((e) => e.msg)).toEqual([
        'the platform refuses the bot’s token: its alerts are held until a working token is set',
      ]);
      // After the hold, the same process tries again: discord.js has dropped the token, so the
      // refusal is known without another request to Discord, and the alerts are held again.
      h.setNow(held);
      const again = await deliverDue({ ...deps, now: h.deps.now, pace: () => 0 });
      expect(again).toMatchObject({ delivered: 0, failed: 0, refused: ['discord'] });
      expect(refusedRequests()).toBe(asked);
      expect(
        (await outbox(store, `G-REVOKED-1-${engine}`)).every(
          (a) => a.status === 'pending' && a.attempts === 0,
        ),
      ).toBe(true);
    } finally {
      discord.revokedTokens.delete(token);
      await store.close();
    }
  });
});

describe('what each platform’s refusal is', () => {
  const tenant = (platform: 'slack' | 'discord', channel: string) =>
    ({ platform, externalId: 'T', alertChannel: channel, locale: undefined }) as never;
  const reply = { title: 'test', tone: 'info' as const };

  it('Slack: a channel the bot is not in, or that is gone or archived; other errors are retried', async () => {
    const poster = slackPoster({ botToken: 'xoxb-codes', apiUrl: slack.apiUrl }, {} as never, {
      retries: 0,
      minTimeout: 10,
      maxTimeout: 10,
    });
    const refusal = async (error: string) => {
      slack.script('chat.postMessage', { status: 200, body: { ok: false, error } });
      return poster.post(tenant('slack', 'C-X'), 'C-X', reply).then(
        () => 'posted',
        (err: unknown) =>
          err instanceof ChannelUnavailableError
            ? err.reason
            : err instanceof CredentialsRefusedError
              ? `token refused (${err.platform})`
              : 'retried',
      );
    };
    expect(await refusal('not_in_channel')).toBe('not-in-channel');
    expect(await refusal('channel_not_found')).toBe('no-channel');
    expect(await refusal('is_archived')).toBe('archived');
    expect(await refusal('restricted_action')).toBe('no-permission');
    // With one configured token, a bad token is the operator's to fix, for every team at once.
    expect(await refusal('invalid_auth')).toBe('token refused (slack)');
    expect(await refusal('token_revoked')).toBe('token refused (slack)');
    expect(await refusal('internal_error')).toBe('retried');
  });

  it('Discord: Missing Access, Missing Permissions, Unknown Channel; a server error is retried', async () => {
    const poster = discordPoster(
      discordRest({ token: 'x', apiUrl: discord.apiUrl } as never, { throwRateLimits: true }),
    );
    const refusal = async (status: number, code: number) => {
      discord.script((r) => r.method === 'POST' && r.path === '/channels/400000000000000001/messages', {
        status,
        body: { message: 'refused', code },
      });
      return poster.post(tenant('discord', '400000000000000001'), '400000000000000001', reply).then(
        () => 'posted',
        (err: unknown) => (err instanceof ChannelUnavailableError ? err.reason : 'retried'),
      );
    };
    expect(await refusal(403, 50001)).toBe('not-in-channel');
    expect(await refusal(403, 50013)).toBe('no-permission');
    expect(await refusal(404, 10003)).toBe('no-channel');
    expect(await refusal(400, 50035)).toBe('retried');
  });

  it('Discord: a 401 is the bot’s token refused, for every server, and later calls never reach Discord', async () => {
    const token = 'revoked-unit';
    discord.revokedTokens.add(token);
    try {
      const poster = discordPoster(
        discordRest({ token, apiUrl: discord.apiUrl } as never, { throwRateLimits: true }),
      );
      const post = (channel: string) =>
        poster.post(tenant('discord', channel), channel, reply).then(
          () => 'posted',
          (err: unknown) => (err instanceof CredentialsRefusedError ? err.platform : 'retried'),
        );
      expect(await post('400000000000000021')).toBe('discord');
      const asked = discord.requests.filter((r) => r.authorization === `Bot ${token}`).length;
      expect(await post('400000000000000022')).toBe('discord');
      expect(discord.requests.filter((r) => r.authorization === `Bot ${token}`).length).toBe(asked);
    } finally {
      discord.revokedTokens.delete(token);
    }
  });
});
