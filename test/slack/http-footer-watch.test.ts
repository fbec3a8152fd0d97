import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFooter } from '../../src/core/footer/check-footer.js';
import { createScheduler, type Scheduler } from '../../src/core/watch/scheduler.js';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { MUTE_MS } from '../../src/slack/listeners/actions/watch.js';
import { en } from '../../src/slack/messages/en.js';
import { routes, startServer, type TestServer } from '../helpers/serve-pages.js';
import { buttonClickBody } from './helpers/signed-requests.js';
import { startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

const ALERTS = 'C0ALERTS1';
const OWNER = 'U0PERSON1'; // who sends the test's commands
const NUMBER = '京ICP备05004398号-1';
const GOOD = readFileSync(new URL('../fixtures/render/compliant.html', import.meta.url), 'utf8');
// The same footer after a redesign that dropped the filing number.
const BROKEN = GOOD.replace(/<a href="https:\/\/beian\.miit\.gov\.cn\/"[^>]*>[^<]*<\/a>/, '');

let site: TestServer;
let page = GOOD;
// Set to serve the broken page once, then the good one again: a flaky site.
let brokenOnce = false;

beforeAll(async () => {
  site = await startServer((req, res) => {
    const body = brokenOnce ? BROKEN : page;
    brokenOnce = false;
    routes({ '/': { body } })(req, res);
  });
});
afterAll(() => site.close());

const replyText = (call: { args: Record<string, unknown> } | undefined) => String(call?.args.text ?? '');

describe('/footer-watch, the App Home and alerts (HTTP mode, signed requests)', () => {
  let t: TestSlack;
  let scheduler: Scheduler;
  let replies = 0;
  const command = async (text: string) => {
    replies += 1;
    const name = `watch-${replies}`;
    const res = await t.sendCommand('/footer-watch', text, name);
    expect(res.status).toBe(200);
    const [reply] = await t.api.waitFor(`respond:${name}`, 1, 10_000);
    return replyText(reply);
  };
  const alertsIn = (channel: string) => t.api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

  beforeAll(async () => {
    t = await startTestSlack({
      env: { BEIAN_ALLOW_PRIVATE_NETWORK: 'true', BEIAN_WATCH_ALERT_CHANNEL: ALERTS },
    });
    // The scheduler beian serve runs, on the test app's store, with the Slack sink; re-checks without the delay.
    scheduler = createScheduler(
      {
        store: t.store.watches,
        check: (watch) =>
          checkFooter(watch.target, {
            allowPrivateNetwork: t.config.allowPrivateNetwork,
            timeoutMs: 10_000,
            ...(watch.expect ? { expect: watch.expect } : {}),
          }),
        sink: t.slack.alertSink,
        now: Date.now,
        sleep: async () => undefined,
      },
      { holder: 'test', concurrency: 2, decide: { recheckDelayMs: 0, inconclusiveAlertAfter: 2 } },
    );
  });
  afterAll(() => t.stop());

  it('adds a site with its expected number, owned by whoever added it', async () => {
    expect(await command(`add <${site.url}|${site.url}> ${NUMBER}`)).toBe(en.watchAdded(site.url, '1d'));
    const watch = await t.store.watches.get(site.url);
    expect(watch).toMatchObject({ target: site.url, expect: NUMBER, owner: OWNER, everyMs: 86_400_000 });
    expect(await command(`add ${site.url} ${NUMBER}`)).toBe(en.watchUpdated(site.url, '1d'));
  });

  it('says what is wrong with a bad site, a bad number or an unknown sub-command', async () => {
    expect(await command('add ftp://example.cn')).toMatch(/^That is not a site I can watch: /);
    expect(await command('add example.cn 京ICP备123')).toBe(en.watchBadNumber('京ICP备123'));
    expect(await command('frobnicate')).toBe(en.watchUsage('/footer-watch'));
    expect(await command('add')).toBe(en.watchUsage('/footer-watch'));
    expect(await command('remove nowhere.cn')).toBe(en.watchNotFound('nowhere.cn', '/footer-watch'));
  });

  it('sends no alert for a first check that passes, then lists the site with its verdict', async () => {
    await scheduler.round({ all: true, awaitRechecks: true });
    expect(alertsIn(ALERTS)).toHaveLength(0);
    const list = await command('list');
    expect(list).toContain(en.watchListHeading(1));
    expect(list).toContain(site.url);
    expect(list).toContain(en.verdictPass);
    expect(list).toContain(NUMBER);
  });

  it('re-checks a flaky page before alerting, and sends nothing when the re-check passes', async () => {
    brokenOnce = true;
    const summary = await scheduler.round({ all: true, awaitRechecks: true });
    expect(summary).toMatchObject({ rechecks: 1, alerts: 0 });
    expect(alertsIn(ALERTS)).toHaveLength(0);
  });

  it('alerts the channel and the owner once when the footer loses its number, with the number before and after', async () => {
    page = BROKEN;
    const summary = await scheduler.round({ all: true, awaitRechecks: true });
    expect(summary.alerts).toBe(1);
    const [inChannel] = alertsIn(ALERTS);
    const [inDm] = alertsIn(OWNER);
    expect(alertsIn(ALERTS)).toHaveLength(1);
    expect(alertsIn(OWNER)).toHaveLength(1);
    expect(JSON.stringify(inDm?.args.blocks)).toContain(`ICP number: \`${NUMBER}\` → none`);
    expect(JSON.stringify(inChannel?.args.blocks)).toContain(site.url);
    // A second round of the same broken footer is no news.
    await scheduler.round({ all: true, awaitRechecks: true });
    expect(alertsIn(ALERTS)).toHaveLength(1);
  });

  it('shows the change in the owner’s App Home', async () => {
    const before = t.api.callsTo('views.publish').length;
    await t.sendEvent({ type: 'app_home_opened', user: OWNER, channel: 'D0HOME001', tab: 'home' });
    const [published] = (await t.api.waitFor('views.publish', before + 1)).slice(before);
    const home = JSON.stringify((published?.args.view as { blocks: unknown[] } | undefined)?.blocks);
    expect(home).toContain(en.homeWatches.replace(/\*/g, ''));
    expect(home).toContain(site.url);
    expect(home).toContain(en.verdictFail);
    expect(home).toContain(`changed: ${en.verdictPass} → ${en.verdictFail}, \`${NUMBER}\` → none`);
  });

  it('posts the recovery in the alert’s thread when the number is back', async () => {
    page = GOOD;
    await scheduler.round({ all: true, awaitRechecks: true });
    const [alert, recovery] = alertsIn(ALERTS);
    expect(recovery).toBeDefined();
    expect(recovery?.args.thread_ts).toBeDefined();
    expect(replyText(recovery)).toMatch(/fine again|已恢复正常/);
    expect(alert?.args.thread_ts).toBeUndefined();
    const [, dmRecovery] = alertsIn(OWNER);
    expect(dmRecovery?.args.thread_ts).toBeDefined();
  });

  it('mutes the site for a week from the alert’s button', async () => {
    const before = Date.now();
    await t.sendForm(buttonClickBody(ACTION.watchMute, site.url, t.api.responseUrl('mute'), { channel: ALERTS }));
    const [reply] = await t.api.waitFor('respond:mute');
    expect(replyText(reply)).toContain(`Alerts for ${site.url} are muted until`);
    const watch = await t.store.watches.get(site.url);
    expect(watch?.mutedUntil).toBeGreaterThanOrEqual(before + MUTE_MS);
    expect(watch?.mutedUntil).toBeLessThanOrEqual(Date.now() + MUTE_MS);
    // Muted: the footer breaks again and nobody is told.
    page = BROKEN;
    await scheduler.round({ all: true, awaitRechecks: true });
    expect(alertsIn(ALERTS)).toHaveLength(2);
    page = GOOD;
  });

  it('makes the site due at once from Re-check now', async () => {
    await t.store.watches.put([{ target: site.url, everyMs: 86_400_000, nextRunAt: 0, owner: OWNER }]);
    await scheduler.round({ all: true });
    expect((await t.store.watches.get(site.url))?.nextRunAt).toBeGreaterThan(Date.now() + 60_000);
    await t.sendForm(buttonClickBody(ACTION.watchRecheck, site.url, t.api.responseUrl('recheck'), { channel: ALERTS }));
    const [reply] = await t.api.waitFor('respond:recheck');
    expect(replyText(reply)).toBe(en.watchRecheckQueued(site.url));
    expect((await t.store.watches.get(site.url))?.nextRunAt).toBeLessThanOrEqual(Date.now());
  });

  it('says so when a button names a site that is no longer watched', async () => {
    await t.sendForm(buttonClickBody(ACTION.watchMute, 'gone.cn', t.api.responseUrl('gone'), { channel: ALERTS }));
    const [reply] = await t.api.waitFor('respond:gone');
    expect(replyText(reply)).toBe(en.watchGone('gone.cn'));
  });

  it('reports a site that is down as could-not-be-checked after repeated failures, once', async () => {
    const down = await startServer(() => undefined);
    const url = down.url;
    await down.close();
    await command(`add ${url}`);
    const before = alertsIn(ALERTS).length;
    await scheduler.round({ all: true });
    expect(alertsIn(ALERTS).length).toBe(before);
    await scheduler.round({ all: true });
    await scheduler.round({ all: true });
    const after = alertsIn(ALERTS).slice(before);
    expect(after).toHaveLength(1);
    expect(replyText(after[0])).toMatch(/could not be checked since|无法检查/);
    expect(await command(`remove ${url}`)).toBe(en.watchRemoved(url));
  });
});
