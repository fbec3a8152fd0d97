/**
 * Matcher benchmark: loading and indexing the real knowledge base, per-question latency over the
 * evaluation questions, `beian ask --json` throughput over stdin, and synthetic knowledge bases of
 * 100, 1,000 and 10,000 entries — each beside plain fuse.js measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import type { Entry, KnowledgeBase } from '../src/core/knowledge/types.js';
import { createBaselineMatcher } from '../src/core/match/create-baseline-matcher.js';
import { createMatcher } from '../src/core/match/create-matcher.js';
import { parseLabelledQuestions } from '../src/core/match/evaluate.js';
import type { Matcher } from '../src/core/match/types.js';
import { percentile } from './stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

type Row = [string, string, string, string];
const rows: Row[] = [];

// `warmRounds` whole passes first: V8 keeps optimising the matcher's functions over its first thousand or so questions
// (its optimising compiler shares this 2-core machine), so a served bot's steady state is measured after them and the
// first pass is reported on its own row.
function timeQuestions(matcher: Matcher, questions: readonly string[], rounds: number, warmRounds = 0): number[] {
  for (const q of questions.slice(0, 5)) matcher.match(q); // warm-up
  for (let r = 0; r < warmRounds; r += 1) for (const q of questions) matcher.match(q);
  gc(); // so the garbage of building the index is not collected inside the timed loop
  const times: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const q of questions) {
      const start = performance.now();
      matcher.match(q);
      times.push(performance.now() - start);
    }
  }
  return times.sort((a, b) => a - b);
}

function timeBuild(build: () => unknown, reps: number): number {
  const start = performance.now();
  for (let i = 0; i < reps; i += 1) build();
  return (performance.now() - start) / reps;
}

// One build, measured twice over: how long it took and how much heap it keeps.
// CPU time too: on a shared machine the wall clock also counts other processes' turns.
function measureBuild(build: () => unknown): { value: unknown; ms: number; cpu: number; mb: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = build();
  const took = performance.now() - start;
  const used = process.cpuUsage(cpu);
  gc();
  return {
    value,
    ms: took,
    cpu: (used.user + used.system) / 1000,
    mb: (process.memoryUsage().heapUsed - before) / 1024 / 1024,
  };
}

const ms = (x: number) => `${x.toFixed(3)} ms`;
const ratio = (ours: number, base: number) => (ours === 0 ? '-' : `${(base / ours).toFixed(1)}× faster`);

// --- real knowledge base -------------------------------------------------------------------------
const kbStart = performance.now();
const kb = await loadKnowledgeBase(`${root}knowledge`);
const loadMs = performance.now() - kbStart;
const questions = parseLabelledQuestions(readFileSync(`${root}test/eval/questions.jsonl`, 'utf8')).map(
  (q) => q.question,
);

const oursBuild = timeBuild(() => createMatcher(kb), 5);
const baseBuild = timeBuild(() => createBaselineMatcher(kb), 5);
rows.push([`load ${kb.entries.length} entries (markdown → KB)`, ms(loadMs), '(same loader)', '']);
rows.push(['index the real KB', ms(oursBuild), ms(baseBuild), `${(oursBuild / baseBuild).toFixed(1)}× the time`]);

const ours = createMatcher(kb);
const base = createBaselineMatcher(kb);
const oursFirst = timeQuestions(ours, questions, 1);
const baseFirst = timeQuestions(base, questions, 1);
const first = [percentile(oursFirst, 99), percentile(baseFirst, 99)] as const;
rows.push([`match p99, first pass of a new process`, ms(first[0]), ms(first[1]), ratio(...first)]);
const oursTimes = timeQuestions(ours, questions, 3, 4);
const baseTimes = timeQuestions(base, questions, 1, 1);
for (const p of [50, 99]) {
  const [o, b] = [percentile(oursTimes, p), percentile(baseTimes, p)];
  rows.push([`match p${p} (${questions.length} eval questions, warm)`, ms(o), ms(b), ratio(o, b)]);
}
const oursQps = 1000 / (oursTimes.reduce((a, b) => a + b, 0) / oursTimes.length);
const baseQps = 1000 / (baseTimes.reduce((a, b) => a + b, 0) / baseTimes.length);
rows.push([
  'in-process throughput',
  `${oursQps.toFixed(0)} q/s`,
  `${baseQps.toFixed(0)} q/s`,
  ratio(1 / oursQps, 1 / baseQps),
]);

// --- beian ask --json over stdin -------------------------------------------------------------------
const batch = Array.from({ length: 500 }, (_, i) => questions[i % questions.length]).join('\n');
const cliStart = performance.now();
const cli = spawnSync(process.execPath, [`${root}bin/beian.js`, 'ask', '--json'], {
  input: batch,
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1' },
  maxBuffer: 64 * 1024 * 1024,
});
const cliMs = performance.now() - cliStart;
const answered = cli.stdout.split('\n').filter((l) => l.trim() !== '').length;
rows.push([
  'beian ask --json, 500 questions on stdin',
  cli.status === 0 ? `${cliMs.toFixed(0)} ms, ${((answered / cliMs) * 1000).toFixed(0)} q/s` : `failed (${cli.status})`,
  '(no CLI for fuse.js)',
  `${answered} lines incl. start-up`,
]);

// --- synthetic scale -------------------------------------------------------------------------------
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH = (
  '备案 注销 空壳 主体 网站 域名 证书 有效期 过期 公安 解析 阻断 接入 服务器 变更 信息 审核 管局 工信部 号码 ' +
  '首页 页脚 链接 申请 材料 个人 企业 公司 恢复 重新 查询 截图 证明 流程 时间 费用 境外 香港 负责人 手机 邮箱 ' +
  '云主机 虚拟主机 小程序 应用 内容 新闻 论坛 博客 电商 支付 直播 视频 游戏 教育 医疗 金融 文化 出版 ' +
  '许可证 前置审批 幕布 拍照 核验 短信 身份证 营业执照 法人 授权 委托 迁移 合并 转让 停止 下线 上线'
).split(' ');
const EN = (
  'filing cancel shell entity website domain certificate validity expire police dns blocked access server change ' +
  'information review bureau number homepage footer link apply documents personal company restore query screenshot ' +
  'proof process time cost overseas contact app content news forum blog payment video game education license'
).split(' ');
const FILLER = ['怎么', '如何', '请问', '吗', '呢', 'how do i', 'what is', 'can i', '是不是', '需要'];

function synthesise(n: number, seed: number): { kb: KnowledgeBase; queries: string[] } {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  const zhPhrase = (k: number) => Array.from({ length: k }, () => pick(ZH)).join('');
  const enPhrase = (k: number) => Array.from({ length: k }, () => pick(EN)).join(' ');
  const entries: Entry[] = [];
  for (let i = 0; i < n; i += 1) {
    const zh = zhPhrase(3);
    const en = enPhrase(4);
    const questionsOf = [
      ...Array.from({ length: 6 }, () => `${pick(FILLER)}${zh.slice(0, 4)}${zhPhrase(2)}`),
      ...Array.from({ length: 4 }, () => `${pick(FILLER)} ${en} ${enPhrase(2)}`),
    ];
    entries.push({
      id: `synthetic-${i}`,
      title: `${zh}？ / ${en}?`,
      questions: questionsOf,
      topic: pick(['display', 'cancellation', 'validity', 'shell']),
      tags: [pick(ZH), pick(ZH), pick(EN)],
      answer: `${zhPhrase(40)}\n\n${enPhrase(60)}`,
      source: { title: 'synthetic', url: 'https://example.com' },
      reviewed: '2026-11-23',
      file: `synthetic/${i}.md`,
      line: 1,
    });
  }
  const queries = Array.from({ length: 200 }, (_, i) => {
    const e = pick(entries);
    if (i % 5 === 4) return `${pick(FILLER)}${zhPhrase(2)} ${enPhrase(1)}`; // mostly out of scope
    return i % 2 === 0 ? `${pick(FILLER)}${e.title.slice(0, 6)}` : pick(e.questions);
  });
  return { kb: { entries, byId: new Map(entries.map((e) => [e.id, e])), topics: [] }, queries };
}

const scale: {
  n: number;
  idx: number;
  cpu: number;
  heap: number;
  p99: number;
  bIdx: number;
  bCpu: number;
  bHeap: number;
  bP99: number;
}[] = [];
for (const n of [100, 1000, 10000]) {
  const { kb: big, queries } = synthesise(n, n);
  const o = measureBuild(() => createMatcher(big));
  const b = measureBuild(() => createBaselineMatcher(big));
  const [idx, bIdx] = [o.ms, b.ms];
  const p99 = percentile(timeQuestions(o.value as Matcher, queries, 5), 99);
  // Plain fuse.js scans every entry per question (~0.1–0.25 s at 1,000 entries): 50, 10 and 3 questions keep the
  // run under a minute, so its p99 there is the maximum of a small sample.
  const bQueries = queries.slice(0, n >= 10000 ? 3 : n >= 1000 ? 10 : 50);
  const bP99 = percentile(timeQuestions(b.value as Matcher, bQueries, 1), 99);
  scale.push({ n, idx, cpu: o.cpu, heap: o.mb, p99, bIdx, bCpu: b.cpu, bHeap: b.mb, bP99 });
}
for (const s of scale) {
  rows.push([`${s.n} entries: index time`, ms(s.idx), ms(s.bIdx), `${(s.idx / s.bIdx).toFixed(1)}× the time`]);
  rows.push([`${s.n} entries: index CPU time`, ms(s.cpu), ms(s.bCpu), `${(s.cpu / s.bCpu).toFixed(1)}× the time`]);
  rows.push([`${s.n} entries: heap after indexing`, `${s.heap.toFixed(1)} MB`, `${s.bHeap.toFixed(1)} MB`, '']);
  rows.push([`${s.n} entries: match p99`, ms(s.p99), ms(s.bP99), ratio(s.p99, s.bP99)]);
}
for (let i = 1; i < scale.length; i += 1) {
  const [a, b] = [scale[i - 1], scale[i]];
  if (a === undefined || b === undefined) continue;
  rows.push([
    `growth ${a.n} → ${b.n} (index, heap, p99)`,
    `${(b.idx / a.idx).toFixed(1)}×, ${(b.heap / Math.max(a.heap, 0.01)).toFixed(1)}×, ${(b.p99 / a.p99).toFixed(1)}×`,
    `${(b.bIdx / a.bIdx).toFixed(1)}×, ${(b.bHeap / Math.max(a.bHeap, 0.01)).toFixed(1)}×, ${(b.bP99 / a.bP99).toFixed(1)}×`,
    'per 10× entries',
  ]);
}

// --- table -----------------------------------------------------------------------------------------
const header: Row = ['measure', 'beian matcher', 'plain fuse.js', 'ratio'];
const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c]?.length ?? 0)));
const line = (r: Row) => `| ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
process.stdout.write(
  `${[line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')}\n`,
);
