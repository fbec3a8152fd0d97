import type { Digest } from '../../core/learn/digest.js';
import type { Catalogue } from '../messages/catalogue.js';
import { ACTION } from './action-ids.js';
import type { KnownBlock } from './kit.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

// Slack caps a section's text at 3000 characters and a button's value at 2000.
const TEXT_MAX = 2900;
const VALUE_MAX = 1900;

/** The weekly digest as one message: three lists, each row with a button (capture an answer, or review the entry). */
export function buildDigestMessage(digest: Digest, t: Catalogue): SlackMessage {
  const title = t.digestTitle(digest.since.slice(0, 10), digest.until.slice(0, 10));
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: title, emoji: true } }];
  const list = (heading: string, rows: KnownBlock[]) => {
    blocks.push(section(heading));
    blocks.push(...(rows.length > 0 ? rows : [section(t.digestNone)]));
  };
  list(
    t.digestUnansweredHeading,
    digest.unanswered.map((u) =>
      row(
        t.digestUnansweredItem(escapeMrkdwn(u.question), u.count, u.people),
        t.digestCapture,
        ACTION.digestCapture,
        u.question,
      ),
    ),
  );
  list(
    t.digestStaleHeading,
    digest.stale.map((s) =>
      row(
        t.digestStaleItem(escapeMrkdwn(s.title), s.reviewed, s.owner),
        t.digestReview,
        ACTION.digestReview,
        s.entryId,
      ),
    ),
  );
  list(
    t.digestLeastHelpfulHeading,
    digest.leastHelpful.map((e) =>
      row(
        t.digestLeastHelpfulItem(escapeMrkdwn(e.title), e.notHelpful, e.needPerson, e.helpful),
        t.digestReview,
        ACTION.digestReview,
        e.entryId,
      ),
    ),
  );
  return { text: title, blocks };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: cut(text, TEXT_MAX) } };
}

function row(text: string, label: string, actionId: string, value: string): KnownBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: cut(text, TEXT_MAX) },
    accessory: {
      type: 'button',
      action_id: actionId,
      text: { type: 'plain_text', text: label },
      value: cut(value, VALUE_MAX),
    },
  };
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
