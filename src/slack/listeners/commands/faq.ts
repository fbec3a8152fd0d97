import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildHelpMessage } from '../../blocks/help.js';
import { composeReply, recordUnanswered } from '../../compose-reply.js';
import type { SlackDeps } from '../../deps.js';
import { runGuarded } from '../../guard.js';
import { respondChecked } from '../../post-reply.js';
import { replyPrivately } from '../../private-reply.js';
import { recordAsked } from '../../record-traffic.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/faq QUESTION`: the answer only the asker sees, with a button to share it. `/faq` alone: help and topics. */
export function createFaqCommandListener(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: Args): Promise<void> => {
    await ack();
    const question = command.text.trim();
    const t = await deps.languages.catalogueFor(client, command.user_id, question);
    await runGuarded(
      deps.logger,
      deps.config.faqCommand,
      async () => {
        const to = { respond, client, user: command.user_id, logger: deps.logger };
        if (question === '') {
          const commands = { faq: deps.config.faqCommand, footer: deps.config.footerCommand };
          await replyPrivately(to, [buildHelpMessage(deps.core.kb, commands, t)]);
          return;
        }
        const reply = composeReply(deps.core, deps.config, question, 'ephemeral', { t });
        await replyPrivately({ ...to, metadata: reply.metadata }, reply.messages);
        await recordUnanswered(deps.store, reply, { user: command.user_id, channel: command.channel_id });
        await recordAsked(deps, reply, { user: command.user_id, channel: command.channel_id });
      },
      (text) => respondChecked(respond, { response_type: 'ephemeral', text }),
      t,
    );
  };
}
