import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../src/slack/oauth.js';
import { FAKE_BOT } from './helpers/fake-slack-api.js';
import { eventEnvelope, nextEventId, postSigned } from './helpers/signed-requests.js';
import { SIGNING_SECRET, sleep, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

const CLIENT_SECRET = 'client-secret-0123456789abcdef';
const STATE_SECRET = 'state-secret-0123456789abcdef';

// What oauth.v2.access answers for each code: a workspace install, and an org-wide one (Enterprise Grid).
function access(args: Record<string, unknown>) {
  const common = { ok: true, app_id: 'A0TEST01', scope: BOT_SCOPES.join(','), token_type: 'bot' };
  if (args.code === 'code-team') {
    return {
      ...common,
      access_token: 'xoxb-installed-team',
      bot_user_id: 'UBOT0002',
      authed_user: { id: 'U0INSTALL' },
      team: { id: 'T0NEWTEAM', name: 'New team' },
      enterprise: null,
      is_enterprise_install: false,
    };
  }
  if (args.code === 'code-org') {
    return {
      ...common,
      access_token: 'xoxb-installed-org',
      bot_user_id: 'UBOT0003',
      authed_user: { id: 'U0ADMIN01' },
      team: null,
      enterprise: { id: 'E0ORG0001', name: 'Org' },
      is_enterprise_install: true,
    };
  }
  return { ok: false, error: 'invalid_code' };
}

let t: TestSlack;
beforeAll(async () => {
  t = await startTestSlack({
    env: {
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: '1111111111.2222222222',
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: STATE_SECRET,
      BEIAN_TOKEN_KEY: randomBytes(32).toString('base64'),
    },
    logLevel: 'debug',
  });
  t.api.answer('oauth.v2.access', access);
});
afterAll(() => t.stop());

/** GET /slack/install as a browser would: the redirect to Slack's consent page, and the state cookie. */
async function startInstall() {
  const response = await fetch(`${t.url}/slack/install`, { redirect: 'manual' });
  const location = new URL(response.headers.get('location') ?? 'http://missing/');
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: response.status, location, cookie, state: location.searchParams.get('state') ?? '' };
}

async function finishInstall(code: string, state: string, cookie: string) {
  const url = `${t.url}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`;
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  return { status: response.status, text: await response.text() };
}

function sendAs(where: { team?: string; enterprise?: string; orgWide?: boolean }, event: Record<string, unknown>) {
  const envelope = {
    ...eventEnvelope(event, nextEventId()),
    team_id: where.team ?? where.enterprise,
    ...(where.enterprise ? { enterprise_id: where.enterprise } : {}),
    ...(where.orgWide ? { is_enterprise_install: true } : {}),
    authorizations: [
      {
        team_id: where.team ?? null,
        enterprise_id: where.enterprise ?? null,
        user_id: FAKE_BOT.user_id,
        is_bot: true,
        is_enterprise_install: where.orgWide === true,
      },
    ],
  };
  return postSigned(t.url, SIGNING_SECRET, JSON.stringify(envelope), 'application/json');
}

let n = 0;
const mention = (channel: string) => {
  n += 1;
  return {
    type: 'app_mention',
    user: 'U0PERSON1',
    text: '<@UBOT0002> 备案号会过期吗',
    ts: `1700500${n}.0001`,
    channel,
  };
};

async function postFor(channel: string) {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const found = t.api.callsTo('chat.postMessage').find((c) => c.args.channel === channel);
    if (found) return found;
    await sleep(20);
  }
  throw new Error(`no post into ${channel}`);
}

describe('OAuth distribution (HTTP mode)', () => {
  it('/slack/install sends the person to Slack’s consent page with the client id, the scopes and a state', async () => {
    const install = await startInstall();
    expect(install.status).toBe(302);
    expect(install.location.origin + install.location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(install.location.searchParams.get('client_id')).toBe('1111111111.2222222222');
    expect(install.location.searchParams.get('scope')?.split(',').sort()).toEqual([...BOT_SCOPES].sort());
    expect(install.state).not.toBe('');
    expect(install.cookie).toContain(install.state);
  });

  it('/slack/oauth_redirect exchanges the code at oauth.v2.access, stores the installation sealed, and answers with its token', async () => {
    const install = await startInstall();
    const done = await finishInstall('code-team', install.state, install.cookie);
    expect(done.status).toBe(200);
    const [exchange] = t.api.callsTo('oauth.v2.access');
    expect(exchange?.args).toMatchObject({ code: 'code-team', client_id: '1111111111.2222222222' });
    const row = await t.store.installations.get('team:T0NEWTEAM');
    expect(row?.sealed).toBeDefined();
    expect(row?.sealed).not.toContain('xoxb');

    expect((await sendAs({ team: 'T0NEWTEAM' }, mention('C0NEWTEAM1'))).status).toBe(200);
    const post = await postFor('C0NEWTEAM1');
    expect(post.headers.authorization).toBe('Bearer xoxb-installed-team');
  });

  it('an org-wide install is kept by enterprise id and serves a workspace of the organisation', async () => {
    const install = await startInstall();
    expect((await finishInstall('code-org', install.state, install.cookie)).status).toBe(200);
    expect(await t.store.installations.get('enterprise:E0ORG0001')).toMatchObject({ isEnterpriseInstall: true });
    await sendAs({ team: 'T0INORG01', enterprise: 'E0ORG0001', orgWide: true }, mention('C0ORGCHAN1'));
    const post = await postFor('C0ORGCHAN1');
    expect(post.headers.authorization).toBe('Bearer xoxb-installed-org');
  });

  it('refuses a redirect whose state it did not issue, without exchanging the code', async () => {
    const before = t.api.callsTo('oauth.v2.access').length;
    const install = await startInstall();
    const done = await finishInstall('code-team', `${install.state}x`, install.cookie);
    expect(done.status).not.toBe(200);
    expect(t.api.callsTo('oauth.v2.access')).toHaveLength(before);
  });

  it('app_uninstalled deletes the workspace’s tokens; its events are no longer answered', async () => {
    await sendAs({ team: 'T0NEWTEAM' }, { type: 'app_uninstalled', event_ts: '1700600000.0001' });
    const deadline = Date.now() + 5000;
    while ((await t.store.installations.get('team:T0NEWTEAM')) && Date.now() < deadline) await sleep(20);
    expect(await t.store.installations.get('team:T0NEWTEAM')).toBeUndefined();
    expect(await t.store.installations.get('enterprise:E0ORG0001')).toBeDefined();
    await sendAs({ team: 'T0NEWTEAM' }, mention('C0GONE0001'));
    await sleep(300);
    expect(t.api.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0GONE0001')).toHaveLength(0);
  });

  it('tokens_revoked with the bot token deletes an org-wide installation', async () => {
    const revoked = { type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBOT0003'] }, event_ts: '1700600001.0001' };
    await sendAs({ enterprise: 'E0ORG0001', orgWide: true }, revoked);
    const deadline = Date.now() + 5000;
    while ((await t.store.installations.get('enterprise:E0ORG0001')) && Date.now() < deadline) await sleep(20);
    expect(await t.store.installations.get('enterprise:E0ORG0001')).toBeUndefined();
  });

  it('never logs a token or the client and state secrets', () => {
    const logs = t.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of ['xoxb-installed', CLIENT_SECRET, STATE_SECRET]) expect(logs).not.toContain(secret);
  });
});
