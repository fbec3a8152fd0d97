import type { Page, Request } from 'playwright-core';
import { FetchError, TargetError } from '../../errors.js';

/** Why a host could not be reached during a render: a refusal or a failure, as a person reads it. */
export type HostProblem = (host: string) => Error | undefined;

/**
 * Watches the main frame of one render so the page finally read can be told apart from Chromium's
 * own error page (`chrome-error://chromewebdata/`) or an error answer reached by a later navigation.
 */
export class NavigationLog {
  /** True once the first real document has committed: later refused navigations are cancelled, not shown. */
  committed = false;
  private lastFailure: { url: string; detail: string } | undefined;
  private lastAnswer: { url: string; status: number } | undefined;

  /** Starts listening to `page`'s main-frame navigations. */
  watch(page: Page): void {
    page.on('framenavigated', (frame) => {
      const url = frame.url();
      if (frame === page.mainFrame() && url !== 'about:blank' && !isErrorPage(url)) this.committed = true;
    });
    page.on('requestfailed', (request) => {
      if (isMainNavigation(request))
        this.lastFailure = { url: request.url(), detail: request.failure()?.errorText ?? '' };
    });
    page.on('response', (response) => {
      if (isMainNavigation(response.request())) this.lastAnswer = { url: response.url(), status: response.status() };
    });
  }

  /**
   * The error to report instead of judging `finalUrl`, or null when it is a real page: a page that went
   * on to an address we refused or could not load is inconclusive, never judged as Chromium's error page.
   */
  problemWith(finalUrl: string, problemOf: HostProblem): Error | null {
    const answer = this.lastAnswer?.url === finalUrl ? this.lastAnswer : undefined;
    if (!isErrorPage(finalUrl) && (answer === undefined || answer.status < 400)) return null;
    const to = isErrorPage(finalUrl) ? (this.lastFailure?.url ?? 'another address') : finalUrl;
    const problem = problemOf(URL.parse(to)?.hostname.replace(/^\[|\]$/g, '') ?? '');
    const lead = `After loading, the page went on to ${to}`;
    if (problem instanceof TargetError) return new TargetError(problem.code, `${lead}: ${problem.message}`);
    if (problem instanceof FetchError) return new FetchError(problem.code, `${lead}: ${problem.message}`);
    if (answer) return new FetchError('http-status', `${lead}, which answered HTTP ${answer.status} in the browser.`);
    const detail = this.lastFailure?.detail ? ` (${this.lastFailure.detail})` : '';
    return new FetchError('unreachable', `${lead}, which the browser could not load${detail}.`);
  }
}

/** Chromium's own page for a navigation that failed. */
export function isErrorPage(url: string): boolean {
  return url.startsWith('chrome-error:');
}

/** True for a navigation of the top-level document (not a frame's, not a resource). */
export function isMainNavigation(request: Request): boolean {
  try {
    return request.isNavigationRequest() && request.frame().parentFrame() === null;
  } catch {
    return false; // a request with no frame (a worker's) is not the page's navigation
  }
}
