import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/core/errors.js';

describe('loadConfig', () => {
  it('runs without Slack when no credentials are set, with defaults', () => {
    const config = loadConfig({});
    expect(config.slack).toBeNull();
    expect(config.faqCommand).toBe('/faq');
    expect(config.maxPageBytes).toBe(5 * 1024 * 1024);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', PORT: ' ' }).slack).toBeNull();
  });

  it('picks HTTP mode with a signing secret and Socket Mode with an app token', () => {
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' });
    expect(http.slack).toMatchObject({ botToken: 'xoxb-1', appToken: undefined });
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.slack?.appToken).toBe('xapp-1');
  });

  it('names every bad variable in one error', () => {
    const bad = () => loadConfig({ PORT: 'eighty', SLACK_BOT_TOKEN: 'nope', BEIAN_TRIAGE_CHANNELS: 'general' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/PORT[\s\S]*SLACK_BOT_TOKEN|SLACK_BOT_TOKEN[\s\S]*PORT/);
    expect(bad).toThrow(/BEIAN_TRIAGE_CHANNELS/);
  });

  it('refuses half a set of Slack credentials', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
  });
});
