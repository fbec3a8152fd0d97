import { BeianError, FetchError } from '../errors.js';
import { analyseInThread, type PageAnalyser, type PageAnalysis, type PageExamination } from './analyse-page.js';
import { HttpStatusError } from './fetch/fetch-errors.js';
import { FETCH_DEFAULTS, fetchDocument, fetchHomepage } from './fetch/fetch-homepage.js';
import type { FetchDeps, FetchedPage, FetchOptions } from './fetch/types.js';
import type { PageRenderer } from './render/types.js';
import {
  type CheckOptions,
  type Finding,
  type FooterReport,
  type FooterScreenshot,
  type RedirectHop,
  verdictOf,
} from './types.js';

/**
 * What `checkFooter` needs from the outside: the fetch layer's resolver and connector, a browser, and
 * where pages are analysed (`analyse`: in this thread by default; the bot passes a worker pool's).
 */
export type CheckDeps = FetchDeps & { renderer?: PageRenderer; analyse?: PageAnalyser };

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
async function challengeNote(plan: Plan, error: unknown): Promise<string> {
  if (!(error instanceof HttpStatusError) || error.page === undefined) return '';
  let challenge: string | null;
  try {
    ({ challenge } = await plan.analyse({ html: error.page.html, url: error.url }, {}, plan.deadline));
  } catch {
    // An error page that cannot be read is no challenge we recognise; the status is still reported.
    return '';
  }
  return challenge === null
    ? ''
    : ` The answer was ${challenge}: check the site in a browser, or ask it to let the checker through.`;
}

