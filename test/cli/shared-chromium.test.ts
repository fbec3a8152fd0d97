import { describe, expect, it } from 'vitest';
import { ownChromium, shareChromium } from '../../src/cli/shared-chromium.js';
import type { PageRenderer } from '../../src/core/footer/render/types.js';

/** A stand-in browser: counts launches and closes. */
function fakeBrowsers() {
  const counts = { started: 0, closed: 0 };
  const start = async (): Promise<PageRenderer> => {
    counts.started += 1;
    return {
      render: async () => {
        throw new Error('not used');
      },
      close: async () => {
        counts.closed += 1;
      },
    } as unknown as PageRenderer;
  };
  return { counts, start };
}

describe('the process’s one Chromium', () => {
  it('starts once for every part that renders, and closes when the last of them is done', async () => {
    const { counts, start } = fakeBrowsers();
    const slackChecks = shareChromium(start);
    const watchRounds = shareChromium(start);
    const [a, b] = await Promise.all([slackChecks.get(), watchRounds.get()]);
    expect(a).toBe(b);
    await slackChecks.get();
    expect(counts).toEqual({ started: 1, closed: 0 });
    await slackChecks.release();
    expect(counts.closed).toBe(0);
    await slackChecks.release(); // a second release of the same handle does not count twice
    expect(counts.closed).toBe(0);
    await watchRounds.release();
    expect(counts).toEqual({ started: 1, closed: 1 });
    // A part that renders again later gets a new browser.
    const later = shareChromium(start);
    await later.get();
    await later.release();
    expect(counts).toEqual({ started: 2, closed: 2 });
  });

  it('releasing a handle that never rendered starts and closes nothing', async () => {
    const { counts, start } = fakeBrowsers();
    await shareChromium(start).release();
    expect(counts).toEqual({ started: 0, closed: 0 });
  });

  it('keeps a failed start failed, so a machine without Chromium does not relaunch it per check', async () => {
    let tries = 0;
    const failing = shareChromium(async () => {
      tries += 1;
      throw new Error('no chromium');
    });
    await expect(failing.get()).rejects.toThrow('no chromium');
    await expect(failing.get()).rejects.toThrow('no chromium');
    expect(tries).toBe(1);
    await failing.release();
  });

  it('an own browser is the handle’s alone and closes on release', async () => {
    const { counts, start } = fakeBrowsers();
    const own = ownChromium(start);
    const shared = shareChromium(start);
    expect(await own.get()).not.toBe(await shared.get());
    await own.release();
    expect(counts).toEqual({ started: 2, closed: 1 });
    await shared.release();
    expect(counts.closed).toBe(2);
  });
});
