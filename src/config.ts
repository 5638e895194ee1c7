// Environment -> typed configuration. Every variable is documented in .env.example; anything
// invalid stops start-up with a message naming the variable (never its value: it may be a secret).
// A blank variable is an unset one, everywhere: `PORT=` means the default port, not port 0, and
// `DATABASE_URL=` the default file, not a temporary database. Credentials that cannot work alone
// (a signing secret without a token, an application id without a bot token) stop start-up too,
// rather than quietly falling back to the terminal.
import cron from 'node-cron';
import { z } from 'zod';
import { isTimeZone } from './rules/calendar.ts';
import { parseSecretKey } from './secrets.ts';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

function validKey(v: string | undefined): boolean {
  if (v === undefined) return true;
  try {
    parseSecretKey(v);
    return true;
  } catch {
    return false;
  }
}

const schema = z
  .object({
    DATABASE_URL: z.string().trim().default('./data/coverwatch.sqlite'),
    SQLITE_SYNCHRONOUS: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['normal', 'full'], { error: 'must be normal or full' }))
      .default('normal'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEFAULT_TIME_ZONE: z
      .string()
      .default('America/Los_Angeles')
      .refine(isTimeZone, 'must be an IANA time zone such as America/New_York'),
    ALERT_CRON: z
      .string()
      .default('0 * * * *')
      .refine((e) => cron.validate(e), 'must be a cron expression such as "0 * * * *"'),
    ALERT_HOUR: z.coerce.number().int().min(0).max(23).default(9),
    ALERT_DELIVERY_CRON: z
      .string()
      .default('* * * * *')
      .refine((e) => cron.validate(e), 'must be a cron expression such as "* * * * *"'),
    ALERT_DELIVERY_BATCH: z.coerce.number().int().min(1).max(1000).default(200),
    ALERT_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    HEALTH_HOST: z.string().default('0.0.0.0'),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    SLACK_BOT_TOKEN: optional,
    SLACK_SIGNING_SECRET: optional,
    SLACK_APP_TOKEN: optional,
    SLACK_CLIENT_ID: optional,
    SLACK_CLIENT_SECRET: optional,
    SLACK_STATE_SECRET: optional,
    SLACK_API_URL: z
      .url()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    DISCORD_TOKEN: optional,
    DISCORD_APPLICATION_ID: optional,
    DISCORD_PUBLIC_KEY: optional.refine(
      (v) => v === undefined || /^[0-9a-f]{64}$/i.test(v),
      'must be the 64 hexadecimal characters of the Public Key on the Developer Portal (General Information)',
    ),
    DISCORD_API_URL: z
      .url()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    COVERWATCH_SECRET_KEY: optional.refine(
      validKey,
      'must be 32 random bytes: base64 (openssl rand -base64 32) or 64 hex digits',
    ),
    COVERWATCH_SECRET_KEY_PREVIOUS: optional.refine(
      (v) => v === undefined || v.split(',').every((k) => validKey(k)),
      'must be earlier values of COVERWATCH_SECRET_KEY, separated by commas',
    ),
    AMAZON_LWA_CLIENT_ID: optional,
    AMAZON_LWA_CLIENT_SECRET: optional,
    AMAZON_SP_API_URL: z
      .url()
      .default('https://sellingpartnerapi-na.amazon.com')
      .or(z.literal('').transform(() => 'https://sellingpartnerapi-na.amazon.com')),
    AMAZON_LWA_URL: z
      .url()
      .default('https://api.amazon.com/auth/o2/token')
      .or(z.literal('').transform(() => 'https://api.amazon.com/auth/o2/token')),
    COVERWATCH_CHART_DIR: optional,
    AMAZON_APP_ID: optional,
    AMAZON_CONSENT_URL: z
      .url()
      .default('https://sellercentral.amazon.com/apps/authorize/consent')
      .or(z.literal('').transform(() => 'https://sellercentral.amazon.com/apps/authorize/consent')),
    AMAZON_APP_DRAFT: optional,
    COVERWATCH_PUBLIC_URL: z
      .url()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    SALES_SYNC_CRON: z
      .string()
      .default('15 * * * *')
      .refine((e) => cron.validate(e), 'must be a cron expression such as "15 * * * *"'),
    // Tests and demos only: the instant the bot takes to be "now".
    COVERWATCH_NOW: z.iso
      .datetime({ offset: true })
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .superRefine((env, ctx) => {
    const slack = env.SLACK_BOT_TOKEN || env.SLACK_CLIENT_ID;
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const)
      if (env[name] && !slack)
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message:
            'is set, but Slack also needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (OAuth installs)',
        });
    for (const name of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const)
      if (env[name] && !env.SLACK_CLIENT_ID)
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'is set, but OAuth installs also need SLACK_CLIENT_ID',
        });
    if (env.SLACK_CLIENT_ID && !env.COVERWATCH_SECRET_KEY)
      ctx.addIssue({
        code: 'custom',
        path: ['COVERWATCH_SECRET_KEY'],
        message:
          'is required with OAuth installs (SLACK_CLIENT_ID): it encrypts the stored Slack tokens. Make one with: openssl rand -base64 32',
      });
    for (const name of ['DISCORD_APPLICATION_ID', 'DISCORD_PUBLIC_KEY'] as const)
      if (env[name] && !env.DISCORD_TOKEN)
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'is set, but Discord also needs DISCORD_TOKEN (the bot token)',
        });
    if (env.SLACK_BOT_TOKEN && env.SLACK_CLIENT_ID)
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_CLIENT_ID'],
        message: 'set SLACK_BOT_TOKEN (one workspace) or the OAuth variables (many), not both',
      });
    if ((env.SLACK_BOT_TOKEN || env.SLACK_CLIENT_ID) && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)',
      });
    if (
      env.SLACK_CLIENT_ID &&
      (!env.SLACK_CLIENT_SECRET || !env.SLACK_STATE_SECRET || !env.SLACK_SIGNING_SECRET)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_CLIENT_SECRET'],
        message: 'OAuth installs need SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET',
      });
    if (Boolean(env.AMAZON_LWA_CLIENT_ID) !== Boolean(env.AMAZON_LWA_CLIENT_SECRET))
      ctx.addIssue({
        code: 'custom',
        path: [env.AMAZON_LWA_CLIENT_ID ? 'AMAZON_LWA_CLIENT_SECRET' : 'AMAZON_LWA_CLIENT_ID'],
        message:
          'Amazon needs both AMAZON_LWA_CLIENT_ID and AMAZON_LWA_CLIENT_SECRET (your SP-API app’s LWA credentials)',
      });
    if (env.AMAZON_APP_ID && !env.COVERWATCH_PUBLIC_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['COVERWATCH_PUBLIC_URL'],
        message:
          'the website authorization workflow (AMAZON_APP_ID) needs the public URL Seller Central sends sellers back to',
      });
    if (env.AMAZON_LWA_CLIENT_ID && !env.COVERWATCH_SECRET_KEY)
      ctx.addIssue({
        code: 'custom',
        path: ['COVERWATCH_SECRET_KEY'],
        message:
          'connecting Amazon accounts stores their refresh tokens, which are sealed with COVERWATCH_SECRET_KEY',
      });
  });

