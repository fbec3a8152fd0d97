import { z } from 'zod';
import { openCaptureForm, readSlackMessage, UnreadableMessageError } from '../../capture.js';
import type { SlackDeps } from '../../deps.js';
import { createButtonListener } from './args.js';

const originSchema = z.object({ channel: z.string().min(1), ts: z.string().min(1) });

/** "Open the form" on a 📖 offer: opens the capture form for the message the reaction was added to. */
export function createCaptureOpenActionListener(deps: SlackDeps) {
  return createButtonListener(deps, 'capture open', async ({ args, tell, t }) => {
    const origin = parseOrigin(args.action.value);
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

function parseOrigin(value: string | undefined): z.infer<typeof originSchema> | null {
  try {
    const parsed = originSchema.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
