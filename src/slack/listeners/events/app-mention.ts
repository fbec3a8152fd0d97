import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildHelpMessage } from '../../blocks/help.js';
import { composeReply, recordUnanswered } from '../../compose-reply.js';
import type { SlackDeps } from '../../deps.js';
import { runGuarded } from '../../guard.js';
import { postMessages } from '../../post-reply.js';
import { stripMentions } from '../../question-text.js';
import { recordAsked } from '../../record-traffic.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>;

/** Answers a mention in the mention's thread. */
export function createAppMentionListener(deps: SlackDeps) {
  return async ({ event, client }: Args): Promise<void> => {
    if (event.bot_id || !event.user) return;
    const user = event.user;
    const place = { channel: event.channel, threadTs: event.thread_ts ?? event.ts };
    const question = stripMentions(event.text);
    const t = await deps.languages.catalogueFor(client, user, question);
    await runGuarded(
      deps.logger,
      'app_mention',
      async () => {
        if (question === '') {
          const commands = { faq: deps.config.faqCommand, footer: deps.config.footerCommand };
          await postMessages(client, place, [buildHelpMessage(deps.core.kb, commands, t)]);
          return;
        }
        const reply = composeReply(deps.core, deps.config, question, 'reply', { t });
        await postMessages(client, place, reply.messages, reply.metadata);
        await recordUnanswered(deps.store, reply, { user, channel: event.channel });
        await recordAsked(deps, reply, { user, ...place });
      },
      (text) => client.chat.postMessage({ channel: place.channel, thread_ts: place.threadTs, text }),
      t,
    );
  };
}
