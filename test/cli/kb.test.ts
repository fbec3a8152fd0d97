import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runBeian } from './run-beian.js';

const GOOD = join(FIXTURES, 'good');
const BROKEN = join(FIXTURES, 'broken');
const SEEDS = join(FIXTURES, 'seeds');
const work = await mkdtemp(join(tmpdir(), 'beian-kb-cli-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('beian kb lint', () => {
  it('exits 0 with a one-line summary for a valid folder', async () => {
    const { code, stdout } = await runBeian(['--knowledge', GOOD, 'kb', 'lint']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\S*good: 4 entries in 3 topics, no problems\.\n$/);
  });

  it('exits 1 listing every problem as file:line: message', async () => {
    const { code, stdout, stderr } = await runBeian(['kb', 'lint'], {
      cwd: FIXTURES,
      env: { BEIAN_KNOWLEDGE_DIR: BROKEN },
    });
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n')).toEqual([
      'broken/one.md:5: unknown field "author" in front matter (allowed: id, topic, tags, source, reviewed, owner, review_every)',
      'broken/two.md:2: duplicate id "same-id": broken/one.md:2 and broken/two.md:2 both use it',
      'broken/two.md:7: source.url must be an http(s) URL',
      'broken/two.md:8: reviewed must be a real calendar date written YYYY-MM-DD',
      'broken/two.md:11: missing ## Answer section',
      'broken/two.md:14: question "备案号会过期吗？" is also listed in broken/one.md:15; a question may answer to one entry only',
      'broken/two.md:15: question "does it expire" is also listed in broken/one.md:16; a question may answer to one entry only',
      'broken/two.md:17: unknown section "## Notes" (allowed: ## Questions, ## Answer; use ### inside the answer)',
    ]);
    expect(stderr).toBe('8 problem(s) in broken.\n');
  });

  it('passes on the real knowledge folder', async () => {
    const { code, stdout } = await runBeian(['--knowledge', join(ROOT, 'knowledge'), 'kb', 'lint']);
    expect(stdout).toMatch(/no problems/);
    expect(code).toBe(0);
  });
});

// One good entry beside everything that once crashed or stalled the loader with a stack trace.
const hostile = join(work, 'hostile');
await mkdir(hostile);
const goodEntry = await readFile(join(GOOD, 'validity.md'), 'utf8');
await writeFile(join(hostile, 'good.md'), goodEntry);
await writeFile(
  join(hostile, 'bomb.md'),
  goodEntry
    .replace('validity-period', 'bomb')
    .replace(/^- (.*)$/gm, '- $1 (bomb)')
    .replace(
      'reviewed:',
      `a: &a [x, x, x, x, x, x, x, x, x]\n${'bcdefghijkl'
        .split('')
        .map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghijk'[i]}`)}]`)
        .join('\n')}\nreviewed:`,
    ),
);
await writeFile(
  join(hostile, 'quote.md'),
  `${goodEntry.replace('validity-period', 'quote').replace(/^- (.*)$/gm, '- $1 (quote)')}\n${'>'.repeat(20_000)} x\n`,
);
await mkdir(join(hostile, 'x.md'));
await symlink('/dev/zero', join(hostile, 'zero.md'));
await symlink('.', join(hostile, 'loop'));
execFileSync('mkfifo', [join(hostile, 'fifo.md')]);
const HOSTILE_PROBLEMS = [
  'hostile/bomb.md:9: bad YAML in front matter: YAML aliases (*name) are not allowed; write the value out',
  'hostile/fifo.md: is a FIFO (named pipe), not a regular file; knowledge files must be plain files',
  'hostile/loop: symlink loop: this leads to the knowledge folder itself, which is already read',
  'hostile/quote.md:28: block quotes or lists nested more than 32 deep; flatten them',
  'hostile/x.md: is a folder, not a knowledge file; only files may end in .md',
  'hostile/zero.md: is a character device, not a regular file; knowledge files must be plain files',
];

describe('a hostile knowledge folder', () => {
  it('kb lint lists every file it cannot use as a problem, with no stack trace', async () => {
    const { code, stdout, stderr } = await runBeian(['--knowledge', 'hostile', 'kb', 'lint'], { cwd: work });
    expect(stdout.trimEnd().split('\n')).toEqual(HOSTILE_PROBLEMS);
    expect(stderr).toBe('6 problem(s) in hostile.\n');
    expect(code).toBe(1);
  });

  it.each([
    ['start', { BEIAN_DATA_DIR: join(work, 'data') }],
    [
      'serve',
      // Slack at a closed loopback port: were the folder accepted, nothing would leave this machine.
      {
        SLACK_BOT_TOKEN: 'xoxb-test-hostile',
        SLACK_SIGNING_SECRET: 'test-signing-secret-hostile',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
        PORT: '0',
        BEIAN_DATA_DIR: join(work, 'data'),
      },
    ],
  ])('%s refuses to start with the same list, with no stack trace', async (command, env) => {
    const { code, stderr } = await runBeian(['--knowledge', 'hostile', command], { cwd: work, env });
    expect(stderr).toBe(`beian: The knowledge base has 6 problem(s):\n${HOSTILE_PROBLEMS.join('\n')}\n`);
    expect(code).toBe(1);
  });
});

