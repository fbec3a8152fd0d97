import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runBeian } from './run-beian.js';

const GOOD = join(FIXTURES, 'good');
const home = await mkdtemp(join(tmpdir(), 'beian-console-'));
await writeFile(join(home, '.env'), `BEIAN_KNOWLEDGE_DIR=${GOOD}\n`);
afterAll(() => rm(home, { recursive: true, force: true }));

/** `beian start` in a folder whose .env points at the fixture knowledge base, fed `lines` on stdin. */
const startConsole = (lines: string[]) =>
  runBeian(['start'], { cwd: home, stdin: lines.map((l) => `${l}\n`).join('') });

describe('beian start without Slack credentials (the console)', () => {
  it('greets, says what it can do, and exits 0 at end of input', async () => {
    const { code, stdout, stderr } = await startConsole([]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('answers from 4 FAQ entries, and homepage footer checks');
    expect(stdout).toContain('type /help');
  });

  it('answers a question with the rendered answer, source and confidence', async () => {
    const { stdout } = await startConsole(['备案号会过期吗']);
    expect(stdout).toContain('备案号的有效期是多久？ / How long is an ICP filing number valid?');
    expect(stdout).toContain('  • the filing details stay accurate;');
    expect(stdout).toContain('Source: Fixture source · validity (https://example.com/docs/validity)');
    expect(stdout).toMatch(/Confidence: \d+%/);
  });

  it('shows a numbered suggestion when its number is typed', async () => {
    const { stdout } = await startConsole(['/faq 注销的备案号能恢复吗', '1']);
    const [, afterPick] = stdout.split(/\n {2}1\. 为什么备案号会被注销？.*\n/);
    // The fixture was reviewed on 2025-12-31, more than 180 days before any day this runs: it says it may be out of date.
    expect(afterPick).toContain(
      '为什么备案号会被注销？ / Why was my filing number cancelled?\n\n⚠️ Last reviewed 2025-12-31; may be out of date.',
    );
    expect(afterPick).toContain('内容可能已过时，请以来源页面为准。\n\nCommon reasons:');
    expect(afterPick).toContain('Reviewed: 2025-12-31');
  });

  it.each([
    ['a number before any question', ['2'], 'There is no suggestion 2: ask a question first.'],
    ['an unknown command', ['/frobnicate'], 'Unknown command /frobnicate. Type /help to see what I can do.'],
    ['/faq without a question', ['/faq'], 'Usage: /faq QUESTION'],
    ['/footer-check without a target', ['/footer-check'], 'Usage: /footer-check SITE…'],
    ['/help', ['/help'], '/footer-check SITE…  check homepage footers'],
    ['/topics', ['/topics'], '注销 / Cancellation\n  • 注销的备案号能恢复吗？'],
  ])('answers %s with a sentence and keeps going', async (_name, lines, reply) => {
    const { code, stdout } = await startConsole([...lines, '备案号会过期吗']);
    expect(code).toBe(0);
    expect(stdout).toContain(reply);
    expect(stdout).toContain('How long is an ICP filing number valid?');
  });

  it('stops reading at /quit and exits 0', async () => {
    const { code, stdout } = await startConsole(['/quit', '备案号会过期吗']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('How long is an ICP filing number valid?');
  });
});

describe('beian start failing to start', () => {
  it('prints every knowledge problem on stderr and exits 1', async () => {
    const { code, stdout, stderr } = await runBeian(['--knowledge', join(FIXTURES, 'broken'), 'start']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('The knowledge base has 8 problem(s):');
    expect(stderr).toMatch(/broken\/two\.md:17: unknown section "## Notes"/);
  });

  it.each([
    ['a bad setting', { BEIAN_MIN_CONFIDENCE: '2' }, /Invalid configuration:[\s\S]*BEIAN_MIN_CONFIDENCE/],
    [
      'incomplete Slack credentials',
      { SLACK_BOT_TOKEN: 'xoxb-123' },
      /Slack credentials are incomplete; set SLACK_SIGNING_SECRET/,
    ],
  ])('refuses %s with one clear message and exit 1', async (_name, env, message) => {
    const { code, stderr } = await runBeian(['start'], { cwd: home, env });
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });
});
