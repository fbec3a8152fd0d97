import { readFile } from 'node:fs/promises';
import { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';
import type { BotCore } from '../../src/core/bot-core.js';
import { registerListeners } from '../../src/slack/listeners/index.js';
import { createLogger } from '../../src/slack/logger.js';
import type { Store } from '../../src/store/ports.js';

interface Manifest {
  features: { slash_commands: { command: string }[]; app_home: Record<string, boolean> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
}

const manifest = parse(await readFile(new URL('../../slack-app-manifest.yml', import.meta.url), 'utf8')) as Manifest;

function registeredByCode() {
  const config = loadConfig({});
  // Bolt validates nothing against Slack until start(), so an app built without starting contacts nobody.
  const app = new App({ token: 'xoxb-unused', signingSecret: 'unused-secret', tokenVerificationEnabled: false });
  const core = {
    kb: { entries: [], byId: new Map(), topics: [] },
    matcher: null,
    checkFooter: null,
  } as unknown as BotCore;
  return registerListeners(app, {
    config,
    core,
    // Registering listeners touches no store: nothing here is called.
    store: {} as Store,
    logger: createLogger('error', { write: () => undefined }),
    triaged: {} as Store['triageClaims'],
  });
}

describe('slack-app-manifest.yml', () => {
  const registered = registeredByCode();

  it('subscribes to exactly the events the code listens to', () => {
    const base = [...new Set(manifest.settings.event_subscriptions.bot_events.map((e) => e.split('.')[0]))].sort();
    expect(base).toEqual([...registered.events].sort());
  });

  it('declares exactly the slash commands the code registers', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([...registered.commands].sort());
  });

  it('asks for exactly the scopes those events and commands need', () => {
    const needed: Record<string, string> = {
      app_mention: 'app_mentions:read',
      'message.channels': 'channels:history',
      'message.groups': 'groups:history',
      'message.im': 'im:history',
    };
    const fromEvents = manifest.settings.event_subscriptions.bot_events.flatMap((e) => needed[e] ?? []);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...fromEvents, 'chat:write', 'commands'].sort());
  });

  it('enables interactivity and the Home tab with its messages tab', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });
});