export type Env = z.infer<typeof schema>;

/** Where Seller Central sends a seller back after the consent page (the app's registered redirect URI). */
export const AMAZON_CALLBACK_PATH = '/amazon/callback';

export interface Config {
  readonly databaseUrl: string;
  /** SQLite: whether each commit waits for the disk (full) or only for the operating system (normal). */
  readonly sqliteSynchronous: 'normal' | 'full';
  readonly logLevel: Env['LOG_LEVEL'];
  readonly defaultTimeZone: string;
  readonly alertCron: string;
  /** Delivery alone (retries that have come due), between sweeps. */
  readonly deliveryCron: string;
  readonly alertHour: number;
  readonly alertBatch: number;
  /** How long a replica's claim on a team (planning) or an alert (posting) holds before others may take it. */
  readonly alertLeaseMs: number;
  readonly port: number;
  /** Liveness, readiness and metrics over HTTP; undefined = no such server. */
  readonly health?: { readonly port: number; readonly host: string } | undefined;
  /** How long a shutdown waits for commands in flight before giving up. */
  readonly shutdownGraceMs: number;
  /** Keys for secrets at rest: the current one seals, the previous ones still open. */
  readonly secretKeys?: { readonly current: Buffer; readonly previous: readonly Buffer[] } | undefined;
  /** A fixed "now" (tests, demos); undefined means the real clock. */
  readonly now?: Date | undefined;
  readonly slack?: {
    readonly botToken?: string | undefined;
    readonly signingSecret?: string | undefined;
    readonly appToken?: string | undefined;
    readonly oauth?:
      | { readonly clientId: string; readonly clientSecret: string; readonly stateSecret: string }
      | undefined;
    readonly apiUrl?: string | undefined;
  };
  /** Amazon's Selling Partner API: set when the LWA app credentials are. */
  readonly amazon?: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly apiUrl: string;
    readonly lwaUrl: string;
    /** The website authorization workflow (a public app): set with AMAZON_APP_ID and COVERWATCH_PUBLIC_URL. */
    readonly website?: {
      readonly appId: string;
      readonly consentUrl: string;
      readonly redirectUri: string;
      readonly draft: boolean;
    };
  };
  /** When connected accounts' sales are synced from Amazon. */
  readonly salesSyncCron: string;
  /** Where the terminal writes charts; undefined: coverwatch-charts in the temporary directory. */
  readonly chartDir?: string | undefined;
  readonly discord?: {
    readonly token: string;
    readonly applicationId?: string | undefined;
    readonly apiUrl?: string | undefined;
    /** Set: interactions arrive over HTTP at /discord/interactions (no gateway connection). */
    readonly publicKey?: string | undefined;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Blank is unset: every value trimmed, and an empty one dropped so its default applies. */
function unsetBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && value.trim() !== '') out[name] = value.trim();
  return out;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(unsetBlanks(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new ConfigError(
      `invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`,
    );
  }
  const e = parsed.data;
  const slackOn = Boolean(e.SLACK_BOT_TOKEN || e.SLACK_CLIENT_ID);
  return {
    databaseUrl: e.DATABASE_URL,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    logLevel: e.LOG_LEVEL,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    alertCron: e.ALERT_CRON,
    deliveryCron: e.ALERT_DELIVERY_CRON,
    alertHour: e.ALERT_HOUR,
    alertBatch: e.ALERT_DELIVERY_BATCH,
    alertLeaseMs: e.ALERT_LEASE_MS,
    port: e.PORT,
    health: e.HEALTH_PORT === undefined ? undefined : { port: e.HEALTH_PORT, host: e.HEALTH_HOST },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    secretKeys: e.COVERWATCH_SECRET_KEY
      ? {
          current: parseSecretKey(e.COVERWATCH_SECRET_KEY),
          previous: (e.COVERWATCH_SECRET_KEY_PREVIOUS?.split(',') ?? []).map(parseSecretKey),
        }
      : undefined,
    now: e.COVERWATCH_NOW ? new Date(e.COVERWATCH_NOW) : undefined,
    salesSyncCron: e.SALES_SYNC_CRON,
    chartDir: e.COVERWATCH_CHART_DIR,
    ...(e.AMAZON_LWA_CLIENT_ID && {
      amazon: {
        clientId: e.AMAZON_LWA_CLIENT_ID,
        clientSecret: e.AMAZON_LWA_CLIENT_SECRET!,
        apiUrl: e.AMAZON_SP_API_URL,
        lwaUrl: e.AMAZON_LWA_URL,
        ...(e.AMAZON_APP_ID && e.COVERWATCH_PUBLIC_URL
          ? {
              website: {
                appId: e.AMAZON_APP_ID,
                consentUrl: e.AMAZON_CONSENT_URL,
                redirectUri: new URL(AMAZON_CALLBACK_PATH, e.COVERWATCH_PUBLIC_URL).toString(),
                draft: e.AMAZON_APP_DRAFT === 'true',
              },
            }
          : {}),
      },
    }),
    ...(slackOn && {
      slack: {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        oauth: e.SLACK_CLIENT_ID
          ? {
              clientId: e.SLACK_CLIENT_ID,
              clientSecret: e.SLACK_CLIENT_SECRET!,
              stateSecret: e.SLACK_STATE_SECRET!,
            }
          : undefined,
        apiUrl: e.SLACK_API_URL,
      },
    }),
    ...(e.DISCORD_TOKEN && {
      discord: {
        token: e.DISCORD_TOKEN,
        applicationId: e.DISCORD_APPLICATION_ID,
        apiUrl: e.DISCORD_API_URL,
        publicKey: e.DISCORD_PUBLIC_KEY,
      },
    }),
  };
}

/** Every secret's value, so logs and replies can be checked against them. */
export function secretsOf(config: Config): string[] {
  return [
    config.slack?.botToken,
    config.slack?.signingSecret,
    config.slack?.appToken,
    config.slack?.oauth?.clientSecret,
    config.slack?.oauth?.stateSecret,
    config.discord?.token,
    config.discord?.publicKey,
    config.amazon?.clientSecret,
    ...(config.secretKeys
      ? [config.secretKeys.current, ...config.secretKeys.previous].flatMap((k) => [
          k.toString('base64'),
          k.toString('hex'),
        ])
      : []),
  ].filter((s): s is string => Boolean(s));
}
