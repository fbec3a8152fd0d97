import { describe, expect, it } from 'vitest';
import { addAlternateQuestions } from '../../../src/core/learn/apply-alternates.js';
import {
  type FeedbackEvent,
  similarity,
  suggestFromTraffic,
  termSet,
  type UnansweredQuestion,
} from '../../../src/core/learn/suggest.js';
import type { AskedEvent, PickedEvent, TrafficEvent } from '../../../src/core/learn/traffic.js';
import { FIXTURE_KB } from '../match/knowledge-fixture.js';

const T0 = Date.UTC(2026, 10, 2, 9);
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function asked(user: string, minute: number, question: string, shown: Partial<AskedEvent> = {}): AskedEvent {
  return {
    kind: 'asked',
    at: at(minute),
    user,
    channel: 'C1',
    thread: null,
    question,
    answeredEntryId: null,
    confidence: 0.3,
    suggestionIds: ['validity', 'cancel-filing'],
    ...shown,
  };
}

function picked(user: string, minute: number, entryId: string, thread: string | null = null): PickedEvent {
  return { kind: 'picked', at: at(minute), user, channel: 'C1', thread, entryId };
}

function feedback(user: string, minute: number, entryId: string, value: FeedbackEvent['value']): FeedbackEvent {
  return { at: at(minute), user, channel: 'C1', entryId, value };
}

function suggest(
  traffic: TrafficEvent[],
  more: { feedback?: FeedbackEvent[]; unanswered?: UnansweredQuestion[] } = {},
) {
  return suggestFromTraffic({
    kb: FIXTURE_KB,
    traffic,
    feedback: more.feedback ?? [],
    unanswered: more.unanswered ?? [],
  });
}

