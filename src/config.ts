import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from './core/errors.js';
import {
  allowEntryProblem,
  mergePrivateNetworkAccess,
  type PrivateNetworkAccess,
} from './core/footer/fetch/address-policy.js';
import { DEFAULT_REVIEW_EVERY_DAYS } from './core/knowledge/freshness.js';

/** The knowledge folder shipped with the bot. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge', import.meta.url));

// t3-env's rule: an empty string in the environment means "not set", not "set to nothing".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => ['1', 'true', 'yes'].includes(v));
const idList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[CG][A-Z0-9]{6,}$/, 'expected Slack channel IDs like C0123ABCD, comma-separated')));
const allowList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .superRefine((entries, ctx) => {
    for (const entry of entries) {
      const problem = allowEntryProblem(entry);
      if (problem)
        ctx.addIssue({ code: 'custom', message: `${problem}; expected CIDRs and host names, comma-separated` });
    }
  });
// 32 bytes for AES-256-GCM, as 64 hex digits or base64 (`openssl rand -base64 32`).
const tokenKey = z
  .string()
  .transform((s) => Buffer.from(s.trim(), /^[0-9a-f]{64}$/i.test(s.trim()) ? 'hex' : 'base64'))
  .refine((key) => key.length === 32, 'expected 32 bytes: 64 hex digits or base64 (openssl rand -base64 32)');
const command = z.string().regex(/^\/[a-z0-9_-]{1,31}$/, 'expected a slash command like /faq');

const schema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'a bot token starts with xoxb-')),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, 'too short for a signing secret')),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'an app-level token starts with xapp-')),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/ })),
  SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/, 'expected a client ID like 1234567890.1234567890')),
  SLACK_CLIENT_SECRET: optional(z.string().min(16, 'too short for a client secret')),
  SLACK_STATE_SECRET: optional(z.string().min(16, 'use at least 16 random characters')),
  BEIAN_TOKEN_KEY: optional(tokenKey),
  SLACK_POST_PACE_MS: optional(z.coerce.number().int().min(0).max(60_000)),
  PORT: optional(z.coerce.number().int().min(0).max(65535)),
  BEIAN_KNOWLEDGE_DIR: optional(z.string()),
  BEIAN_DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(
    z.url({
      protocol: /^postgres(ql)?$/,
      error: 'expected a PostgreSQL URL like postgres://user:password@host:5432/beian',
    }),
  ),
  BEIAN_TRIAGE_CHANNELS: optional(idList),
  BEIAN_ESCALATION: optional(
    z
      .string()
      .regex(
        /^(S[A-Z0-9]{6,}|[CG][A-Z0-9]{6,}|U[A-Z0-9]{6,})$/,
        'expected a user group (S…), channel (C…) or user (U…) ID',
      ),
  ),
  BEIAN_FAQ_COMMAND: optional(command),
  BEIAN_FOOTER_COMMAND: optional(command),
  BEIAN_MIN_CONFIDENCE: optional(z.coerce.number().min(0).max(1)),
  BEIAN_TRIAGE_MIN_CONFIDENCE: optional(z.coerce.number().min(0).max(1)),
  BEIAN_ALLOW_PRIVATE_NETWORK: optional(bool),
  BEIAN_PRIVATE_NETWORK_ALLOW: optional(allowList),
  BEIAN_CHECK_TIMEOUT_SECONDS: optional(z.coerce.number().positive().max(300)),
  BEIAN_MAX_PAGE_BYTES: optional(z.coerce.number().int().positive()),
  BEIAN_CHECK_CONCURRENCY: optional(z.coerce.number().int().min(1).max(64)),
  BEIAN_RENDER: optional(bool),
  BEIAN_WATCH_COMMAND: optional(command),
  BEIAN_WATCH_ALERT_CHANNEL: optional(
    z.string().regex(/^[CG][A-Z0-9]{6,}$/, 'expected a Slack channel ID like C0123ABCD'),
  ),
  LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error'])),
  BEIAN_QUEUE_RETRIES: optional(z.coerce.number().int().min(0).max(20)),
  BEIAN_QUEUE_RETRY_DELAY_SECONDS: optional(z.coerce.number().int().min(1).max(3600)),
  BEIAN_HOST_INTERVAL_SECONDS: optional(z.coerce.number().min(0).max(3600)),
  BEIAN_REVIEW_EVERY_DAYS: optional(z.coerce.number().int('expected a whole number of days').min(1).max(3650)),
  BEIAN_DIGEST_CHANNEL: optional(z.string().regex(/^[CG][A-Z0-9]{6,}$/, 'expected a Slack channel ID like C0123ABCD')),
});

/** OAuth distribution to many workspaces: set by SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** BEIAN_TOKEN_KEY: installations' tokens are stored encrypted under it (AES-256-GCM). */
  tokenKey: Buffer;
}

