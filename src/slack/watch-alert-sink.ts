import type { Logger, webApi } from '@slack/bolt';
import type { AlertEvent, AlertSink } from '../core/watch/types.js';
import type { AlertThreadStore } from '../store/alert-thread-store.js';
import type { SlackMessage } from './blocks/message.js';
import { buildAlertDigest, buildAlertMessage, type PostedAlert } from './blocks/watch-alert.js';
import { uploadScreenshot } from './upload-screenshot.js';
import type { LanguageResolver } from './user-language.js';

/** Least time between two alert messages to one conversation: Slack allows about one a second per channel. */
export const ALERT_INTERVAL_MS = 1000;

/** What the Slack alert sink needs. */
export interface SlackAlertSinkOptions {
  client: webApi.WebClient;
  /** The channel every alert also goes to (BEIAN_WATCH_ALERT_CHANNEL); owners get theirs by DM either way. */
  channel?: string | undefined;
  threads: AlertThreadStore;
  languages: LanguageResolver;
  logger: Logger;
  /** Least time between two messages to one conversation; alerts arriving meanwhile join one digest. */
  intervalMs?: number;
  now?: () => number;
}

/** The Slack AlertSink, plus a way to send what is waiting at once (shutdown). */
export interface SlackAlertSink extends AlertSink {
  /** Posts every waiting alert now, whatever the interval. */
  flush(): Promise<void>;
}

interface Waiting {
  event: PostedAlert;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Lane {
  waiting: Waiting[];
  timer: NodeJS.Timeout | null;
  /** When the lane may post again (ms since the epoch). */
  freeAt: number;
  /** True while a post is under way: alerts arriving meanwhile wait for the interval after it. */
  posting: boolean;
}

// Slack user ids (U…, W… on Enterprise Grid): owners given as names (`@alice`, from the CLI) cannot be messaged.
const USER_ID = /^[UW][A-Z0-9]{6,}$/;

/**
 * Alerts to Slack: each goes to the alert channel and, by DM, to the watch's owner. Per conversation, the first
 * alert of a burst goes out at once and the ones that follow within `intervalMs` are posted together as one
 * digest, so a conversation gets about one message a second at most. A regression's message is remembered, and
 * the recovery that ends the incident replies in its thread. An alert's footer picture is uploaded once and shown
 * in every conversation; a refused upload is logged and the alert goes without it. Each alert resolves once posted
 * everywhere; a failure rejects it (the scheduler logs it) without holding up the others.
 */
export function createSlackAlertSink(options: SlackAlertSinkOptions): SlackAlertSink {
  const intervalMs = options.intervalMs ?? ALERT_INTERVAL_MS;
  const now = options.now ?? Date.now;
  const lanes = new Map<string, Lane>();

  const laneOf = (conversation: string): Lane => {
    let lane = lanes.get(conversation);
    if (!lane) {
      lane = { waiting: [], timer: null, freeAt: 0, posting: false };
      lanes.set(conversation, lane);
    }
    return lane;
  };

  const enqueue = (conversation: string, event: PostedAlert) =>
    new Promise<void>((resolve, reject) => {
      const lane = laneOf(conversation);
      lane.waiting.push({ event, resolve, reject });
      if (lane.timer || lane.posting) return;
      const delay = Math.max(0, lane.freeAt - now());
      lane.timer = setTimeout(() => void flushLane(conversation, lane), delay);
    });

  async function flushLane(conversation: string, lane: Lane): Promise<void> {
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = null;
    const batch = lane.waiting.splice(0);
    if (batch.length === 0) return;
    lane.posting = true;
    let posted = 0;
    try {
      const t = await options.languages.catalogueFor(
        options.client,
        USER_ID.test(conversation) ? conversation : undefined,
      );
      const digest: Waiting[] = [];
      for (const item of batch) {
        const thread =
          item.event.kind === 'recovery'
            ? await options.threads.find(item.event.target, item.event.incidentSince, conversation)
            : null;
        if (thread) {
          await post(conversation, buildAlertMessage(item.event, t), thread.ts);
          posted += 1;
          item.resolve();
        } else digest.push(item);
      }
      if (digest.length > 0) {
        const ts = await post(
          conversation,
          buildAlertDigest(
            digest.map((d) => d.event),
            t,
          ),
        );
        posted += 1;
        await rememberThreads(conversation, digest, ts);
        for (const item of digest) item.resolve();
      }
    } catch (error) {
      for (const item of batch) item.reject(error);
    } finally {
      lane.posting = false;
      lane.freeAt = now() + Math.max(1, posted) * intervalMs;
      if (lane.waiting.length > 0 && !lane.timer) {
        lane.timer = setTimeout(() => void flushLane(conversation, lane), Math.max(0, lane.freeAt - now()));
      }
    }
  }

  async function post(channel: string, message: SlackMessage, threadTs?: string): Promise<string | undefined> {
    const result = await options.client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
    return result.ts;
  }

  // Uploaded unshared, so the image block shows it wherever the alert is posted; the channel's language names it.
  async function withPicture({ screenshot, ...event }: AlertEvent): Promise<PostedAlert> {
    if (!screenshot) return event;
    const t = await options.languages.catalogueFor(options.client, undefined);
    const fileId = await uploadScreenshot(options.client, { target: event.target, screenshot }, t, options.logger);
    return fileId ? { ...event, screenshotFileId: fileId } : event;
  }

  // A thread that cannot be remembered costs the recovery its thread, not the alert: logged, never thrown.
  async function rememberThreads(conversation: string, items: readonly Waiting[], ts: string | undefined) {
    if (!ts) return;
    for (const { event } of items) {
      if (event.kind === 'recovery') continue;
      await options.threads
        .remember(event.target, event.incidentSince, { channel: conversation, ts })
        .catch((error: unknown) =>
          options.logger.warn(`Could not remember the alert thread of ${event.target}:`, error),
        );
    }
  }

  return {
    async alert(event) {
      const conversations = new Set<string>();
      if (options.channel) conversations.add(options.channel);
      if (event.owner && USER_ID.test(event.owner)) conversations.add(event.owner);
      if (conversations.size === 0) {
        options.logger.warn(`Alert for ${event.target} has nowhere to go: set BEIAN_WATCH_ALERT_CHANNEL or an owner`);
        return;
      }
      const posted = await withPicture(event);
      const results = await Promise.allSettled([...conversations].map((c) => enqueue(c, posted)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
    async flush() {
      await Promise.all([...lanes.entries()].map(([conversation, lane]) => flushLane(conversation, lane)));
    },
  };
}
