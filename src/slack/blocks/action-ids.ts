/** Every interactive element's action_id, in one place: the blocks build them and the listeners match them. */
export const ACTION = {
  /** Slack's native feedback_buttons element (👍/👎 in a context_actions block). */
  feedback: 'answer_feedback',
  /** The hand-built 👍/👎, for workspaces whose clients reject feedback_buttons. */
  helpful: 'feedback_helpful',
  notHelpful: 'feedback_not_helpful',
  /** Suffixed `_0`…`_2`: action ids must be unique within one actions block. */
  suggestion: 'suggestion_pick',
  share: 'share_answer',
  solved: 'triage_solved',
  needPerson: 'triage_need_person',
  language: 'answer_language',
  /** The weekly digest's buttons: capture an answer for an unanswered question, review an entry. */
  digestCapture: 'digest_capture',
  digestReview: 'digest_review',
  /** Footer watch alerts: value is the watched target. */
  watchRecheck: 'watch_recheck',
  watchMute: 'watch_mute',
} as const;

/** Matches every suggestion button, whatever its position. */
export const SUGGESTION_ACTION = /^suggestion_pick(_\d+)?$/;
