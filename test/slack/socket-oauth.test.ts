import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SocketSlack, startSocketSlack } from './helpers/start-socket-slack.js';

let t: SocketSlack;

beforeAll(async () => {
  t = await startSocketSlack({
    env: {
      SLACK_APP_TOKEN: 'xapp-1-socket-oauth',
      SLACK_CLIENT_ID: '1111111111.2222222222',
      SLACK_CLIENT_SECRET: 'client-secret-0123456789abcdef',
      SLACK_STATE_SECRET: 'state-secret-0123456789abcdef',
      BEIAN_TOKEN_KEY: randomBytes(32).toString('hex'),
    },
    prepare: (api) =>
      api.answer('oauth.v2.access', {
        ok: true,
        app_id: 'A0TEST01',
        access_token: 'xoxb-socket-installed',
        token_type: 'bot',
        scope: 'chat:write',
        bot_user_id: 'UBOT0009',
        authed_user: { id: 'U0INSTALL' },
        team: { id: 'T0SOCKTEAM', name: 'Socket team' },
        enterprise: null,
        is_enterprise_install: false,
      }),
  });
});

afterAll(() => t?.stop());

describe('OAuth distribution in Socket Mode', () => {
  it('serves /slack/install and /slack/oauth_redirect on PORT beside /healthz, and stores the installation', async () => {
    expect(t.port).not.toBeNull();
    const base = `http://127.0.0.1:${t.port}`;
    const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const state = new URL(install.headers.get('location') ?? 'http://x/').searchParams.get('state') ?? '';
    const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const done = await fetch(`${base}/slack/oauth_redirect?code=c&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(done.status).toBe(200);
    expect(await t.store.installations.get('team:T0SOCKTEAM')).toBeDefined();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
