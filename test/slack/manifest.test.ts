import { readFile } from 'node:fs/promises';
import { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';
import type { BotCore } from '../../src/core/bot-core.js';
import { registerListeners } from '../../src/slack/listeners/index.js';
import { MESSAGE_SHORTCUTS } from '../../src/slack/listeners/shortcuts/registry.js';
import { createLogger } from '../../src/slack/logger.js';
import { en } from '../../src/slack/messages/en.js';
import { zhCN } from '../../src/slack/messages/zh-cn.js';
import { BOT_SCOPES } from '../../src/slack/oauth.js';
import { createLanguageResolver } from '../../src/slack/user-language.js';
import type { Store } from '../../src/store/ports.js';

interface Manifest {
  features: {
    slash_commands: { command: string }[];
    app_home: Record<string, boolean>;
    assistant_view?: { assistant_description: string; suggested_prompts: unknown[] };
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
  };
  functions?: Record<string, { title: string; input_parameters: unknown; output_parameters: unknown }>;
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
  const logger = createLogger('error', { write: () => undefined });
  return registerListeners(app, {
    config,
    core,
    // Registering listeners touches no store: nothing here is called.
    store: {} as Store,
    logger,
    triaged: {} as Store['triageClaims'],
    languages: createLanguageResolver({ logger }),
    watches: {} as Store['watches'],
    watchEveryMs: 86_400_000,
    drafts: {} as Store['drafts'],
    usefulEntries: async () => new Map(),
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

  it('declares exactly the message shortcuts the registry has, and the code registers all of them', () => {
    const fromRegistry = MESSAGE_SHORTCUTS.map((s) => ({
      name: s.name,
      type: 'message',
      callback_id: s.callbackId,
      description: s.description,
    }));
    expect(manifest.features.shortcuts).toEqual(fromRegistry);
    expect([...registered.shortcuts].sort()).toEqual(MESSAGE_SHORTCUTS.map((s) => s.callbackId).sort());
    for (const s of MESSAGE_SHORTCUTS) {
      // The help text names each shortcut as Slack's menu shows it.
      expect(en.capabilityShortcuts).toContain(s.name);
      expect(zhCN.capabilityShortcuts).toContain(s.name);
      expect(s.name.length).toBeLessThanOrEqual(24);
      expect(s.description.length).toBeLessThanOrEqual(80);
    }
  });

  it('asks for exactly the scopes those events and commands need', () => {
    const needed: Record<string, string> = {
      app_mention: 'app_mentions:read',
      assistant_thread_started: 'assistant:write',
      'message.channels': 'channels:history',
      'message.groups': 'groups:history',
      'message.im': 'im:history',
      reaction_added: 'reactions:read',
    };
    const fromEvents = manifest.settings.event_subscriptions.bot_events.flatMap((e) => needed[e] ?? []);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [...fromEvents, 'chat:write', 'commands', 'users:read', 'files:write'].sort(),
    );
    // An OAuth install asks for the same scopes the manifest declares.
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('declares exactly the Workflow Builder steps the code registers, with their outputs', () => {
    expect(Object.keys(manifest.functions ?? {}).sort()).toEqual([...registered.functions].sort());
    const step = manifest.functions?.footer_check as unknown as {
      input_parameters: { required: string[] };
      output_parameters: { properties: Record<string, unknown> };
    };
    expect(step.input_parameters.required).toEqual(['target']);
    expect(Object.keys(step.output_parameters.properties).sort()).toEqual(['icp_number', 'summary', 'verdict']);
  });

  it('enables interactivity and the Home tab with its messages tab', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it('turns on the agent surface (assistant view) the Assistant listener serves', () => {
    expect(manifest.features.assistant_view?.assistant_description.length).toBeGreaterThan(0);
    expect(registered.events).toContain('assistant_thread_started');
  });
});
