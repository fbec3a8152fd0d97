import type { SlackDeps } from '../../deps.js';
import { createButtonListener } from './args.js';

/** The digest's "Capture an answer": tells the clicker, privately, how to turn an answer into a draft entry. */
export function createDigestCaptureListener(deps: SlackDeps) {
  return createButtonListener(deps, 'digest capture', async ({ args, tell, t }) => {
    await tell(t.digestCaptureHelp(args.action.value ?? ''));
  });
}

/** The digest's "Review": tells the clicker, privately, which file to recheck, when it was reviewed and who owns it. */
export function createDigestReviewListener(deps: SlackDeps) {
  return createButtonListener(deps, 'digest review', async ({ args, tell, t }) => {
    const entry = deps.core.kb.byId.get(args.action.value ?? '');
    if (!entry) {
      await tell(t.entryGone);
      return;
    }
    await tell(t.digestReviewHelp(entry.title, entry.file, entry.reviewed, entry.owner ?? null));
  });
}
