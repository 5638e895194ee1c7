// /insurance alerts here|off|status|test: where and when the team's alerts are posted.
import { ChannelUnavailableError, CredentialsRefusedError } from '../../src/alerts/notifier.ts';
import { alertHourOf, alertsOff, alertsStatus, setAlertChannel } from '../../src/app/settings.ts';
import { arg } from '../args.ts';
import { defineCommand } from '../spec.ts';
import { alertProblemLine, channelRef, hourText, wallTime } from '../views.ts';

export const alertsCommands = [
  defineCommand({
    path: ['insurance', 'alerts', 'here'],
    summary: 'cmd.insurance.alerts.here',
    permission: 'manage',
    args: {
      hour: arg.integer({ description: 'arg.hour', example: '9', optional: true, max: 23 }),
      'time-zone': arg.timeZone({ description: 'arg.team-time-zone', optional: true, aliases: ['tz'] }),
    },
    handler: async (ctx, args) => {
      const w = ctx.words;
      if (!ctx.channelId) return { title: w.t('alerts.here.no-channel'), tone: 'warn', private: true };
      const problem = await ctx.channels?.check(ctx.channelId, w);
      if (problem)
        return { title: w.t('alerts.here.cannot-post'), tone: 'danger', lines: [problem], private: true };
      const tenant = await setAlertChannel(ctx.deps, ctx.scope, {
        channel: ctx.channelId,
        hour: args.hour,
        timeZone: args['time-zone'],
      });
      return {
        title: w.t('alerts.here.title'),
        tone: 'ok',
        lines: [
          w.t('alerts.here.when', {
            hour: hourText(alertHourOf(ctx.deps, tenant)),
            zone: tenant.timeZone,
          }),
        ],
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'alerts', 'off'],
    summary: 'cmd.insurance.alerts.off',
    permission: 'manage',
    args: {},
    handler: async (ctx) => {
      await alertsOff(ctx.deps, ctx.scope);
      return { title: ctx.words.t('alerts.off.title'), tone: 'ok', lines: [ctx.words.t('alerts.off.hint')] };
    },
  }),
  defineCommand({
    path: ['insurance', 'alerts', 'status'],
    summary: 'cmd.insurance.alerts.status',
    permission: 'read',
    args: {},
    handler: async (ctx) => {
      const w = ctx.words;
      const s = await alertsStatus(ctx.deps, ctx.scope);
      const channel = s.tenant.alertChannel;
      const refused = alertProblemLine(s.tenant, w);
      return {
        title: w.t(channel ? 'alerts.status.on' : 'alerts.status.off'),
        tone: refused ? 'danger' : s.counts.failed || s.problems.length ? 'warn' : channel ? 'ok' : 'info',
        fields: [
          { label: w.t('alerts.field.channel'), value: channel ?? w.t('alerts.channel.none') },
          { label: w.t('alerts.field.sent-at'), value: `${hourText(s.alertHour)} ${s.tenant.timeZone}` },
          { label: w.t('alerts.field.pending'), value: String(s.counts.pending) },
          { label: w.t('alerts.field.failed'), value: String(s.counts.failed) },
          { label: w.t('alerts.field.sent'), value: String(s.counts.sent) },
          { label: w.t('alerts.field.last-checked'), value: s.tenant.plannedOn ?? w.t('alerts.sweep.never') },
          {
            label: w.t('alerts.field.last-sent'),
            value: s.lastSent ? wallTime(s.lastSent, s.tenant.timeZone, w) : w.t('alerts.sweep.never'),
          },
        ],
        lines: [
          ...(refused ? [refused] : []),
          ...s.failed.map((a) =>
            w.t('alerts.failed-line', {
              attempts: a.attempts,
              key: a.key,
              error: a.lastError ?? w.t('alerts.unknown-error'),
            }),
          ),
          ...s.problems.map((p) => {
            const problem = p.id ? w.t(p.id, p.values) : p.problem;
            return p.account === '*'
              ? w.t('alerts.problem.team', { problem })
              : w.t('alerts.problem.account', { account: p.account, problem });
          }),
        ],
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'alerts', 'test'],
    summary: 'cmd.insurance.alerts.test',
    permission: 'manage',
    args: {},
    handler: async (ctx) => {
      const w = ctx.words;
      const s = await alertsStatus(ctx.deps, ctx.scope);
      const channel = s.tenant.alertChannel;
      if (!channel || !ctx.channels)
        return {
          title: w.t('alerts.test.no-channel'),
          tone: 'warn',
          lines: [w.t('alerts.test.no-channel.hint')],
        };
      try {
        await ctx.channels.post(
          channel,
          { title: w.t('alerts.test.alert'), tone: 'info', lines: [w.t('alerts.test.alert.body')] },
          w,
        );
      } catch (err) {
        // The bot's own token refused: only whoever runs coverwatch can fix that; no team can.
        if (err instanceof CredentialsRefusedError)
          return {
            title: w.t('alerts.test.refused'),
            tone: 'danger',
            lines: [w.t('alerts.test.token-refused', { platform: err.platform })],
            private: true,
          };
        // Refused for a reason the team can fix: say which, rather than an error id.
        if (!(err instanceof ChannelUnavailableError)) throw err;
        return {
          title: w.t('alerts.test.refused'),
          tone: 'danger',
          lines: [
            w.t('alerts.test.refused.why', {
              channel: channelRef(ctx.platform, channel),
              reason: w.t(`alerts.refused.${err.reason}`),
            }),
            w.t('alerts.test.refused.hint'),
          ],
          private: true,
        };
      }
      return { title: w.t('alerts.test.posted'), tone: 'ok', private: true };
    },
  }),
];
