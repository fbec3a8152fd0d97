import { readCaptureOrigin } from '../../blocks/capture-modal.js';
import { openCaptureForm, readSlackMessage, UnreadableMessageError } from '../../capture.js';
import type { SlackDeps } from '../../deps.js';
import { createButtonListener } from './args.js';

/** "Open the form" on a 📖 offer: opens the capture form for the message the reaction was added to. */
export function createCaptureOpenActionListener(deps: SlackDeps) {
  return createButtonListener(deps, 'capture open', async ({ args, tell, t }) => {
    const origin = readCaptureOrigin(args.action.value);
    if (!origin) {
      await tell(t.captureNothing);
      return;
    }
    let message: Awaited<ReturnType<typeof readSlackMessage>>;
    try {
      message = await readSlackMessage(args.client, origin.channel, origin.ts);
    } catch (error) {
      if (!(error instanceof UnreadableMessageError)) throw error;
      await tell(t.captureCannotRead);
      return;
    }
    const user = args.body.user.id;
    const opened = await openCaptureForm(deps, args.client, { triggerId: args.body.trigger_id, user, message, t });
    if (opened === 'empty') await tell(t.captureNothing);
  });
}
