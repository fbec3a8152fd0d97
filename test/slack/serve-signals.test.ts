import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR, loadConfig } from '../../src/config.js';
import { createReloadableCore } from '../../src/core/bot-core.js';
import { serveSlack } from '../../src/main.js';
import { startFakeSlackApi } from './helpers/fake-slack-api.js';
import { createTestCore } from './helpers/start-test-slack.js';

describe('serveSlack and signals', () => {
  it('stops cleanly on a SIGTERM that comes while the watch scheduler is still starting', async () => {
    const api = await startFakeSlackApi();
    const dataDir = await mkdtemp(join(tmpdir(), 'beian-serve-signal-'));
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-signal-test',
      SLACK_SIGNING_SECRET: 'signal-test-secret',
      SLACK_API_URL: api.apiUrl,
      PORT: '0',
      BEIAN_DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
    });
    const { kb, matcher, checkFooter } = await createTestCore();
    const core = createReloadableCore({ kb, matcher }, checkFooter);
    let stopped = false;
    try {
      // The signal arrives while the work beside Slack is starting (opening its store, say): /healthz already
      // answers by then, so an orchestrator may well send it. Before, nothing listened yet and the process died.
      const served = serveSlack(config, core, DEFAULT_KNOWLEDGE_DIR, async () => {
        process.emit('SIGTERM', 'SIGTERM');
        return async () => {
          stopped = true;
        };
      });
      const outcome = await Promise.race([
        served.then(() => 'stopped'),
        new Promise((resolve) => setTimeout(() => resolve('still serving after 10 s'), 10_000)),
      ]);
      expect(outcome).toBe('stopped');
      expect(stopped).toBe(true);
    } finally {
      await api.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 20_000);
});
