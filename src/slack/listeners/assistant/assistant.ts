import {
  Assistant,
  type AssistantConfig,
  type AssistantThreadStartedMiddleware,
  type AssistantUserMessageMiddleware,
} from '@slack/bolt';
import { buildSuggestedPrompts, pickPrompts } from '../../blocks/prompts.js';
import { composeReply, recordUnanswered } from '../../compose-reply.js';
import type { SlackDeps } from '../../deps.js';
import { linkedSites } from '../../footer-targets.js';
import { runGuarded } from '../../guard.js';
import { postMessages } from '../../post-reply.js';
import { stripMentions } from '../../question-text.js';
import { checkAndReport } from '../commands/footer-check.js';

// Bolt exports the assistant's middleware and config types, not their argument types: derived from those.
type AssistantThreadContextStore = NonNullable<AssistantConfig['threadContextStore']>;
type AssistantThreadContext = Awaited<ReturnType<AssistantThreadContextStore['get']>>;
type Args = Parameters<AssistantThreadContextStore['get']>[0];
type UserMessageArgs = Parameters<AssistantUserMessageMiddleware>[0];
type ThreadStartedArgs = Parameters<AssistantThreadStartedMiddleware>[0];

/** The assistant (Messages tab agent surface): greets a new thread with suggested questions, answers in it. */
export function createAssistant(deps: SlackDeps): Assistant {
  return new Assistant({
    threadContextStore: createThreadContextStore(),
    threadStarted: (args) => greetThread(deps, args),
    threadContextChanged: async ({ saveThreadContext, logger }) => {
      // The person moved to another channel with the thread open: remember where they are looking now.
      await saveThreadContext().catch((error: unknown) => logger.warn('Saving the assistant thread context:', error));
    },
    userMessage: (args) => answerInThread(deps, args),
  });
}

async function greetThread(deps: SlackDeps, args: ThreadStartedArgs): Promise<void> {
  const { event, say, setSuggestedPrompts, client } = args;
  const t = await deps.languages.catalogueFor(client, event.assistant_thread.user_id);
  try {
    await say(t.assistantGreeting);
    const prompts = pickPrompts(deps.core.kb, await deps.usefulEntries(), t);
    if (prompts.length > 0) await setSuggestedPrompts(buildSuggestedPrompts(prompts, t));
  } catch (error) {
    // Nobody asked anything yet: the thread simply opens without a greeting or prompts.
    deps.logger.error('assistant_thread_started failed:', error);
  }
}

async function answerInThread(deps: SlackDeps, args: UserMessageArgs): Promise<void> {
  const { client, setStatus, getThreadContext } = args;
  const message = args.message as {
    user?: string;
    text?: string;
    channel: string;
    thread_ts?: string;
    bot_id?: string;
  };
  if (!message.user || message.bot_id || !message.thread_ts) return;
  const user = message.user;
  const text = stripMentions(message.text ?? '');
  if (text === '') return;
  const place = { channel: message.channel, threadTs: message.thread_ts };
  const t = await deps.languages.catalogueFor(client, user, text);
  await runGuarded(
    deps.logger,
    'assistant message',
    async () => {
      const sites = sitesToCheck(text);
      // Slack clears the status when the reply arrives; a status that cannot be set is no reason not to answer.
      await setStatus(sites.length > 0 ? t.checkingSites : t.lookingUp).catch((error: unknown) =>
        deps.logger.warn('assistant.threads.setStatus failed:', error),
      );
      // Where the person is looking (the channel beside the thread) is where the question belongs in reports.
      const context = await getThreadContext().catch((): AssistantThreadContext => ({}));
      const who = { user, channel: context.channel_id ?? message.channel };
      if (sites.length > 0) {
        await checkAndReport(deps, sites, who, (messages) => postMessages(client, place, messages), t);
        return;
      }
      const reply = composeReply(deps.core, deps.config, text, 'reply', { t });
      await postMessages(client, place, reply.messages, reply.metadata);
      await recordUnanswered(deps.store, reply, who);
    },
    (sorry) => client.chat.postMessage({ channel: place.channel, thread_ts: place.threadTs, text: sorry }),
    t,
  );
}

// Words that make a message with links a request to check them rather than a question that mentions a site.
const CHECK_WORDS = /\b(check|footer|verify)\b|检查|检测|查一下|查查|看看|页脚|底部/i;
const HAN = /\p{Script=Han}/u;

/**
 * The sites a message in an assistant thread asks to have checked: its links, when the message is only links
 * (a word or two beside them at most) or asks for a check; none when it is a question that happens to name a site.
 */
export function sitesToCheck(text: string): string[] {
  const sites = linkedSites(text);
  if (sites.length === 0) return [];
  const rest = text.replace(/<[^>]+>/g, ' ').trim();
  const bare = !HAN.test(rest) && rest.split(/\s+/).filter(Boolean).length <= 2;
  return bare || CHECK_WORDS.test(rest) ? sites : [];
}

/**
 * Keeps each thread's context (the channel the person has open beside it) in the metadata of the bot's first
 * message in the thread, as Bolt's default store does, but read per thread: Bolt's default caches one context
 * for every thread of every person, so one person's channel would leak into another's thread.
 */
export function createThreadContextStore(): AssistantThreadContextStore {
  const firstBotMessage = async (args: Args) => {
    const { channel, threadTs } = threadOf(args);
    const thread = await args.client.conversations.replies({
      channel,
      ts: threadTs,
      oldest: threadTs,
      include_all_metadata: true,
      limit: 4,
    });
    return thread.messages?.find((m) => !('subtype' in m && m.subtype) && m.user === args.context.botUserId);
  };
  return {
    async get(args) {
      const given = contextOf(args);
      if (given.channel_id) return given;
      const message = await firstBotMessage(args);
      return (message?.metadata?.event_payload as AssistantThreadContext | undefined) ?? {};
    },
    async save(args) {
      const message = await firstBotMessage(args);
      if (!message?.ts) return;
      const { channel } = threadOf(args);
      await args.client.chat.update({
        channel,
        ts: message.ts,
        text: message.text ?? '',
        ...(message.blocks ? { blocks: message.blocks as never } : {}),
        metadata: { event_type: 'assistant_thread_context', event_payload: contextOf(args) as Record<string, string> },
      });
    },
  };
}

function threadOf(args: Args): { channel: string; threadTs: string } {
  const payload = args.payload as {
    channel?: string;
    thread_ts?: string;
    assistant_thread?: { channel_id: string; thread_ts: string };
  };
  return {
    channel: payload.assistant_thread?.channel_id ?? payload.channel ?? '',
    threadTs: payload.assistant_thread?.thread_ts ?? payload.thread_ts ?? '',
  };
}

function contextOf(args: Args): AssistantThreadContext {
  return (args.payload as { assistant_thread?: { context?: { channel_id?: string } } }).assistant_thread?.context ?? {};
}