describe('beian kb stats', () => {
  it('counts entries per topic and alternate questions per entry', async () => {
    const { code, stdout } = await runBeian(['--knowledge', GOOD, 'kb', 'stats']);
    expect(code).toBe(0);
    expect(stdout).toContain('4 entries in 3 topics');
    expect(stdout).toMatch(/cancellation\s+2\s+注销 \/ Cancellation/);
    expect(stdout).toMatch(/display\s+1\s+备案号展示 \/ Display/);
    expect(stdout).toContain('Alternate questions per entry: min 3, avg 3.5, max 4');
  });

  it('prints the same figures as JSON', async () => {
    const stats = JSON.parse((await runBeian(['--knowledge', GOOD, 'kb', 'stats', '--json'])).stdout);
    expect(stats.questionsPerEntry).toEqual({ min: 3, avg: 3.5, max: 4 });
    expect(stats.topics.map((t: { topic: string }) => t.topic)).toEqual(['cancellation', 'display', 'validity']);
  });
});

describe('beian kb export', () => {
  it('prints every entry with exactly the documented fields', async () => {
    const { code, stdout } = await runBeian(['--knowledge', GOOD, 'kb', 'export']);
    expect(code).toBe(0);
    const { entries } = JSON.parse(stdout);
    expect(entries).toHaveLength(4);
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual(['id', 'title', 'topic', 'tags', 'questions', 'answer', 'source', 'reviewed']);
      expect(Object.keys(entry.source)).toEqual(['title', 'url']);
    }
    expect(entries.find((e: { id: string }) => e.id === 'why-cancelled')).toMatchObject({
      topic: 'cancellation',
      questions: ['为什么备案号会被注销', 'why was my filing number cancelled', '备案被注销的原因'],
      reviewed: '2025-12-31',
    });
  });
});