function messageOf(error: unknown): string {
  if (error instanceof BeianError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The check failed unexpectedly: ${detail}`;
}

function report(target: string, reached: Reached, analysis: PageAnalysis, rendered: boolean): FooterReport {
  return { target, ...reached, ...analysis, redirects: reached.redirects, rendered };
}

function unjudged(findings: Finding[]): PageAnalysis {
  return { verdict: verdictOf(findings), icp: null, publicSecurity: null, findings, otherNumbers: [] };
}

function pageError(target: string, reached: Reached, message: string): FooterReport {
  return report(target, reached, unjudged([{ rule: 'page', severity: 'error', message }]), false);
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

function frameUrls(frameSources: readonly string[], pageUrl: string): string[] {
  const urls = frameSources.flatMap((src) => {
    const url = URL.parse(src, pageUrl);
    return url !== null && url.href !== pageUrl ? [url.href] : [];
  });
  return [...new Set(urls)];
}

function frameFinding(frameUrl: string): Finding {
  return {
    rule: 'page',
    severity: 'info',
    message: `the homepage shows no number itself; its footer is in the frame ${frameUrl}, which was judged`,
  };
}

// The first frame whose page shows an ICP number, judged in place of the frameset.
async function judgeFrames(plan: Plan, frames: FrameDocument[], rendered: boolean): Promise<PageAnalysis | null> {
  for (const frame of frames) {
    const input = { html: frame.html, url: frame.url, rendered };
    const { analysis } = await plan.analyse(input, { expect: plan.options.expect }, plan.deadline);
    if (analysis.icp !== null) return withFindings(analysis, [frameFinding(frame.url)]);
  }
  return null;
}

// A frameset whose footer may be in a frame we could not read cannot be said to show no number.
function unreadFrames(analysis: PageAnalysis, examination: PageExamination, unread: string[]): PageAnalysis {
  if (!examination.frameset || unread.length === 0) return analysis;
  const which = unread.slice(0, MAX_FRAMES).join('; ');
  return unjudged([
    {
      rule: 'page',
      severity: 'error',
      message: `the homepage is a frameset that shows no number itself, and its frames could not be read (${which}), so its footer could not be judged`,
    },
  ]);
}

function remaining(deadline: number): number {
  return Math.max(1, deadline - Date.now());
}

async function fetchFrames(plan: Plan, page: FetchedPage, frameSources: readonly string[]) {
  const frames: FrameDocument[] = [];
  const unread: string[] = [];
  const origin = new URL(page.finalUrl).origin;
  let fetched = 0;
  for (const url of frameUrls(frameSources, page.finalUrl)) {
    if (new URL(url).origin !== origin) unread.push(`${url}: on another site, not fetched`);
    else if (fetched >= MAX_FRAMES) unread.push(`${url}: not fetched, too many frames`);
    else if (Date.now() >= plan.deadline) unread.push(`${url}: not fetched, out of time`);
    else {
      fetched += 1;
      try {
        const options = { ...plan.fetchOptions, timeoutMs: remaining(plan.deadline) };
        const frame = await fetchDocument(url, options, plan.fetchDeps);
        frames.push({ url: frame.finalUrl, html: frame.html });
      } catch (error) {
        unread.push(`${url}: ${messageOf(error)}`);
      }
    }
  }
  return { frames, unread };
}

async function checkStatic(plan: Plan, page: FetchedPage): Promise<PageAnalysis> {
  const input = { html: page.html, url: page.finalUrl };
  const examination = await plan.analyse(input, { expect: plan.options.expect }, plan.deadline);
  if (examination.analysis.icp !== null) return examination.analysis;
  const { frames, unread } = await fetchFrames(plan, page, examination.frames);
  const judged = await judgeFrames(plan, frames, false);
  return judged ?? unreadFrames(examination.analysis, examination, unread);
}

async function checkRendered(
  plan: Plan,
  renderer: PageRenderer,
  url: string,
): Promise<{ analysis: PageAnalysis; finalUrl: string; screenshot?: FooterScreenshot }> {
  const page = await renderer.render(url, {
    allowPrivateNetwork: plan.options.allowPrivateNetwork,
    timeoutMs: remaining(plan.deadline),
    maxBytes: plan.options.maxBytes,
    screenshot: plan.options.screenshot === true,
  });
  const input = { html: page.html, url: page.finalUrl, rendered: true };
  const examination = await plan.analyse(input, { expect: plan.options.expect }, plan.deadline);
  const shot = page.screenshot ? { screenshot: page.screenshot } : {};
  if (examination.analysis.icp !== null) return { analysis: examination.analysis, finalUrl: page.finalUrl, ...shot };
  const judged = await judgeFrames(plan, page.frames, true);
  const rendered = new Set(page.frames.map((frame) => frame.url));
  const unread = frameUrls(examination.frames, page.finalUrl)
    .filter((frameUrl) => !rendered.has(frameUrl))
    .map((frameUrl) => `${frameUrl}: not rendered`);
  return {
    analysis: judged ?? unreadFrames(examination.analysis, examination, unread),
    finalUrl: page.finalUrl,
    ...shot,
  };
}

const NO_RENDERER = 'rendering is not available here (no browser is set up); check without --render';

interface Plan {
  target: string;
  options: CheckOptions;
  deps: CheckDeps;
  fetchOptions: FetchOptions;
  fetchDeps: FetchDeps;
  analyse: PageAnalyser;
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
    analyse: deps.analyse ?? analyseInThread,
    deadline: Date.now() + timeoutMs,
  };
}

async function judgeRendered(plan: Plan, reached: Reached, url: string): Promise<FooterReport> {
  const renderer = plan.deps.renderer;
  if (renderer === undefined) return pageError(plan.target, reached, NO_RENDERER);
  try {
    const { analysis, finalUrl, screenshot } = await checkRendered(plan, renderer, url);
    // Scripts in the browser may have moved on to another page: that one was judged.
    const judged = { ...reached, finalUrl };
    const checked = report(plan.target, judged, withFindings(analysis, redirectFinding(judged)), true);
    return screenshot ? { ...checked, screenshot } : checked;
  } catch (error) {
    return pageError(plan.target, reached, messageOf(error));
  }
}

async function judgeFetched(plan: Plan, page: FetchedPage): Promise<FooterReport> {
  const reached = { url: page.url, finalUrl: page.finalUrl, redirects: page.redirects };
  if (plan.options.render) return judgeRendered(plan, reached, page.finalUrl);
  try {
    const analysis = await checkStatic(plan, page);
    return report(plan.target, reached, withFindings(analysis, redirectFinding(reached)), false);
  } catch (error) {
    return pageError(plan.target, reached, messageOf(error));
  }
}

async function judgeFetchError(plan: Plan, error: unknown): Promise<FooterReport> {
  if (!(error instanceof HttpStatusError)) {
    const failed = pageError(plan.target, NOWHERE, messageOf(error));
    return error instanceof FetchError ? { ...failed, failure: error.code } : failed;
  }
  const reached = { url: error.page?.url ?? error.url, finalUrl: error.url, redirects: error.page?.redirects ?? [] };
  // A WAF may refuse the plain request with a challenge that a real browser passes.
  if (plan.options.render && plan.deps.renderer !== undefined) return judgeRendered(plan, reached, error.url);
  return pageError(plan.target, reached, `${messageOf(error)}${await challengeNote(plan, error)}`);
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
  try {
    const plan = planOf(target, options, deps);
    let page: FetchedPage;
    try {
      page = await fetchHomepage(target, plan.fetchOptions, plan.fetchDeps);
    } catch (error) {
      return await judgeFetchError(plan, error);
    }
    return await judgeFetched(plan, page);
  } catch (error) {
    // Every step above reports its own failures; this keeps the promise of never throwing if one does not.
    return pageError(target, NOWHERE, messageOf(error));
  }
}
