import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import { chooseStyle } from '../../src/cli/render-markdown.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import type { TrafficEvent } from '../../src/core/learn/traffic.js';
import { createMatcher } from '../../src/core/match/create-matcher.js';
import { FIXTURES } from './run-beian.js';

async function session(lines: string[], now: Date) {
  const kb = await loadKnowledgeBase(`${FIXTURES}/good`);
  const core = { kb, matcher: createMatcher(kb), checkFooter: () => Promise.reject(new Error('not here')) };
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const events: TrafficEvent[] = [];
  const traffic = { record: async (e: TrafficEvent) => void events.push(e), events: async () => events };
  const io = { input, output, style: chooseStyle(false), color: false, prompt: false, concurrency: 1 };
  const done = runConsole(core, { ...io, now: () => now, traffic });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return { text, events };
}

describe('the console and the learning loop', () => {
  it('says an answer past its review date may be out of date, in both languages', async () => {
    const { text } = await session(['备案号会过期吗'], new Date('2026-12-02T08:00:00Z'));
    expect(text).toContain('⚠️ Last reviewed 2026-01-15; may be out of date.');
    expect(text).toContain('⚠️ 最近审核于 2026-01-15，内容可能已过时');
  });

  it('says nothing of the kind while the entry is fresh', async () => {
    const { text } = await session(['备案号会过期吗'], new Date('2026-02-01T08:00:00Z'));
    expect(text).not.toContain('may be out of date');
  });

  it('records each question with what was shown, and a suggestion picked by its number', async () => {
    const { events } = await session(['注销', '1'], new Date('2026-02-01T08:00:00Z'));
    const [asked, picked] = events;
    expect(asked).toMatchObject({ kind: 'asked', user: 'console', question: '注销' });
    const first = asked?.kind === 'asked' ? asked.suggestionIds[0] : undefined;
    expect(first).toBeDefined();
    expect(picked).toMatchObject({ kind: 'picked', user: 'console', entryId: first });
  });
});
