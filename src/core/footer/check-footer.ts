import { BeianError } from '../errors.js';
import { type AnalyseOptions, analysePage, type PageAnalysis } from './analyse-page.js';
import { HttpStatusError } from './fetch/fetch-errors.js';
import { FETCH_DEFAULTS, fetchDocument, fetchHomepage } from './fetch/fetch-homepage.js';
import type { FetchDeps, FetchedPage, FetchOptions } from './fetch/types.js';
import { readPage } from './read/read-page.js';
import type { PageRenderer } from './render/types.js';
import { challengeOf } from './rules/page.js';
import { type CheckOptions, type Finding, type FooterReport, type RedirectHop, verdictOf } from './types.js';

/** What `checkFooter` needs from the outside: the fetch layer's resolver and connector, and a browser. */
export type CheckDeps = FetchDeps & { renderer?: PageRenderer };

/** Frames fetched when the top page shows no number: framesets rarely have more that matter. */
const MAX_FRAMES = 3;

interface Reached {
  url: string | null;
  finalUrl: string | null;
  redirects: RedirectHop[];
}

interface FrameDocument {
  url: string;
  html: string;
}

// A WAF often answers 403 or 503 with its challenge page: saying so tells people what to do about it.
function challengeNote(error: unknown): string {
  if (!(error instanceof HttpStatusError) || error.page === undefined) return '';
  const challenge = challengeOf(error.page.html, readPage(error.page.html));
  return challenge === null
    ? ''
    : ` The answer was ${challenge}: check the site in a browser, or ask it to let the checker through.`;
}

function messageOf(error: unknown): string {
  if (error instanceof BeianError) return `${error.message}${challengeNote(error)}`;
  const detail = error instanceof Error ? error.message : String(error);
  return `The check failed unexpectedly: ${detail}`;
}

function report(target: string, reached: Reached, analysis: PageAnalysis, rendered: boolean): FooterReport {
  return { target, ...reached, ...analysis, redirects: reached.redirects, rendered };
}

function pageError(target: string, reached: Reached, message: string): FooterReport {
  const findings: Finding[] = [{ rule: 'page', severity: 'error', message }];
  const analysis = { verdict: verdictOf(findings), icp: null, publicSecurity: null, findings, otherNumbers: [] };
  return report(target, reached, analysis, false);
}

function redirectFinding(reached: Reached): Finding[] {
  if (reached.redirects.length === 0) return [];
  const chain = [...reached.redirects.map((hop) => `${hop.url} (${hop.status})`), reached.finalUrl].join(' → ');
  return [{ rule: 'page', severity: 'info', message: `the homepage redirected: ${chain}; the final page was judged` }];
}

function withFindings(analysis: PageAnalysis, extra: Finding[]): PageAnalysis {
  const findings = [...analysis.findings, ...extra];
  return { ...analysis, findings, verdict: verdictOf(findings) };
}

function sameOriginFrames(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  const urls = readPage(html).frames.flatMap((src) => {
    const url = URL.parse(src, pageUrl);
    return url !== null && url.origin === origin && url.href !== pageUrl ? [url.href] : [];
  });
  return [...new Set(urls)].slice(0, MAX_FRAMES);
}

function frameFinding(frameUrl: string): Finding {
  return {
    rule: 'page',
    severity: 'info',
    message: `the homepage shows no number itself; its footer is in the frame ${frameUrl}, which was judged`,
  };
}

// The first frame whose page shows an ICP number, judged in place of the frameset.
function judgeFrames(frames: FrameDocument[], rendered: boolean, options: AnalyseOptions): PageAnalysis | null {
  for (const frame of frames) {
    const analysis = analysePage({ html: frame.html, url: frame.url, rendered }, options);
    if (analysis.icp !== null) return withFindings(analysis, [frameFinding(frame.url)]);
  }
  return null;
}

function remaining(deadline: number): number {
  return Math.max(1, deadline - Date.now());
}

async function fetchFrames(page: FetchedPage, options: FetchOptions, deadline: number, deps: FetchDeps) {
  const frames: FrameDocument[] = [];
  for (const url of sameOriginFrames(page.html, page.finalUrl)) {
    if (Date.now() >= deadline) break;
    try {
      const frame = await fetchDocument(url, { ...options, timeoutMs: remaining(deadline) }, deps);
      frames.push({ url: frame.finalUrl, html: frame.html });
    } catch {
      // A frame that cannot be fetched is simply not the one with the footer.
    }
  }
  return frames;
}

async function checkStatic(
  page: FetchedPage,
  options: CheckOptions,
  fetchOptions: FetchOptions,
  deadline: number,
  deps: FetchDeps,
): Promise<PageAnalysis> {
  const analysis = analysePage({ html: page.html, url: page.finalUrl }, { expect: options.expect });
  if (analysis.icp !== null) return analysis;
  const frames = await fetchFrames(page, fetchOptions, deadline, deps);
  return judgeFrames(frames, false, { expect: options.expect }) ?? analysis;
}

async function checkRendered(
  renderer: PageRenderer,
  url: string,
  options: CheckOptions,
  deadline: number,
): Promise<PageAnalysis> {
  const page = await renderer.render(url, {
    allowPrivateNetwork: options.allowPrivateNetwork,
    timeoutMs: remaining(deadline),
    maxBytes: options.maxBytes,
  });
  const analysis = analysePage({ html: page.html, url: page.finalUrl, rendered: true }, { expect: options.expect });
  if (analysis.icp !== null) return analysis;
  return judgeFrames(page.frames, true, { expect: options.expect }) ?? analysis;
}

/**
 * Checks one target's homepage footer: safe fetch (or a browser render with `render`), then every
 * rule. Never throws for a bad target or a failed fetch: that becomes a `page` error, verdict `inconclusive`.
 */
export async function checkFooter(
  target: string,
  options: CheckOptions = {},
  deps: CheckDeps = {},
): Promise<FooterReport> {
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const deadline = Date.now() + timeoutMs;
  const fetchOptions: FetchOptions = {
    allowPrivateNetwork: options.allowPrivateNetwork,
    timeoutMs,
    maxBytes: options.maxBytes,
  };
  const fetchDeps: FetchDeps = { resolve: deps.resolve, connect: deps.connect, ca: deps.ca };
  let reached: Reached = { url: null, finalUrl: null, redirects: [] };
  try {
    const page = await fetchHomepage(target, fetchOptions, fetchDeps);
    reached = { url: page.url, finalUrl: page.finalUrl, redirects: page.redirects };
    if (options.render) {
      if (deps.renderer === undefined)
        return pageError(
          target,
          reached,
          'rendering is not available here (no browser is set up); check without --render',
        );
      const analysis = await checkRendered(deps.renderer, page.finalUrl, options, deadline);
      return report(target, reached, withFindings(analysis, redirectFinding(reached)), true);
    }
    const analysis = await checkStatic(page, options, fetchOptions, deadline, fetchDeps);
    return report(target, reached, withFindings(analysis, redirectFinding(reached)), false);
  } catch (error) {
    if (error instanceof HttpStatusError && reached.finalUrl === null) {
      reached = { url: error.page?.url ?? error.url, finalUrl: error.url, redirects: error.page?.redirects ?? [] };
    }
    return pageError(target, reached, messageOf(error));
  }
}
