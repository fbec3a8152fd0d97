import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runBeian } from './run-beian.js';

const work = await mkdtemp(join(tmpdir(), 'beian-kb-stale-'));
const knowledge = join(work, 'knowledge');
afterAll(() => rm(work, { recursive: true, force: true }));

beforeAll(async () => {
  await cp(join(FIXTURES, 'good'), knowledge, { recursive: true });
  const file = join(knowledge, 'validity.md');
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    text.replace('reviewed: 2026-01-15\n', 'reviewed: 2026-01-15\nowner: "<@U0OWNER1>"\nreview_every: 30\n'),
  );
});

const lint = (...args: string[]) => runBeian(['kb', 'lint', ...args], { cwd: work });

describe('beian kb lint --stale', () => {
  it('lists entries past due with their owners, most overdue first, and exits 1', async () => {
    const { code, stdout } = await lint('--knowledge', 'knowledge', '--stale', '--today', '2026-07-01');
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      'knowledge: 4 entries in 3 topics, no problems.',
      'knowledge: 3 of 4 entries past due for review on 2026-07-01:',
      '  knowledge/validity.md  validity-period  reviewed 2026-01-15, due 2026-02-14 (137 days ago)  <@U0OWNER1>',
      '  knowledge/cancellation/restore.md  cancelled-number-restore  reviewed 2025-12-31, due 2026-06-29 (2 days ago)  no owner (set owner: in its front matter)',
      '  knowledge/cancellation/why.md  why-cancelled  reviewed 2025-12-31, due 2026-06-29 (2 days ago)  no owner (set owner: in its front matter)',
      'Recheck each against its source, then set reviewed: to the day you did.',
      '',
    ]);
  });

  it('takes the default from BEIAN_REVIEW_EVERY_DAYS', async () => {
    const { code, stdout } = await runBeian(
      ['--knowledge', 'knowledge', 'kb', 'lint', '--stale', '--today', '2026-03-01'],
      {
        cwd: work,
        env: { BEIAN_REVIEW_EVERY_DAYS: '365' },
      },
    );
    expect(code).toBe(1);
    expect(stdout).toContain('1 of 4 entries past due');
    expect(stdout).toContain('validity-period');
  });

  it('says none is due and exits 0 when all are fresh', async () => {
    const { code, stdout } = await lint('--knowledge', 'knowledge', '--stale', '--today', '2026-02-10');
    expect(code).toBe(0);
    expect(stdout).toContain('knowledge: none of 4 entries is past due for review on 2026-02-10.');
  });

  it.each([
    [['--stale', '--today', '2026-02-30'], 'beian: --today expects a date written YYYY-MM-DD, not "2026-02-30"\n'],
    [['--today', '2026-02-10'], 'beian: --today needs --stale\n'],
  ])('refuses %j', async (args, message) => {
    const { code, stderr } = await lint('--knowledge', 'knowledge', ...args);
    expect(code).toBe(2);
    expect(stderr).toBe(message);
  });
});