describe('beian kb import', () => {
  it('writes drafts for the Huawei seed, resolving relative links, and lint refuses them until reviewed', async () => {
    const out = join(work, 'huawei');
    const seed = join(SEEDS, 'huawei-after-filing.md');
    const url = 'https://support.huaweicloud.com/icp_faq/x.html';
    const args = ['--knowledge', GOOD, 'kb', 'import', seed, '--out', out, '--source-url', url];
    const { code, stdout, stderr } = await runBeian(args);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`wrote ${join(out, 'handle-shell-site.md')}  处理方法（空壳网站）`);
    expect(stdout).toContain('8 draft(s) from 1 page(s)');
    expect((await readdir(out)).sort()).toHaveLength(8);
    const draft = await readFile(join(out, 'handle-shell-site.md'), 'utf8');
    expect(draft).toContain('[新增接入](https://support.huaweicloud.com/manual/add_access/)');
    expect(draft).toContain('  title: 备案成功\n');
    const lint = await runBeian(['--knowledge', out, 'kb', 'lint']);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('handle-shell-site.md:1: missing required field "reviewed"');
    expect(lint.stdout).toMatch(/handle-shell-site\.md:\d+: ## Questions has no questions/);
  });

  it('lists the knowledge folder topics in a draft whose topic is left for the reviewer', async () => {
    const out = join(work, 'topics');
    await writeFile(join(work, 'ask.md'), '### 备案要多久？\n\n20 天。\n');
    expect((await runBeian(['--knowledge', GOOD, 'kb', 'import', join(work, 'ask.md'), '--out', out])).code).toBe(0);
    const [name] = await readdir(out);
    const text = await readFile(join(out, name ?? ''), 'utf8');
    expect(text).toMatch(/^# topic: left for the reviewer; existing topics: cancellation, display, validity$/m);
  });

  it('never reuses an id from the knowledge folder', async () => {
    const page = '### 备案号会过期吗\n\n不会。\n';
    await writeFile(join(work, 'page.md'), page);
    const knowledge = join(work, 'kb');
    const first = [
      '--knowledge',
      GOOD,
      'kb',
      'import',
      join(work, 'page.md'),
      '--out',
      knowledge,
      '--topic',
      'validity',
    ];
    expect((await runBeian(first)).code).toBe(0);
    const second = await runBeian([
      '--knowledge',
      knowledge,
      'kb',
      'import',
      join(work, 'page.md'),
      '--out',
      join(work, 'second'),
    ]);
    expect(second.code).toBe(0);
    const [kept] = await readdir(knowledge);
    const [fresh] = await readdir(join(work, 'second'));
    expect(kept).toBe('icp-number-expiry.md');
    expect(fresh).toMatch(/^icp-number-expiry-[0-9a-z]+\.md$/);
  });

  it('imports many pages in one run and appends more across runs, ids unique across the folder', async () => {
    const out = join(work, 'many');
    const [a, b, c] = ['a.md', 'b.md', 'c.md'].map((n) => join(work, n));
    await writeFile(a ?? '', '### 备案密码在哪里查看？\n\n控制台。\n\n### 备案要多久？\n\n20 天。\n');
    await writeFile(b ?? '', '### 备案密码在哪里查看？\n\n邮件里。\n');
    await writeFile(c ?? '', '### 备案要多久？\n\n三周。\n');
    const run1 = await runBeian(['--knowledge', GOOD, 'kb', 'import', a ?? '', b ?? '', '--out', out]);
    expect(run1.code).toBe(0);
    expect(run1.stdout).toContain('3 draft(s) from 2 page(s)');
    const before = await readdir(out);
    const run2 = await runBeian(['--knowledge', GOOD, 'kb', 'import', c ?? '', '--out', out]);
    expect(run2.code).toBe(0);
    const after = (await readdir(out)).sort();
    expect(after).toHaveLength(4);
    expect(after).toEqual(expect.arrayContaining(before));
    for (const name of before) expect(await readFile(join(out, name), 'utf8')).not.toContain('三周');
  });

  it("refuses to import a page twice, and --force replaces only that page's unreviewed drafts", async () => {
    const out = join(work, 'twice');
    const tencent = join(SEEDS, 'tencent-icp-number.md');
    const other = join(work, 'other.md');
    await writeFile(other, '### 什么是 ICP 备案号？\n\n另一页的回答。\n');
    const args = ['--knowledge', GOOD, 'kb', 'import', tencent, '--out', out];
    expect((await runBeian(args)).code).toBe(0);
    expect((await runBeian(['--knowledge', GOOD, 'kb', 'import', other, '--out', out])).code).toBe(0);
    const listed = (await readdir(out)).sort();
    expect(listed).toHaveLength(7);
    const again = await runBeian(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /tencent-icp-number\.md is already imported \(.*icp-number-what-is\.md.*\); use --force/,
    );
    const forced = await runBeian([...args, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('replacing 6 earlier draft(s)');
    expect((await readdir(out)).sort()).toEqual(listed);
    const others = await Promise.all(listed.map((n) => readFile(join(out, n), 'utf8')));
    expect(others.filter((t) => t.includes('另一页的回答'))).toHaveLength(1);
    const reviewed = join(out, 'icp-number-cancel.md');
    await writeFile(
      reviewed,
      (await readFile(reviewed, 'utf8')).replace('---\n\n<!--', 'reviewed: 2026-11-30\n---\n\n<!--'),
    );
    const refused = await runBeian([...args, '--force']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/icp-number-cancel\.md already reviewed; move it into the knowledge folder first/);
  }, 60_000);

  it.each([
    ['a missing file', ['kb', 'import', 'no-such-page.md'], 2, /cannot read no-such-page\.md: ENOENT/],
    [
      'a bad --source-url',
      ['kb', 'import', 'x.md', '--source-url', 'ftp://x'],
      2,
      /--source-url must be an http\(s\) URL/,
    ],
    [
      'fewer --source-url than pages',
      ['kb', 'import', 'x.md', 'y.md', '--source-url', 'https://a.example/x'],
      2,
      /give --source-url once per page, in order: 2 page\(s\), 1 --source-url/,
    ],
    ['two pages with one name', ['kb', 'import', 'a/x.md', 'b/x.md'], 2, /two pages are named x\.md/],
    ['a bad --topic', ['kb', 'import', 'x.md', '--topic', 'Not Kebab'], 2, /--topic must be a kebab-case topic id/],
    ['no file argument', ['kb', 'import'], 2, /missing required argument 'pages'/],
  ])('fails clearly on %s', async (_name, args, code, message) => {
    const run = await runBeian(args, { cwd: work });
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails clearly on a page with no questions', async () => {
    await writeFile(join(work, 'empty.md'), '<!-- nothing here -->\n');
    const run = await runBeian(['kb', 'import', 'empty.md', '--out', 'nothing'], { cwd: work });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No questions found in empty.md');
  });

  it('imports every shared page into one folder in one run, warnings naming page:line', async () => {
    const dir = join(ROOT, 'test/fixtures/import-pages');
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md').map((f) => join(dir, f));
    const out = join(work, 'all');
    const run = await runBeian(['--knowledge', GOOD, 'kb', 'import', ...pages, '--out', out]);
    expect(run.code).toBe(0);
    const written = run.stdout.match(/^wrote /gm) ?? [];
    expect((await readdir(out)).length).toBe(written.length);
    expect(run.stdout).toContain(`${written.length} draft(s) from 40 page(s)`);
    for (const line of run.stderr.trimEnd().split('\n')) expect(line).toMatch(/^\S+\.md:\d+: warning: /);
  }, 60_000);
});
