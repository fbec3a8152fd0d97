import { buildCheckingMessage } from '../../blocks/footer-report.js';
import type { SlackDeps } from '../../deps.js';
import { linkedSites } from '../../footer-targets.js';
import { runGuarded } from '../../guard.js';
import { isNotMember, postMessages, respondChecked } from '../../post-reply.js';
import { checkAndReport } from '../commands/footer-check.js';
import type { MessageShortcutArgs } from './ask-about-message.js';

/** "Check footers of links": checks the sites the message links to and replies in its thread. */
export function createCheckMessageLinksShortcut(deps: SlackDeps) {
  return async ({ shortcut, ack, respond, client }: MessageShortcutArgs): Promise<void> => {
    await ack();
    const user = shortcut.user.id;
    const text = shortcut.message.text ?? '';
    const t = await deps.languages.catalogueFor(client, user, text);
    const tell = (message: string) => respondChecked(respond, { response_type: 'ephemeral', text: message });
    await runGuarded(
      deps.logger,
      'shortcut check links',
      async () => {
        const targets = linkedSites(text);
        if (targets.length === 0) {
          await tell(t.shortcutNoLinks);
          return;
        }
        const place = { channel: shortcut.channel.id, threadTs: shortcut.message.thread_ts ?? shortcut.message.ts };
        try {
          await postMessages(client, place, [buildCheckingMessage(targets, t)]);
        } catch (error) {
          if (!isNotMember(error)) throw error;
          await tell(t.shortcutInviteMe);
          return;
        }
        const who = { user, channel: shortcut.channel.id };
        await checkAndReport(deps, targets, who, (messages) => postMessages(client, place, messages), t, client);
      },
      tell,
      t,
    );
  };
}
