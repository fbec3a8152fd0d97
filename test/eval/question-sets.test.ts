import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import type { KnowledgeBase } from '../../src/core/knowledge/types.js';
import { type LabelledQuestion, parseLabelledQuestions, styleOf } from '../../src/core/match/evaluate.js';
import { BUNDLED_DIR, loadBundledAndImported } from './imported-kb.js';

const IN_SCOPE_STYLES = ['slack-long', 'indirect', 'pinyin-mixed', 'typo', 'traditional', 'english', 'terse'];

async function readSet(name: string): Promise<LabelledQuestion[]> {
  return parseLabelledQuestions(await readFile(fileURLToPath(new URL(name, import.meta.url)), 'utf8'));
}

// Split rule of slack-more, slack-situations, imported-paraphrases and imported-more: within each style, rows alternate
// tune/holdout, tune first.
function misSplit(questions: readonly LabelledQuestion[]): string[] {
  const seen = new Map<string, number>();
  return questions.flatMap((q) => {
    const n = seen.get(styleOf(q)) ?? 0;
    seen.set(styleOf(q), n + 1);
    return q.split === (n % 2 === 0 ? 'tune' : 'holdout') ? [] : [q.question];
  });
}

describe('the Slack-style question sets', () => {
  let bundled: KnowledgeBase;
  let merged: KnowledgeBase;
  const sets: Record<string, LabelledQuestion[]> = {};

  beforeAll(async () => {
    bundled = await loadKnowledgeBase(BUNDLED_DIR);
    merged = await loadBundledAndImported();
    for (const name of ['slack-dev', 'slack-more', 'slack-situations', 'imported-paraphrases', 'imported-more'])
      sets[name] = await readSet(`./${name}.jsonl`);
  });

  it.each([
    ['slack-dev', 'bundled'],
    ['slack-more', 'bundled'],
    ['slack-situations', 'bundled'],
    ['imported-paraphrases', 'merged'],
    ['imported-more', 'merged'],
  ])('%s names only entries of the %s knowledge base', (name, base) => {
    const kb = base === 'bundled' ? bundled : merged;
    const unknown = (sets[name] ?? []).filter((q) => q.expected !== null && !kb.byId.has(q.expected));
    expect(unknown.map((q) => q.expected)).toEqual([]);
  });

  it.each(['slack-more', 'slack-situations', 'imported-paraphrases', 'imported-more'])(
    '%s alternates tune/holdout within each style',
    (name) => {
      expect(misSplit(sets[name] ?? [])).toEqual([]);
    },
  );

  it('slack-more has at least 150 questions, every style, wants null exactly for the unanswerable styles', () => {
    const more = sets['slack-more'] ?? [];
    expect(more.length).toBeGreaterThanOrEqual(150);
    expect(new Set(more.map(styleOf))).toEqual(new Set([...IN_SCOPE_STYLES, 'in-domain-unknown', 'off-topic']));
    const mislabelled = more.filter((q) => (q.expected === null) === IN_SCOPE_STYLES.includes(styleOf(q)));
    expect(mislabelled.map((q) => q.question)).toEqual([]);
  });

  it('slack-situations has about 90 indirect-style questions, every bundled entry at least twice, null exactly off scope', () => {
    const situations = sets['slack-situations'] ?? [];
    expect(situations.length).toBeGreaterThanOrEqual(85);
    expect(new Set(situations.map(styleOf))).toEqual(
      new Set(['indirect', 'slack-long', 'in-domain-unknown', 'off-topic']),
    );
    const mislabelled = situations.filter((q) => (q.expected === null) === IN_SCOPE_STYLES.includes(styleOf(q)));
    expect(mislabelled.map((q) => q.question)).toEqual([]);
    const indirect = situations.filter((q) => styleOf(q) === 'indirect');
    const thin = bundled.entries.filter((e) => indirect.filter((q) => q.expected === e.id).length < 2);
    expect(thin.map((e) => e.id)).toEqual([]);
  });

  it('imported-paraphrases asks about at least 60 imported entries in at least 80 questions', () => {
    const imported = new Set(merged.entries.filter((e) => e.file.startsWith('imported/')).map((e) => e.id));
    const wants = (sets['imported-paraphrases'] ?? []).flatMap((q) => (q.expected === null ? [] : [q.expected]));
    expect(wants.filter((id) => imported.has(id)).length).toBeGreaterThanOrEqual(80);
    expect(new Set(wants).size).toBeGreaterThanOrEqual(60);
  });

  it('imported-more asks about at least 50 imported entries, at most 2 questions each, wants null exactly for the unanswerable styles', () => {
    const more = sets['imported-more'] ?? [];
    const imported = new Set(merged.entries.filter((e) => e.file.startsWith('imported/')).map((e) => e.id));
    const wants = more.flatMap((q) => (q.expected === null ? [] : [q.expected]));
    expect(wants.filter((id) => !imported.has(id))).toEqual([]);
    expect(new Set(wants).size).toBeGreaterThanOrEqual(50);
    const perEntry = new Map<string, number>();
    for (const id of wants) perEntry.set(id, (perEntry.get(id) ?? 0) + 1);
    expect([...perEntry].filter(([, n]) => n > 2).map(([id]) => id)).toEqual([]);
    expect(new Set(more.map(styleOf))).toEqual(new Set([...IN_SCOPE_STYLES, 'in-domain-unknown', 'off-topic']));
    const mislabelled = more.filter((q) => (q.expected === null) === IN_SCOPE_STYLES.includes(styleOf(q)));
    expect(mislabelled.map((q) => q.question)).toEqual([]);
  });

  it('shares no question with slack-dev', () => {
    const dev = new Set((sets['slack-dev'] ?? []).map((q) => q.question));
    const own = [
      ...(sets['slack-more'] ?? []),
      ...(sets['slack-situations'] ?? []),
      ...(sets['imported-paraphrases'] ?? []),
      ...(sets['imported-more'] ?? []),
    ];
    expect(own.filter((q) => dev.has(q.question)).map((q) => q.question)).toEqual([]);
  });

  it('imported-more shares no question with imported-paraphrases', () => {
    const earlier = new Set((sets['imported-paraphrases'] ?? []).map((q) => q.question));
    expect((sets['imported-more'] ?? []).filter((q) => earlier.has(q.question)).map((q) => q.question)).toEqual([]);
  });

  it('imports title-only entries: every imported entry has its title as its single question', () => {
    const imported = merged.entries.filter((e) => e.file.startsWith('imported/'));
    expect(imported.length).toBeGreaterThanOrEqual(60);
    expect(imported.filter((e) => e.questions.length !== 1 || e.questions[0] !== e.title).map((e) => e.id)).toEqual([]);
  });
});
