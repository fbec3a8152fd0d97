import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { checkDraft, draftPath } from '../../../core/knowledge/capture-draft.js';
import {
  CAPTURE,
  type FormValues,
  formErrors,
  readCaptureForm,
  readCaptureOrigin,
} from '../../blocks/capture-modal.js';
import type { SlackDeps } from '../../deps.js';

type ViewArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * The capture form's submission: checked exactly as `beian kb lint` would check the entry, problems shown on their
 * fields (`response_action: errors`); a clean draft is saved and its author told, by DM, what happens next.
 */
export function createCaptureSubmitListener(deps: SlackDeps) {
  return async ({ ack, body, view, client }: ViewArgs): Promise<void> => {
    const draft = readCaptureForm(view.state.values as FormValues);
    const user = body.user.id;
    const t = await deps.languages.catalogueFor(client, user, draft.title);
    let saved: 'saved' | 'taken';
    try {
      const problems = checkDraft(draft, { kb: deps.core.kb, draftIds: new Set(await deps.drafts.ids()) });
      if (problems.length > 0) {
        await ack({ response_action: 'errors', errors: formErrors(problems) });
        return;
      }
      const origin = readCaptureOrigin(view.private_metadata);
      saved = await deps.drafts.save({
        ...draft,
        at: new Date().toISOString(),
        user,
        channel: origin?.channel ?? null,
        messageTs: origin?.ts ?? null,
      });
    } catch (error) {
      // The form stays open with what the person typed, so nothing is lost; they can submit again.
      deps.logger.error('capture: the draft could not be checked or saved:', error);
      await ack({ response_action: 'errors', errors: { [CAPTURE.blocks.answer]: t.sorry } });
      return;
    }
    if (saved === 'taken') {
      // Another person saved a draft with this id between the check and the save.
      await ack({
        response_action: 'errors',
        errors: formErrors([{ field: 'id', message: t.captureIdTaken(draft.id) }]),
      });
      return;
    }
    await ack();
    try {
      await client.chat.postMessage({ channel: user, text: t.captureSaved(draft.id, `knowledge/${draftPath(draft)}`) });
    } catch (error) {
      deps.logger.error('capture: the draft is saved but its author could not be told:', error);
    }
  };
}
