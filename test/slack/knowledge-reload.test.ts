import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR, loadConfig } from '../../src/config.js';
import { createBotCore, reloadKnowledgeOnChange } from '../../src/main.js';
import { postRefusedReload } from '../../src/slack/digest.js';
import { createLogger } from '../../src/slack/logger.js';
import { type KnowledgeWatch, watchKnowledge } from '../../src/watch-knowledge.js';
import { FAKE_BOT } from './helpers/fake-slack-api.js';
import { startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

let dir: string;
let t: TestSlack;
let reloads: KnowledgeWatch;
let botCore: Awaited<ReturnType<typeof createBotCore>>;
const logs: string[] = [];
const FILE = 'validity/validity-period.md';
const DIGEST_CHANNEL = 'C0DIGEST01';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'beian-reload-'));
  await cp(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  const config = loadConfig({});
  botCore = await createBotCore(config, dir);
  t = await startTestSlack({ core: botCore });
  const logger = createLogger('info', { write: (line) => logs.push(line) });
  // The notice `beian serve` posts to BEIAN_DIGEST_CHANNEL (start.ts), here through the test app's client.
  reloads = reloadKnowledgeOnChange(config, botCore, dir, logger, 50, (problems) =>
    postRefusedReload(t.slack.app.client, DIGEST_CHANNEL, problems),
  );
});
afterAll(async () => {
  reloads?.close();
  await t?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function ask(question: string): Promise<string> {
  const from = t.api.callsTo('chat.postMessage').length;
  const res = await t.sendEvent({
    type: 'app_mention',
    user: 'U0PERSON1',
    text: `<@${FAKE_BOT.user_id}> ${question}`,
    ts: `${Date.now() / 1000}`,
    channel: 'C0CHAN001',
  });
  expect(res.status).toBe(200);
  const [post] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
  return JSON.stringify(post?.args.blocks);
}

async function logged(pattern: RegExp, from: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const line = logs.slice(from).find((l) => pattern.test(l));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line matched ${pattern}; saw:\n${logs.slice(from).join('')}`);
}

async function postedTo(channel: string) {
  const deadline = Date.now() + 10_000;
  const find = () => t.api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
  while (find().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return find();
}

async function edit(change: (text: string) => string): Promise<void> {
  const path = join(dir, FILE);
  await writeFile(path, change(await readFile(path, 'utf8')));
}

describe('the running bot reloads its knowledge folder', () => {
  it('answers from an edited file once it lints clean, without a restart', { timeout: 30_000 }, async () => {
    expect(await ask('备案号会过期吗')).not.toContain('RELOADED');
    const from = logs.length;
    // The asker's Slack is in English: the answer shows the entry's English part first.
    await edit((text) =>
      text.replace('There is currently no validity period', 'RELOADED: there is no validity period'),
    );
    expect(await logged(/Knowledge base reloaded from .*: \d+ entries/, from)).toContain('INFO');
    expect(await ask('备案号会过期吗')).toContain('RELOADED');
  });

  it('keeps answering from the old one when a change breaks a file, logging file:line', {
    timeout: 30_000,
  }, async () => {
    const from = logs.length;
    await edit((text) => text.replace('topic: validity', 'topic: Not A Topic').replace('RELOADED', 'BROKEN'));
    const line = await logged(/not reloaded/, from);
    expect(line).toContain('WARN');
    expect(line).toContain(`${join(relative(process.cwd(), dir), FILE)}:3: topic must be a kebab-case topic id`);
    expect(line).toContain('still answering from the previous knowledge base');
    const notices = await postedTo(DIGEST_CHANNEL);
    expect(notices).toHaveLength(1);
    expect(String(notices[0]?.args.text)).toMatch(/not loaded: 1 problem\(s\)|没有加载：有 1 个问题/);
    expect(String(notices[0]?.args.text)).toContain(`${FILE}:3: topic must be a kebab-case topic id`);
    const answer = await ask('备案号会过期吗');
    expect(answer).toContain('RELOADED');
    expect(answer).not.toContain('BROKEN');

    const fixed = logs.length;
    await edit((text) => text.replace('topic: Not A Topic', 'topic: validity'));
    await logged(/Knowledge base reloaded/, fixed);
    expect(await ask('备案号会过期吗')).toContain('BROKEN');
  });

  it('reads a burst of writes (an editor’s save, a git pull) once, after the folder goes quiet', {
    timeout: 30_000,
  }, async () => {
    const seen: string[] = [];
    const quiet = { info: (m: string) => seen.push(m), warn: (m: string) => seen.push(m), error: () => undefined };
    let loads = 0;
    const burst = watchKnowledge({
      dir,
      load: async () => {
        loads += 1;
        return botCore.kb;
      },
      apply: () => undefined,
      logger: quiet,
      debounceMs: 500,
    });
    try {
      for (let i = 0; i < 5; i += 1) await edit((text) => `${text}\n`);
      const deadline = Date.now() + 10_000;
      while (loads === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await burst.idle();
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(loads).toBe(1);
      expect(seen).toEqual([expect.stringMatching(/^Knowledge base reloaded/)]);
    } finally {
      burst.close();
    }
  });
});
