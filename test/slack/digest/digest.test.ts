import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../src/core/learn/digest.js';
import { buildDigestMessage } from '../../../src/slack/blocks/digest.js';
import { nextDigestAt, scheduleWeeklyDigest } from '../../../src/slack/digest.js';
import { createLogger } from '../../../src/slack/logger.js';
import { en } from '../../../src/slack/messages/en.js';
import { zhCN } from '../../../src/slack/messages/zh-cn.js';
import { makeEntry, makeKnowledgeBase } from '../../core/match/knowledge-fixture.js';
import { createFakeClock } from './fake-clock.js';

describe('nextDigestAt', () => {
  it.each([
    ['a Wednesday', '2026-12-02T08:00:00Z', '2026-12-07T01:00:00.000Z'],
    ['a Monday before 01:00', '2026-12-07T00:59:00Z', '2026-12-07T01:00:00.000Z'],
    ['a Monday at 01:00 (the next week)', '2026-12-07T01:00:00Z', '2026-12-14T01:00:00.000Z'],
    ['a Sunday late', '2026-12-06T23:00:00Z', '2026-12-07T01:00:00.000Z'],
    ['across the year', '2026-12-30T12:00:00Z', '2027-01-04T01:00:00.000Z'],
  ])('after %s', (_name, now, next) => {
    expect(nextDigestAt(new Date(now)).toISOString()).toBe(next);
  });
});

describe('scheduleWeeklyDigest', () => {
  const logs: string[] = [];
  const logger = createLogger('error', { write: (line) => logs.push(line) });

  it('runs every Monday 01:00 UTC, keeps going after a failed run, and stops', async () => {
    const clock = createFakeClock(new Date('2026-12-02T08:00:00Z'));
    const runs: string[] = [];
    let fail = true;
    const schedule = scheduleWeeklyDigest(
      clock,
      async () => {
        runs.push(clock.now().toISOString());
        if (fail) {
          fail = false;
          throw new Error('Slack is down');
        }
      },
      logger,
    );
    clock.fireNext();
    await new Promise((resolve) => setImmediate(resolve));
    clock.fireNext();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toEqual(['2026-12-07T01:00:00.000Z', '2026-12-14T01:00:00.000Z']);
    expect(logs.join('\n')).toContain('weekly digest failed');
    expect(clock.pending()).toBe(1);
    schedule.stop();
    expect(clock.pending()).toBe(0);
  });
});

const kb = makeKnowledgeBase([
  { ...makeEntry('validity', '备案号会过期吗？', ['q1']), reviewed: '2026-01-01', owner: '<@U0OWNER1>' },
  { ...makeEntry('cancel-filing', '怎么注销备案？', ['q2']), reviewed: '2026-11-01' },
]);
const at = (day: number) => new Date(Date.UTC(2026, 11, day, 9)).toISOString();

describe('buildDigest and its message', () => {
  const digest = buildDigest(
    {
      kb,
      traffic: [],
      feedback: [{ at: at(1), user: 'U1', channel: 'C1', entryId: 'cancel-filing', value: 'not-helpful' }],
      unanswered: [
        { at: at(1), user: 'U1', question: '备案审核要多久', bestEntryId: null },
        { at: at(1), user: 'U2', question: '备案审核 要多久', bestEntryId: null },
        { at: at(1), user: 'U3', question: 'SSL <证书> 怎么续', bestEntryId: null },
      ],
    },
    new Date('2026-12-07T01:00:00Z'),
  );

  it('lists unanswered questions (most asked first), stale entries with owners, least helpful entries', () => {
    expect(digest.since).toBe('2026-11-30T01:00:00.000Z');
    expect(digest.unanswered.map((u) => [u.question, u.count, u.people])).toEqual([
      ['备案审核要多久', 2, 2],
      ['SSL <证书> 怎么续', 1, 1],
    ]);
    expect(digest.stale.map((s) => [s.entryId, s.owner])).toEqual([['validity', '<@U0OWNER1>']]);
    expect(digest.leastHelpful.map((e) => [e.entryId, e.notHelpful])).toEqual([['cancel-filing', 1]]);
  });

  it.each([
    [en, 'Most asked questions without an answer', 'Capture an answer', 'Review', 'owner <@U0OWNER1>'],
    [zhCN, '问得最多、还没有答案的问题', '补充答案', '复核', '负责人 <@U0OWNER1>'],
  ])('is one message with a button per row (%#)', (t, heading, capture, review, owner) => {
    const message = buildDigestMessage(digest, t);
    const json = JSON.stringify(message.blocks);
    expect(message.blocks[0]).toMatchObject({ type: 'header' });
    expect(json).toContain(heading);
    expect(json).toContain(owner);
    // Text from people is escaped; the capture button carries the question as asked.
    expect(json).toContain('SSL &lt;证书&gt; 怎么续');
    const buttons = message.blocks.flatMap((b) => {
      const accessory = (b as { accessory?: { action_id: string; value: string; text: { text: string } } }).accessory;
      return accessory ? [[accessory.action_id, accessory.text.text, accessory.value]] : [];
    });
    expect(buttons).toEqual([
      ['digest_capture', capture, '备案审核要多久'],
      ['digest_capture', capture, 'SSL <证书> 怎么续'],
      ['digest_review', review, 'validity'],
      ['digest_review', review, 'cancel-filing'],
    ]);
  });

  it('says so when a list is empty', () => {
    const empty = buildDigest({ kb: makeKnowledgeBase([]), traffic: [], feedback: [], unanswered: [] }, new Date());
    const json = JSON.stringify(buildDigestMessage(empty, en).blocks);
    expect(json.split('Nothing this week.').length - 1).toBe(3);
  });
});