describe('suggestFromTraffic: alternates', () => {
  it('proposes a refused question for the entry the person then picked', () => {
    const { alternates } = suggest([asked('U1', 0, '备案号到期了还能用吗'), picked('U1', 1, 'validity')]);
    expect(alternates).toEqual([
      expect.objectContaining({
        entryId: 'validity',
        file: 'validity.md',
        question: '备案号到期了还能用吗',
        people: 1,
        via: ['picked'],
      }),
    ]);
    expect(alternates[0]?.key).toMatch(/^validity#[0-9a-f]{6}$/);
  });

  it.each([
    ['a 👍 on an unsure answer', 'helpful', 0.5, 1],
    ['a ✅ on an unsure answer', 'solved', 0.5, 1],
    ['a 👍 on a confident answer (nothing to learn)', 'helpful', 0.95, 0],
    ['a 👎 on an unsure answer', 'not-helpful', 0.5, 0],
  ] as const)('%s', (_name, value, confidence, expected) => {
    const question = asked('U1', 0, 'filing number still good after years', {
      answeredEntryId: 'validity',
      confidence,
      suggestionIds: [],
    });
    const { alternates } = suggest([question], { feedback: [feedback('U1', 2, 'validity', value)] });
    expect(alternates).toHaveLength(expected);
  });

  it('ignores a click by someone else, too late, for an entry not shown, or in another thread', () => {
    const { alternates } = suggest([
      asked('U1', 0, '备案号到期了还能用吗'),
      picked('U2', 1, 'validity'),
      asked('U3', 0, '备案号还有效吗 过了好几年'),
      picked('U3', 45, 'validity'),
      asked('U4', 0, '备案号多少年失效', { suggestionIds: ['cancel-filing'] }),
      picked('U4', 1, 'validity'),
      asked('U5', 0, '备案会失效不', { thread: 'C1:5' }),
      picked('U5', 1, 'validity', 'C1:6'),
    ]);
    expect(alternates).toEqual([]);
  });

  it('counts near-duplicates once, with every person who asked them', () => {
    const { alternates } = suggest([
      asked('U1', 0, '备案号到期了还能用吗'),
      picked('U1', 1, 'validity'),
      asked('U2', 0, '备案号到期了 还能用吗？'),
      picked('U2', 1, 'validity'),
      asked('U3', 0, '备案号 到期了，还能用吗'),
      picked('U3', 1, 'validity'),
    ]);
    expect(alternates).toHaveLength(1);
    expect(alternates[0]).toMatchObject({ people: 3 });
    expect(alternates[0]?.examples).toHaveLength(3);
  });

  it('never proposes a question an entry already lists, nor one question for two entries', () => {
    const { alternates } = suggest([
      asked('U1', 0, '备案号会过期吗'),
      picked('U1', 1, 'validity'),
      asked('U2', 0, 'is my filing still ok', { suggestionIds: ['validity', 'cancel-filing'] }),
      picked('U2', 1, 'validity'),
      asked('U3', 0, 'is my filing still ok'),
      picked('U3', 1, 'validity'),
      asked('U4', 0, 'is my filing still ok'),
      picked('U4', 1, 'cancel-filing'),
    ]);
    expect(alternates.map((a) => [a.entryId, a.question, a.people])).toEqual([
      ['validity', 'is my filing still ok', 2],
    ]);
  });

  it('skips long messages: they are conversations, not phrasings', () => {
    const long = `${'我们公司的网站去年做了备案，'.repeat(6)}备案号会不会到期`;
    const { alternates } = suggest([asked('U1', 0, long), picked('U1', 1, 'validity')]);
    expect(alternates).toEqual([]);
  });
});

describe('suggestFromTraffic: candidate entries and troubled entries', () => {
  const unanswered = (user: string, question: string): UnansweredQuestion => ({
    at: at(0),
    user,
    question,
    bestEntryId: 'certificate',
  });

  it('clusters similar unanswered questions asked by at least two people', () => {
    const { candidates } = suggest([], {
      unanswered: [
        unanswered('U1', '备案审核要多久'),
        unanswered('U2', '备案审核 要多久?'),
        unanswered('U1', '备案审核要多久'),
        unanswered('U3', '发票怎么开'),
        unanswered('U3', '发票怎么开'),
      ],
    });
    expect(candidates).toEqual([
      {
        question: '备案审核要多久',
        count: 3,
        people: 2,
        examples: ['备案审核要多久', '备案审核 要多久?'],
        nearestEntryId: 'certificate',
      },
    ]);
  });

  it('leaves out unanswered questions that a click resolved', () => {
    const { candidates } = suggest([asked('U1', 0, '备案审核要多久'), picked('U1', 1, 'validity')], {
      unanswered: [unanswered('U1', '备案审核要多久'), unanswered('U2', '备案审核要多久')],
    });
    expect(candidates).toEqual([]);
  });

  it('lists entries often 👎 or escalated with the questions that led there', () => {
    const answered = { answeredEntryId: 'cancel-filing', confidence: 0.8, suggestionIds: [] };
    const { troubled } = suggest(
      [asked('U1', 0, '注销了还能恢复吗', answered), asked('U2', 0, '注销要多久', answered)],
      {
        feedback: [
          feedback('U1', 1, 'cancel-filing', 'not-helpful'),
          feedback('U2', 1, 'cancel-filing', 'need-person'),
          feedback('U3', 1, 'cancel-filing', 'helpful'),
          feedback('U4', 1, 'validity', 'not-helpful'),
        ],
      },
    );
    expect(troubled).toEqual([
      expect.objectContaining({
        entryId: 'cancel-filing',
        notHelpful: 1,
        needPerson: 1,
        helpful: 1,
        questions: ['注销了还能恢复吗', '注销要多久'],
      }),
    ]);
  });
});

describe('similarity', () => {
  it.each([
    ['备案号会过期吗', '备案号会过期吗？', 1],
    ['备案号会过期吗', '发票怎么开', 0],
  ])('%s vs %s is %d', (a, b, expected) => {
    expect(similarity(termSet(a), termSet(b))).toBe(expected);
  });
});

describe('addAlternateQuestions', () => {
  const file = ['---', 'id: x', '---', '', '# T', '', '## Questions', '* one', '* two', '', '## Answer', '', 'A.', ''];

  it('appends after the last bullet with the same marker, changing nothing else', () => {
    const text = file.join('\n');
    const out = addAlternateQuestions(text, ['three', 'four'], 'x.md');
    expect(out).toBe([...file.slice(0, 9), '* three', '* four', ...file.slice(9)].join('\n'));
  });

  it('keeps CRLF line endings', () => {
    const out = addAlternateQuestions(file.join('\r\n'), ['three'], 'x.md');
    expect(out).toBe([...file.slice(0, 9), '* three', ...file.slice(9)].join('\r\n'));
  });

  it('refuses a file without a ## Questions section, naming it', () => {
    expect(() => addAlternateQuestions('# T\n\n## Answer\n\nA.\n', ['q'], 'x.md')).toThrow(
      'x.md: no "## Questions" section to add alternates to',
    );
  });
});
