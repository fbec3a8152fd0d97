import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/core/errors.js';
import { runBeian } from './cli/run-beian.js';
import { routes, startServer } from './helpers/serve-pages.js';

describe('BEIAN_PRIVATE_NETWORK_ALLOW', () => {
  it.each([
    [{}, false],
    [{ BEIAN_ALLOW_PRIVATE_NETWORK: 'true' }, true],
    [
      { BEIAN_PRIVATE_NETWORK_ALLOW: ' 10.0.0.0/8, db.internal ,' },
      { target: false, allow: ['10.0.0.0/8', 'db.internal'] },
    ],
    [
      { BEIAN_ALLOW_PRIVATE_NETWORK: '1', BEIAN_PRIVATE_NETWORK_ALLOW: 'fd00::/8' },
      { target: true, allow: ['fd00::/8'] },
    ],
  ])('reads %j as %j', (env, access) => {
    expect(loadConfig(env).allowPrivateNetwork).toEqual(access);
  });

  it('names a bad entry and the variable', () => {
    const load = () => loadConfig({ BEIAN_PRIVATE_NETWORK_ALLOW: '10.0.0.0/8,10.0.0.0/40' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/"10\.0\.0\.0\/40" is not a CIDR block or IP address[\s\S]*BEIAN_PRIVATE_NETWORK_ALLOW/);
  });
});

describe('beian check --allow-private', () => {
  it('reaches a listed address without --allow-private-network', async () => {
    const site = await startServer(
      routes({ '/': { body: '<footer><a href="https://beian.miit.gov.cn/">京ICP备05004398号-1</a></footer>' } }),
    );
    try {
      const listed = await runBeian(['check', '--json', '--allow-private', '127.0.0.1/32', site.url]);
      expect(JSON.parse(listed.stdout.trim().split('\n')[0] ?? '{}').verdict).not.toBe('inconclusive');
      const unlisted = await runBeian(['check', '--json', '--allow-private', '10.0.0.0/8', site.url]);
      const report = JSON.parse(unlisted.stdout.trim().split('\n')[0] ?? '{}');
      expect(report.verdict).toBe('inconclusive');
      expect(JSON.stringify(report.findings)).toContain('127.0.0.1 is a loopback address, on port');
    } finally {
      await site.close();
    }
  }, 60_000); // two CLI runs: each starts tsx and the whole check stack

  it('exits 2 naming a bad entry', async () => {
    const run = await runBeian(['check', '--allow-private', 'db internal', 'example.com']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('beian: --allow-private: "db internal" is not a host name (e.g. db.internal)');
  });
});
