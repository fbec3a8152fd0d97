import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config.js';
import { createStore } from '../../src/store/create-store.js';
import type { SavedDraft } from '../../src/store/draft-store.js';
import { runBeian } from './run-beian.js';

const draft = (id: string, title: string, at: string): SavedDraft => ({
  id,
  title,
  questions: [`${id} in English`],
  answer: '在**备案控制台**找回。\n\n- 第一步\n- 第二步',
  topic: 'after-filing',
  tags: ['备案密码', 'password'],
  source: { title: 'Slack thread', url: `https://test.slack.com/archives/C1/p${at.replace(/\D/g, '')}` },
  at,
  user: 'U0EXPERT1',
  channel: 'C1',
  messageTs: '1.1',
});

describe('beian kb drafts', () => {
  let dir: string;
  let dataDir: string;
  let knowledge: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'beian-drafts-'));
    dataDir = join(dir, 'data');
    knowledge = join(dir, 'knowledge');
    await cp(DEFAULT_KNOWLEDGE_DIR, knowledge, { recursive: true });
    const store = await createStore({ dataDir });
    await store.drafts.save(draft('filing-password-forgot', '备案密码忘了怎么办？', '2026-12-01T01:00:00.000Z'));
    await store.drafts.save(draft('filing-sms-code', '备案短信验证码收不到怎么办？', '2026-12-01T02:00:00.000Z'));
    await store.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists the drafts, oldest first', { timeout: 60_000 }, async () => {
    const run = await runBeian(['kb', 'drafts', 'list', '--data-dir', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^filing-password-forgot {2}\[after-filing\] {2}备案密码忘了怎么办？\n/);
    expect(run.stdout.indexOf('filing-password-forgot')).toBeLessThan(run.stdout.indexOf('filing-sms-code'));
    const json = await runBeian(['kb', 'drafts', 'list', '--json', '--data-dir', dataDir]);
    expect((JSON.parse(json.stdout) as { drafts: SavedDraft[] }).drafts.map((d) => d.id)).toEqual([
      'filing-password-forgot',
      'filing-sms-code',
    ]);
  });

  it('exports files lint accepts once reviewed is set, and never overwrites one', { timeout: 90_000 }, async () => {
    const file = join(knowledge, 'after-filing', 'filing-sms-code.md');
    await writeFile(file, 'hand-written, not to be lost\n', { flag: 'wx' });
    const run = await runBeian(['--knowledge', knowledge, 'kb', 'drafts', 'export', knowledge, '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${join(knowledge, 'after-filing', 'filing-password-forgot.md')}`);
    expect(run.stdout).toContain(`kept ${file}: it exists already`);
    expect(await readFile(file, 'utf8')).toBe('hand-written, not to be lost\n');
    await rm(file);

    const lint = await runBeian(['--knowledge', knowledge, 'kb', 'lint']);
    expect(lint.code).toBe(1);
    expect(lint.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/after-filing\/filing-password-forgot\.md:\d+: missing required field "reviewed"$/),
    ]);
    const exported = join(knowledge, 'after-filing', 'filing-password-forgot.md');
    const text = await readFile(exported, 'utf8');
    await writeFile(exported, text.replace(/^# reviewed:.*$/m, 'reviewed: 2026-12-01'));
    const clean = await runBeian(['--knowledge', knowledge, 'kb', 'lint']);
    expect(clean.stdout).toContain('no problems');
    expect(clean.code).toBe(0);

    const again = await runBeian([
      '--knowledge',
      knowledge,
      'kb',
      'drafts',
      'export',
      knowledge,
      '--data-dir',
      dataDir,
    ]);
    expect(again.stdout).toContain('kept filing-password-forgot: the knowledge base already has an entry with this id');
    expect(await readFile(exported, 'utf8')).toContain('reviewed: 2026-12-01');
  });
});
