// Figures of `beian kb import` over the shared provider pages, as the issue counts them:
// `npx tsx test/eval/import-figures.ts [IMPORTER_MODULE] [PAGES]` (default: this checkout's importer, test/fixtures/import-pages).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const module = resolve(process.argv[2] ?? join(ROOT, 'src/core/knowledge/import-faq.ts'));
const PAGES = process.argv[3] ?? join(ROOT, 'test/fixtures/import-pages');
type Draft = { id: string; title: string; topic: string | null; answer: string; line: number };
const { importFaq } = (await import(pathToFileURL(module).href)) as {
  importFaq: (md: string, o: object) => { drafts: Draft[] };
};
const ASKS = /[？?]|吗|什么|如何|怎么|怎样|哪|多少|能否|是否|可否|多久|几个|为何|为什么|么$/;
const LEAK =
  /<span\s+id=|<table|<iframe|<img|^\s*>\s*[!?]|\*\*(?:说明 \/ Tip|注意 \/ Note):\*\* *>|\]\(\s*(?!https?:|#)/m;
const chinese = (t: string) => t.replace(/\*\*(?:说明 \/ Tip|注意 \/ Note):\*\*/g, '').replace(/[^\u4e00-\u9fff]/g, '');

const taken = new Set<string>();
const drafts: Draft[] = [];
let questions = 0;
let cut = 0;
for (const file of readdirSync(PAGES)
  .filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')
  .sort()) {
  const text = readFileSync(join(PAGES, file), 'utf8');
  const found = importFaq(text, {
    fileName: file,
    takenIds: taken,
    sourceUrl: 'https://example.com/docs/page.md',
  }).drafts;
  for (const d of found) taken.add(d.id);
  drafts.push(...found);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const heads = lines.flatMap((l, i) => {
    const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(l);
    return m ? [{ depth: m[1]?.length ?? 0, title: m[2] ?? '', i }] : [];
  });
  let inside: number | null = null;
  heads.forEach((h, k) => {
    if (inside !== null && h.depth > inside) return;
    inside = ASKS.test(h.title) ? h.depth : null;
    if (inside === null) return;
    questions += 1;
    const end = heads.slice(k + 1).find((n) => n.depth <= h.depth)?.i ?? lines.length;
    const draft = found.find((d) => d.line === h.i + 1);
    if (!draft || !chinese(draft.answer).includes(chinese(lines.slice(h.i + 1, end).join('\n')))) cut += 1;
  });
}
const ids = drafts.map((d) => d.id);
const counters = ids.filter((id) => /-\d+$/.test(id) && ids.includes(id.replace(/-\d+$/, ''))).length;
const hashed = ids.filter((id) => /-[0-9a-z]{5}$/.test(id) && /\d/.test(id.slice(-5))).length;
const figures = {
  drafts: drafts.length,
  'drafts with topic': drafts.filter((d) => d.topic).length,
  'id collisions (numbered or hashed)': counters + hashed,
  'meaningless ids (faq-N, how, filing-N, what-is, why, q-…)': ids.filter((id) =>
    /^(?:faq-\d+|how(?:-\d+)?|filing(?:-\d+)?|what-is(?:-\d+)?|why(?:-\d+)?|q-[0-9a-z]+)$/.test(id),
  ).length,
  'drafts with markup leaks': drafts.filter((d) => LEAK.test(d.answer)).length,
  'drafts titled by a heading that asks nothing': drafts.filter((d) => !ASKS.test(d.title)).length,
  'question headings (top-most)': questions,
  'answers cut at sub-headings or lost': cut,
};
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