export interface SlackConfig {
  /** One workspace's bot token; unset when the app is distributed with OAuth (tokens come from installations). */
  botToken: string | undefined;
  oauth: SlackOAuthConfig | undefined;
  /** Required in HTTP mode; Socket Mode does not sign requests. */
  signingSecret: string | undefined;
  /** Set: Socket Mode. Unset: HTTP mode on `port`. */
  appToken: string | undefined;
  apiUrl: string | undefined;
}

export interface Config {
  /** Null when no Slack credentials are set: `npm start` then runs the local console. */
  slack: SlackConfig | null;
  port: number;
  knowledgeDir: string;
  dataDir: string;
  /** PostgreSQL when set; otherwise the embedded SQLite file in dataDir. */
  databaseUrl: string | undefined;
  triageChannels: readonly string[];
  escalation: string | undefined;
  faqCommand: string;
  footerCommand: string;
  /** Overrides the matcher's tuned answer threshold when set. */
  minConfidence: number | undefined;
  /** Unasked replies in triage channels need more confidence than asked ones. */
  triageMinConfidence: number;
  /**
   * Which non-public addresses checks may reach: `true` (BEIAN_ALLOW_PRIVATE_NETWORK) grants each
   * target's own addresses; BEIAN_PRIVATE_NETWORK_ALLOW adds listed CIDRs and hosts.
   */
  allowPrivateNetwork: PrivateNetworkAccess;
  checkTimeoutMs: number;
  maxPageBytes: number;
  checkConcurrency: number;
  /** Slack footer checks render pages in Chromium and attach a picture of the footer (BEIAN_RENDER). */
  render: boolean;
  /** The footer watch list's slash command (BEIAN_WATCH_COMMAND). */
  watchCommand: string;
  /** The channel every footer watch alert goes to, besides the owner's DM (BEIAN_WATCH_ALERT_CHANNEL). */
  watchAlertChannel: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Queued checks: retries after a network failure, the first retry's delay, and the per-host rate limit. */
  queue: { retries: number; retryDelaySeconds: number; hostIntervalMs: number };
  /** Days an entry stays fresh after `reviewed` unless it sets its own `review_every`. */
  reviewEveryDays: number;
  /** Where `beian serve` posts the weekly knowledge digest; unset, no digest is posted. */
  digestChannel: string | undefined;
  /** Least time between two bot posts into one channel (Slack allows about one a second); per process. */
  postPaceMs: number;
}

