import { BeianError } from '../errors.js';
import { type AnalyseOptions, analyseModel, analysePage, type PageAnalysis } from './analyse-page.js';
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

const NOWHERE: Reached = { url: null, finalUrl: null, redirects: [] };

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

function sameOriginFrames(frameSources: readonly string[], pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  const urls = frameSources.flatMap((src) => {
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

async function fetchFrames(
  page: FetchedPage,
  frameSources: readonly string[],
  options: FetchOptions,
  deadline: number,
  deps: FetchDeps,
) {
  const frames: FrameDocument[] = [];
  for (const url of sameOriginFrames(frameSources, page.finalUrl)) {
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
  const model = readPage(page.html);
  const analysis = analyseModel(model, { html: page.html, url: page.finalUrl }, { expect: options.expect });
  if (analysis.icp !== null) return analysis;
  const frames = await fetchFrames(page, model.frames, fetchOptions, deadline, deps);
  return judgeFrames(frames, false, { expect: options.expect }) ?? analysis;
}

async function checkRendered(
  renderer: PageRenderer,
  url: string,
  options: CheckOptions,
  deadline: number,
): Promise<{ analysis: PageAnalysis; finalUrl: string }> {
  const page = await renderer.render(url, {
    allowPrivateNetwork: options.allowPrivateNetwork,
    timeoutMs: remaining(deadline),
    maxBytes: options.maxBytes,
  });
  const analysis = analysePage({ html: page.html, url: page.finalUrl, rendered: true }, { expect: options.expect });
  const judged = analysis.icp === null ? judgeFrames(page.frames, true, { expect: options.expect }) : null;
  return { analysis: judged ?? analysis, finalUrl: page.finalUrl };
}

const NO_RENDERER = 'rendering is not available here (no browser is set up); check without --render';

interface Plan {
  target: string;
  options: CheckOptions;
  deps: CheckDeps;
  fetchOptions: FetchOptions;
  fetchDeps: FetchDeps;
  deadline: number;
}

function planOf(target: string, options: CheckOptions, deps: CheckDeps): Plan {
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  return {
    target,
    options,
    deps,
    fetchOptions: { allowPrivateNetwork: options.allowPrivateNetwork, timeoutMs, maxBytes: options.maxBytes },
    fetchDeps: { resolve: deps.resolve, connect: deps.connect, ca: deps.ca },
    deadline: Date.now() + timeoutMs,
  };
}

async function judgeRendered(plan: Plan, reached: Reached, url: string): Promise<FooterReport> {
  const renderer = plan.deps.renderer;
  if (renderer === undefined) return pageError(plan.target, reached, NO_RENDERER);
  try {
    const { analysis, finalUrl } = await checkRendered(renderer, url, plan.options, plan.deadline);
    // Scripts in the browser may have moved on to another page: that one was judged.
    const judged = { ...reached, finalUrl };
    return report(plan.target, judged, withFindings(analysis, redirectFinding(judged)), true);
  } catch (error) {
    return pageError(plan.target, reached, messageOf(error));
  }
}

async function judgeFetched(plan: Plan, page: FetchedPage): Promise<FooterReport> {
  const reached = { url: page.url, finalUrl: page.finalUrl, redirects: page.redirects };
  if (plan.options.render) return judgeRendered(plan, reached, page.finalUrl);
  try {
    const analysis = await checkStatic(page, plan.options, plan.fetchOptions, plan.deadline, plan.fetchDeps);
    return report(plan.target, reached, withFindings(analysis, redirectFinding(reached)), false);
  } catch (error) {
    return pageError(plan.target, reached, messageOf(error));
  }
}

async function judgeFetchError(plan: Plan, error: unknown): Promise<FooterReport> {
  if (!(error instanceof HttpStatusError)) return pageError(plan.target, NOWHERE, messageOf(error));
  const reached = { url: error.page?.url ?? error.url, finalUrl: error.url, redirects: error.page?.redirects ?? [] };
  // A WAF may refuse the plain request with a challenge that a real browser passes.
  if (plan.options.render && plan.deps.renderer !== undefined) return judgeRendered(plan, reached, error.url);
  return pageError(plan.target, reached, messageOf(error));
}

/**
 * Checks one target's homepage footer: safe fetch (then a browser render with `render`), then every
 * rule. Never throws for a bad target or a failed fetch: that becomes a `page` error, verdict `inconclusive`.
 */
export async function checkFooter(
  target: string,
  options: CheckOptions = {},
  deps: CheckDeps = {},
): Promise<FooterReport> {
  const plan = planOf(target, options, deps);
  let page: FetchedPage;
  try {
    page = await fetchHomepage(target, plan.fetchOptions, plan.fetchDeps);
  } catch (error) {
    return judgeFetchError(plan, error);
  }
  return judgeFetched(plan, page);
}
