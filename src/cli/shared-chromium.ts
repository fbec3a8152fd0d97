import type { PageRenderer } from '../core/footer/render/types.js';

/** A part of the process that renders pages: it gets the browser when it first needs one and releases it when done. */
export interface ChromiumHandle {
  get(): Promise<PageRenderer>;
  release(): Promise<void>;
}

async function startChromium(): Promise<PageRenderer> {
  // Loaded on first use: processes that never render never load playwright-core.
  const { createChromiumRenderer } = await import('../core/footer/render/chromium-renderer.js');
  return createChromiumRenderer();
}

let shared: Promise<PageRenderer> | undefined;
let holders = 0;

/**
 * A handle on the process's one Chromium. `beian serve` renders for Slack's checks (BEIAN_RENDER) and for watch
 * rounds (BEIAN_WATCH_RENDER), and `beian worker` for queued jobs and watch rounds: each part used to start its own
 * browser, two Chromiums where one serves both. The browser starts at the first get() of any handle and closes when
 * the last handle that got it is released. A start that failed stays failed for the process (no relaunch per check).
 */
export function shareChromium(start: () => Promise<PageRenderer> = startChromium): ChromiumHandle {
  let holding = false;
  return {
    get() {
      if (!holding) {
        holding = true;
        holders += 1;
      }
      shared ??= start();
      return shared;
    },
    async release() {
      if (!holding) return;
      holding = false;
      holders -= 1;
      if (holders > 0 || !shared) return;
      const closing = shared;
      shared = undefined;
      await (await closing.catch(() => undefined))?.close();
    },
  };
}

/** A browser of the handle's own, closed on release (tests that give a part a renderer of their own). */
export function ownChromium(start: () => Promise<PageRenderer>): ChromiumHandle {
  let own: Promise<PageRenderer> | undefined;
  return {
    get() {
      own ??= start();
      return own;
    },
    async release() {
      const closing = own;
      own = undefined;
      await (await closing?.catch(() => undefined))?.close();
    },
  };
}