/** Validates the environment once, at the edge; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  return {
    slack: slackConfig(e),
    port: e.PORT ?? 3000,
    knowledgeDir: e.BEIAN_KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR,
    dataDir: e.BEIAN_DATA_DIR ?? 'data',
    databaseUrl: e.DATABASE_URL,
    triageChannels: e.BEIAN_TRIAGE_CHANNELS ?? [],
    escalation: e.BEIAN_ESCALATION,
    faqCommand: e.BEIAN_FAQ_COMMAND ?? '/faq',
    footerCommand: e.BEIAN_FOOTER_COMMAND ?? '/footer-check',
    minConfidence: e.BEIAN_MIN_CONFIDENCE,
    triageMinConfidence: e.BEIAN_TRIAGE_MIN_CONFIDENCE ?? 0.75,
    allowPrivateNetwork: mergePrivateNetworkAccess(e.BEIAN_ALLOW_PRIVATE_NETWORK, {
      target: false,
      allow: e.BEIAN_PRIVATE_NETWORK_ALLOW ?? [],
    }),
    checkTimeoutMs: (e.BEIAN_CHECK_TIMEOUT_SECONDS ?? 20) * 1000,
    maxPageBytes: e.BEIAN_MAX_PAGE_BYTES ?? 5 * 1024 * 1024,
    checkConcurrency: e.BEIAN_CHECK_CONCURRENCY ?? 8,
    render: e.BEIAN_RENDER ?? false,
    watchCommand: e.BEIAN_WATCH_COMMAND ?? '/footer-watch',
    watchAlertChannel: e.BEIAN_WATCH_ALERT_CHANNEL,
    logLevel: e.LOG_LEVEL ?? 'info',
    queue: {
      retries: e.BEIAN_QUEUE_RETRIES ?? 3,
      retryDelaySeconds: e.BEIAN_QUEUE_RETRY_DELAY_SECONDS ?? 10,
      hostIntervalMs: Math.round((e.BEIAN_HOST_INTERVAL_SECONDS ?? 1) * 1000),
    },
    reviewEveryDays: e.BEIAN_REVIEW_EVERY_DAYS ?? DEFAULT_REVIEW_EVERY_DAYS,
    digestChannel: e.BEIAN_DIGEST_CHANNEL,
    postPaceMs: e.SLACK_POST_PACE_MS ?? 1000,
  };
}

function slackConfig(e: z.infer<typeof schema>): SlackConfig | null {
  const oauth = oauthConfig(e);
  const any = e.SLACK_BOT_TOKEN ?? e.SLACK_SIGNING_SECRET ?? e.SLACK_APP_TOKEN ?? oauth;
  if (any === undefined) return null;
  if (oauth) return { botToken: undefined, oauth, ...requireReceiverSecret(e) };
  const missing: string[] = [];
  if (!e.SLACK_BOT_TOKEN) missing.push('SLACK_BOT_TOKEN');
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET)
    missing.push('SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)');
  if (missing.length > 0 || !e.SLACK_BOT_TOKEN) {
    throw new ConfigError(`Invalid configuration: Slack credentials are incomplete; set ${missing.join(' and ')}.`);
  }
  return {
    botToken: e.SLACK_BOT_TOKEN,
    oauth: undefined,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    apiUrl: e.SLACK_API_URL,
  };
}

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

function oauthConfig(e: z.infer<typeof schema>): SlackOAuthConfig | undefined {
  const given = OAUTH_VARIABLES.filter((name) => e[name] !== undefined);
  if (given.length === 0) return undefined;
  const missing: string[] = OAUTH_VARIABLES.filter((name) => e[name] === undefined);
  if (!e.BEIAN_TOKEN_KEY) missing.push('BEIAN_TOKEN_KEY (the key installations are encrypted with)');
  if (missing.length > 0) {
    throw new ConfigError(`Invalid configuration: OAuth distribution needs ${missing.join(' and ')} as well.`);
  }
  if (e.SLACK_BOT_TOKEN) {
    throw new ConfigError(
      'Invalid configuration: set SLACK_BOT_TOKEN (one workspace) or the OAuth variables (many workspaces), not both.',
    );
  }
  return {
    clientId: e.SLACK_CLIENT_ID as string,
    clientSecret: e.SLACK_CLIENT_SECRET as string,
    stateSecret: e.SLACK_STATE_SECRET as string,
    tokenKey: e.BEIAN_TOKEN_KEY as Buffer,
  };
}

function requireReceiverSecret(e: z.infer<typeof schema>) {
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'Invalid configuration: Slack credentials are incomplete; set SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode).',
    );
  }
  return { signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL };
}
