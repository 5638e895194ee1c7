// /insurance settings [language:…]: the team's settings in one place, and its language, which
// every member then reads. A manager's command: the settings are theirs to keep.
import { alertHourOf, setLanguage } from '../../src/app/settings.ts';
import type { Locale } from '../../src/i18n/index.ts';
import { wordsFor } from '../../src/i18n/index.ts';
import type { Reply } from '../../src/reply.ts';
import { arg } from '../args.ts';
import { defineCommand } from '../spec.ts';
import { channelRef, hourText } from '../views.ts';

/** What people type for a language (upper-cased): its names and the codes of other systems. */
const LANGUAGE_NAMES = {
  ZH: 'zh-CN',
  ZH_CN: 'zh-CN',
  'ZH-HANS': 'zh-CN',
  'ZH-HANS-CN': 'zh-CN',
  CHINESE: 'zh-CN',
  中文: 'zh-CN',
  简体中文: 'zh-CN',
  汉语: 'zh-CN',
  EN_US: 'en',
  'EN-US': 'en',
  'EN-GB': 'en',
  ENGLISH: 'en',
  英文: 'en',
  英语: 'en',
} as const;

export const settingsCommands = [
  defineCommand({
    path: ['insurance', 'settings'],
    summary: 'cmd.insurance.settings',
    permission: 'manage',
    args: {
      language: arg.choice(['en', 'zh-CN', 'default'] as const, {
        description: 'arg.language',
        optional: true,
        keyed: true,
        aliases: ['lang'],
        also: LANGUAGE_NAMES,
      }),
    },
    handler: async (ctx, args): Promise<Reply> => {
      let tenant = ctx.scope.tenant;
      let w = ctx.words;
      let changed = false;
      if (args.language) {
        const locale = args.language === 'default' ? null : (args.language as Locale);
        tenant = await setLanguage(ctx.deps, ctx.scope, locale);
        // The answer to a change of language is already in the new one.
        w = wordsFor(locale ?? ctx.requestLocale ?? 'en');
        changed = true;
      }
      return {
        title: w.t(changed ? 'settings.changed' : 'settings.title'),
        tone: changed ? 'ok' : 'info',
        fields: [
          {
            label: w.t('settings.field.language'),
            value: tenant.locale
              ? w.t('settings.language', { locale: tenant.locale.replace('-', '_') })
              : w.t('settings.language.default'),
          },
          { label: w.t('settings.field.time-zone'), value: tenant.timeZone },
          {
            label: w.t('settings.field.alerts'),
            value: tenant.alertChannel
              ? w.t('settings.alerts', {
                  channel: channelRef(tenant.platform, tenant.alertChannel),
                  hour: hourText(alertHourOf(ctx.deps, tenant)),
                })
              : w.t('alerts.channel.none'),
          },
        ],
        lines: [w.t('settings.how')],
      };
    },
  }),
];
