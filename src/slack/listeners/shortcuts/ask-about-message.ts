import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { composeReply, recordUnanswered } from '../../compose-reply.js';
import type { SlackDeps } from '../../deps.js';
import { runGuarded } from '../../guard.js';
import { respondChecked } from '../../post-reply.js';
import { replyPrivately } from '../../private-reply.js';
import { stripMentions } from '../../question-text.js';
import { recordAsked } from '../../record-traffic.js';

/** The arguments of a message shortcut. */
export type MessageShortcutArgs = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

/**
 * "Ask beian about this": answers the message's question privately to the person who used the shortcut
 * (ephemeral through the response URL; a DM when that is refused), with "Share in thread".
 */
export function createAskAboutMessageShortcut(deps: SlackDeps) {
  return async ({ shortcut, ack, respond, client }: MessageShortcutArgs): Promise<void> => {
    await ack();
    const user = shortcut.user.id;
    const question = stripMentions(shortcut.message.text ?? '');
    const t = await deps.languages.catalogueFor(client, user, question);
    const tell = (text: string) => respondChecked(respond, { response_type: 'ephemeral', text });
    await runGuarded(
      deps.logger,
      'shortcut ask',
      async () => {
        if (question === '') {
          await tell(t.shortcutNoQuestion);
          return;
        }
        const shareTo = { channel: shortcut.channel.id, threadTs: shortcut.message.thread_ts ?? shortcut.message.ts };
        const reply = composeReply(deps.core, deps.config, question, 'ephemeral', { t, shareTo });
        await replyPrivately({ respond, client, user, logger: deps.logger, metadata: reply.metadata }, reply.messages);
        await recordUnanswered(deps.store, reply, { user, channel: shortcut.channel.id });
        await recordAsked(deps, reply, { user, channel: shortcut.channel.id });
      },
      tell,
      t,
    );
  };
}
