import { alertsOff, alertsStatus, setAlertChannel } from '../../src/app/settings.ts';
import { wordsFor } from '../../src/i18n/index.ts';
import type { CommandSpec } from '../spec.ts';

export const alertsCommands: CommandSpec[] = [
  {
    path: ['insurance', 'alerts', 'here'],
    summary: 'Post alerts in this channel (optionally at an hour, in a time zone).',
    permission: 'manage',
    args: [
      {
        name: 'hour',
        kind: 'integer',
        required: false,
        description: 'Hour of day alerts go out (0-23)',
        example: '9',
      },
      {
        name: 'time-zone',
        kind: 'text',
        required: false,
        description: "The team's time zone (IANA)",
        example: 'America/New_York',
        aliases: ['tz'],
      },
    ],
    handler: async (ctx, args) => {
      if (!ctx.channelId)
        return { title: 'Run this in the channel that should receive alerts.', tone: 'warn', private: true };
      const problem = await ctx.channels?.check(ctx.channelId);
      if (problem)
        return { title: 'I cannot post in this channel', tone: 'danger', lines: [problem], private: true };
      const tenant = await setAlertChannel(ctx.deps, ctx.scope, {
        channel: ctx.channelId,
        hour: args.hour === undefined ? undefined : Number(args.hour),
        timeZone: args['time-zone'],
      });
      const hour = tenant.alert_hour ?? ctx.deps.defaults.alertHour;
      return {
        title: 'Alerts will be posted in this channel',
        tone: 'ok',
        lines: [
          `Daily from ${String(hour).padStart(2, '0')}:00 ${tenant.time_zone}. Try it: /insurance alerts test`,
        ],
      };
    },
  },
  {
    path: ['insurance', 'alerts', 'off'],
    summary: 'Stop posting alerts.',
    permission: 'manage',
    args: [],
    handler: async (ctx) => {
      await alertsOff(ctx.deps, ctx.scope);
      return {
        title: 'Alerts are off',
        tone: 'ok',
        lines: ['Turn them on again with /insurance alerts here.'],
      };
    },
  },
  {
    path: ['insurance', 'alerts', 'status'],
    summary: 'Where alerts go, and how many are pending, failed and sent.',
    permission: 'read',
    args: [],
    handler: async (ctx) => {
      const s = await alertsStatus(ctx.deps, ctx.scope);
      return {
        title: s.tenant.alert_channel ? 'Alerts are on' : 'Alerts are off',
        tone: s.counts.failed || s.problems.length ? 'warn' : s.tenant.alert_channel ? 'ok' : 'info',
        fields: [
          { label: 'Channel', value: s.tenant.alert_channel ?? 'none (use /insurance alerts here)' },
          { label: 'Sent at', value: `${String(s.alertHour).padStart(2, '0')}:00 ${s.tenant.time_zone}` },
          { label: 'Pending', value: String(s.counts.pending) },
          { label: 'Failed', value: String(s.counts.failed) },
          { label: 'Sent', value: String(s.counts.sent) },
          {
            label: 'Last sweep',
            value: s.lastSweep
              ? `${s.lastSweep.finished_at ?? `${s.lastSweep.started_at} (running)`}`
              : 'never',
          },
        ],
        lines: [
          ...s.failed.map(
            (a) => `Failed after ${a.attempts} attempt(s): ${a.key} — ${a.lastError ?? 'unknown error'}`,
          ),
          ...s.problems.map((p) =>
            p.account === '*'
              ? wordsFor().t('alerts.problem.team', { problem: p.problem })
              : wordsFor().t('alerts.problem.account', { account: p.account, problem: p.problem }),
          ),
        ],
      };
    },
  },
  {
    path: ['insurance', 'alerts', 'test'],
    summary: 'Post a test alert to the alert channel.',
    permission: 'manage',
    args: [],
    handler: async (ctx) => {
      const s = await alertsStatus(ctx.deps, ctx.scope);
      const channel = s.tenant.alert_channel;
      if (!channel || !ctx.channels)
        return {
          title: 'No alert channel yet',
          tone: 'warn',
          lines: ['Run /insurance alerts here in the channel that should receive alerts.'],
        };
      await ctx.channels.post(channel, {
        title: 'Test alert from coverwatch',
        tone: 'info',
        lines: ['Alerts about thresholds, deadlines, policies and claims will appear here.'],
      });
      return { title: 'Test alert posted', tone: 'ok', private: true };
    },
  },
];
