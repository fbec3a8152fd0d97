import type { Logger, LogLevel } from '@slack/bolt';
import type { SlackConfig } from '../config.js';

type Level = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
// Bot, user, app-level and refresh tokens: whatever a library puts in a message, they never reach the log.
const TOKEN = /\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g;

/** Options for createLogger. */
export interface LoggerOptions {
  /** Where lines go; stderr by default so stdout stays clean for CLI output. */
  write?: (line: string) => void;
  /** Other values that must never be logged (the signing secret). */
  secrets?: readonly (string | undefined)[];
  name?: string;
}

/** The configured secrets no log line may show: the signing secret, and with OAuth the client and state secrets. */
export function secretsOf(slack: SlackConfig | null | undefined): (string | undefined)[] {
  return [slack?.signingSecret, slack?.oauth?.clientSecret, slack?.oauth?.stateSecret];
}

/** Replaces every Slack token and every given secret in `text` with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(TOKEN, '[redacted]');
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** A Bolt-compatible logger that honours `level` and never writes a token. */
export function createLogger(level: Level, options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const secrets = options.secrets ?? [];
  let current: Level = level;
  let name = options.name ?? 'beian';
  const log =
    (at: Level) =>
    (...msg: unknown[]) => {
      if (ORDER[at] < ORDER[current]) return;
      const text = msg.map(formatPart).join(' ');
      write(`${new Date().toISOString()} ${at.toUpperCase()} [${name}] ${redactSecrets(text, secrets)}\n`);
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    setLevel: (next: LogLevel) => {
      current = next as Level;
    },
    getLevel: () => current as LogLevel,
    setName: (next: string) => {
      name = next;
    },
  };
}

function formatPart(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.stack ?? `${part.name}: ${part.message}`;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}
