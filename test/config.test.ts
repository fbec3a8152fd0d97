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

  it('paces posts at one a second per channel unless SLACK_POST_PACE_MS says otherwise', () => {
    expect(loadConfig({}).postPaceMs).toBe(1000);
    expect(loadConfig({ SLACK_POST_PACE_MS: '5' }).postPaceMs).toBe(5);
    expect(() => loadConfig({ SLACK_POST_PACE_MS: '-1' })).toThrow(/SLACK_POST_PACE_MS/);
  });

  it('refuses half a set of Slack credentials', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
  });
});

describe('loadConfig: OAuth distribution', () => {
  const oauth = {
    SLACK_CLIENT_ID: '1111111111.2222222222',
    SLACK_CLIENT_SECRET: 'client-secret-0123456789',
    SLACK_STATE_SECRET: 'state-secret-0123456789',
    BEIAN_TOKEN_KEY: 'ab'.repeat(32),
    SLACK_SIGNING_SECRET: 'secret-123',
  };

  it('turns on with the three OAuth variables and a token key, without a bot token', () => {
    const config = loadConfig(oauth);
    expect(config.slack).toMatchObject({ botToken: undefined, oauth: { clientId: '1111111111.2222222222' } });
    expect(config.slack?.oauth?.tokenKey).toEqual(Buffer.alloc(32, 0xab));
  });

  it('reads a base64 token key too', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ...oauth, BEIAN_TOKEN_KEY: key }).slack?.oauth?.tokenKey).toEqual(Buffer.alloc(32, 7));
  });

  it.each([
    [{ SLACK_STATE_SECRET: '' }, /needs SLACK_STATE_SECRET/],
    [{ BEIAN_TOKEN_KEY: '' }, /needs BEIAN_TOKEN_KEY/],
    [{ BEIAN_TOKEN_KEY: 'too-short' }, /32 bytes[\s\S]*BEIAN_TOKEN_KEY/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /not both/],
    [{ SLACK_SIGNING_SECRET: '' }, /SLACK_SIGNING_SECRET/],
    [{ SLACK_CLIENT_ID: 'abc' }, /SLACK_CLIENT_ID/],
  ])('refuses %j with a sentence naming what to fix', (change, message) => {
    expect(() => loadConfig({ ...oauth, ...change })).toThrow(message);
  });
});
