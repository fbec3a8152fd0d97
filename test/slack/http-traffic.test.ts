import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { suggestFromTraffic } from '../../src/core/learn/suggest.js';
import { createMatcher } from '../../src/core/match/create-matcher.js';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { readEvidence } from '../../src/store/read-evidence.js';
import { FIXTURES } from '../cli/run-beian.js';
import { FAKE_BOT } from './helpers/fake-slack-api.js';
import { buttonClickBody } from './helpers/signed-requests.js';
import { createTestCore, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

let t: TestSlack;
beforeAll(async () => {
  t = await startTestSlack();
});
afterAll(() => t.stop());

// Refused by the bundled knowledge base, with the right entry among the suggestions.
const QUESTION = '备按号 和 ICP number 是一个东西吗';

describe('traffic recorded through the running bot', () => {
  it('a refused mention and the suggestion then picked in its thread become an alternate for that entry', async () => {
    const core = await createTestCore();
    const match = core.matcher.match(QUESTION);
    expect(match.answered).toBe(false);
    const entryId = match.suggestions[0]?.id ?? '';
    expect(entryId).not.toBe('');

    const ts = '1700000100.000100';
    const from = t.api.callsTo('chat.postMessage').length;
    await t.sendEvent({
      type: 'app_mention',
      user: 'U0ASKER01',
      text: `<@${FAKE_BOT.user_id}> ${QUESTION}`,
      ts,
      channel: 'C0CHAN001',
    });
    await t.api.waitFor('chat.postMessage', from + 1);
    await t.sendForm(
      buttonClickBody(`${ACTION.suggestion}_0`, entryId, t.api.responseUrl('pick'), {
        user: 'U0ASKER01',
        ts: '1700000100.000200',
        threadTs: ts,
      }),
    );
    await t.api.waitFor('chat.postMessage', from + 2);
    await t.store.flush();

    const events = await t.store.traffic.events();
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'asked',
        user: 'U0ASKER01',
        thread: `C0CHAN001:${ts}`,
        question: QUESTION,
        answeredEntryId: null,
        suggestionIds: match.suggestions.map((s) => s.id),
      }),
      expect.objectContaining({ kind: 'picked', user: 'U0ASKER01', thread: `C0CHAN001:${ts}`, entryId }),
    ]);
    const report = suggestFromTraffic({ kb: core.kb, ...(await readEvidence(t.store)) });
    expect(report.alternates).toEqual([expect.objectContaining({ entryId, question: QUESTION, via: ['picked'] })]);
  });
});

describe('an answer from an entry past its review date, through the running bot', () => {
  it('says when it was last reviewed and that it may be out of date', async () => {
    const kb = await loadKnowledgeBase(join(FIXTURES, 'good'));
    const stale = await startTestSlack({
      core: { kb, matcher: createMatcher(kb), checkFooter: () => Promise.reject() },
    });
    try {
      await stale.sendCommand('/faq', 'does the beian number expire', 'stale');
      const [reply] = await stale.api.waitFor('respond:stale');
      // The fixture was reviewed on 2026-01-15, more than 180 days before any day this runs.
      expect(JSON.stringify(reply?.args.blocks)).toMatch(
        /Last reviewed 2026-01-15; may be out of date|最近审核于 2026-01-15，内容可能已过时/,
      );
    } finally {
      await stale.stop();
    }
  });
});
