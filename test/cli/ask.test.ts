import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, runBeian } from './run-beian.js';

const GOOD = join(FIXTURES, 'good');
const ask = (args: string[], stdin?: string) =>
  runBeian(['--knowledge', GOOD, 'ask', ...args], stdin === undefined ? {} : { stdin });

describe('beian ask', () => {
  it('answers in terminal text: title, rendered answer, source, reviewed date and confidence', async () => {
    const { code, stdout, stderr } = await ask(['备案号放在网页哪里']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('备案号应该放在网站哪里？ / Where must the filing number appear on my site?');
    expect(stdout).toContain('  1. Add the number to the footer.');
    expect(stdout).toContain('[图片/image: footer example] https://example.com/img/footer.png');
    expect(stdout).toContain('Source: Fixture source · display (https://example.com/docs/display)');
    expect(stdout).toContain('Reviewed: 2026-02-01');
    expect(stdout).toMatch(/Confidence: \d{1,3}%/);
    expect(stdout).not.toContain('**');
  });

  it('renders links as text (url) and drops markdown emphasis marks', async () => {
    const { stdout } = await ask(['does', 'the', 'beian', 'number', 'expire']);
    expect(stdout).toContain('There is no fixed expiry.');
    expect(stdout).toContain('public query (https://beian.miit.gov.cn/)');
    expect(stdout).toContain('  • the filing details stay accurate;');
  });

  it('numbers its suggestions', async () => {
    const { stdout } = await ask(['注销的备案号能恢复吗']);
    expect(stdout).toMatch(
      /Related questions:\n {2}1\. 为什么备案号会被注销？ \/ Why was my filing number cancelled\? \(\d+%\)/,
    );
  });

  it('says plainly when the knowledge base has no answer', async () => {
    const { code, stdout } = await ask(['how do I bake sourdough bread']);
    expect(code).toBe(0);
    expect(stdout).toContain('The knowledge base has no answer to this question.');
    expect(stdout).not.toContain('Source:');
  });

  it('prints the JSON shape with --json', async () => {
    const { code, stdout } = await ask(['--json', '备案号会过期吗']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(['question', 'answered', 'confidence', 'entry', 'suggestions']);
    expect(answer).toMatchObject({ question: '备案号会过期吗', answered: true });
    expect(answer.confidence).toBeGreaterThan(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
    expect(answer.entry).toEqual({
      id: 'validity-period',
      title: '备案号的有效期是多久？ / How long is an ICP filing number valid?',
      topic: 'validity',
      answer: expect.stringContaining('There is **no fixed expiry**.'),
      source: { title: 'Fixture source · validity', url: 'https://example.com/docs/validity' },
    });
    for (const s of answer.suggestions) expect(Object.keys(s)).toEqual(['id', 'title', 'confidence']);
  });

  it('gives a null entry in JSON when not answered', async () => {
    const answer = JSON.parse((await ask(['--json', 'how do I bake sourdough bread'])).stdout);
    expect(answer).toMatchObject({ answered: false, entry: null });
    expect(Array.isArray(answer.suggestions)).toBe(true);
  });

  it('answers one JSON line per stdin line, skipping blank lines, in order', async () => {
    const questions = [
      '备案号会过期吗',
      '',
      '   ',
      '注销的备案号能恢复吗',
      'where must the ICP number be shown on my website',
    ];
    const many = Array.from({ length: 60 }, (_, i) => questions[i % questions.length]).join('\n');
    const { code, stdout } = await ask(['--json'], `${many}\r\n`);
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(36);
    expect(lines.slice(0, 3).map((l) => l.entry?.id)).toEqual([
      'validity-period',
      'cancelled-number-restore',
      'footer-display',
    ]);
  });

  it('stops quietly with exit 0 when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [BIN, '--knowledge', GOOD, 'ask', '--json'], {
      env: { PATH: process.env.PATH },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.on('error', () => {
      // The child may be gone before all input is written; that is the point of the test.
    });
    child.stdin.end('备案号会过期吗\n'.repeat(20_000));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('answers a text batch from stdin with a rule between answers', async () => {
    const { stdout } = await ask([], '备案号会过期吗\n注销的备案号能恢复吗\n');
    expect(stdout.split('─'.repeat(40))).toHaveLength(2);
    expect(stdout).toContain('How long is an ICP filing number valid?');
    expect(stdout).toContain('Can a cancelled filing number be restored?');
  });

  it('reads the knowledge folder from BEIAN_KNOWLEDGE_DIR when --knowledge is not given', async () => {
    const { stdout } = await runBeian(['ask', '--json', '备案号会过期吗'], { env: { BEIAN_KNOWLEDGE_DIR: GOOD } });
    expect(JSON.parse(stdout).entry.source.url).toBe('https://example.com/docs/validity');
  });

  it.each([
    [
      'a missing knowledge folder',
      ['--knowledge', join(FIXTURES, 'missing'), 'ask', 'x'],
      1,
      /Knowledge folder not found/,
    ],
    [
      'an invalid knowledge folder',
      ['--knowledge', join(FIXTURES, 'broken'), 'ask', 'x'],
      1,
      /broken\/two\.md:7: source\.url/,
    ],
    ['an unknown option', ['--knowledge', GOOD, 'ask', '--bogus'], 2, /unknown option '--bogus'/],
    ['an empty question', ['--knowledge', GOOD, 'ask', '  '], 2, /the question is empty/],
  ])('fails clearly on %s', async (_name, args, code, message) => {
    const run = await runBeian(args);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('prints help', async () => {
    const { code, stdout } = await runBeian(['ask', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--json');
  });
});
