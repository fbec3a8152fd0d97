import { openCaptureForm } from '../../capture.js';
import type { SlackDeps } from '../../deps.js';
import { runGuarded } from '../../guard.js';
import { respondChecked } from '../../post-reply.js';
import type { MessageShortcutArgs } from './ask-about-message.js';

/** "Save as FAQ answer": opens the capture form for the message, prefilled from it and its thread's question. */
export function createSaveFaqAnswerShortcut(deps: SlackDeps) {
  return async ({ shortcut, ack, respond, client }: MessageShortcutArgs): Promise<void> => {
    await ack();
    const user = shortcut.user.id;
    const text = shortcut.message.text ?? '';
    const t = await deps.languages.catalogueFor(client, user, text);
    const tell = (reply: string) => respondChecked(respond, { response_type: 'ephemeral', text: reply });
    await runGuarded(
      deps.logger,
      'shortcut save answer',
      async () => {
        const message = {
          channel: shortcut.channel.id,
          ts: shortcut.message.ts,
          text,
          threadTs: shortcut.message.thread_ts,
        };
        const opened = await openCaptureForm(deps, client, { triggerId: shortcut.trigger_id, user, message, t });
        if (opened === 'empty') await tell(t.captureNothing);
      },
      tell,
      t,
    );
  };
}
