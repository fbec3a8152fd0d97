import type { CheckDeps } from '../core/footer/check-footer.js';
import type { CheckOptions, FooterReport } from '../core/footer/types.js';
import { unfinishedReport } from '../core/footer/unfinished-report.js';

/** Past the target's own time limit, a check that has not come back is given up on (it must not hold the rest). */
export const GRACE_MS = 5_000;

/**
 * The job function of every bulk check, in-process (`beian check`) and queued (`beian worker`): one target's
 * report, never a throw; a check that overruns its own time limit by the grace period is given up on.
 */
export async function checkTarget(target: string, options: CheckOptions, deps: CheckDeps): Promise<FooterReport> {
  // Loaded at the first check, not at start: the fetch stack and the page rules slow every other command's start.
  const { checkFooter } = await import('../core/footer/check-footer.js');
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<never>((_, reject) => {
    const limit = (options.timeoutMs ?? 0) + GRACE_MS;
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(limit / 1000)} s`)), limit);
  });
  try {
    return await Promise.race([checkFooter(target, options, deps), overdue]);
  } catch (error) {
    // checkFooter reports target problems itself; this is the backstop for anything unexpected.
    return unfinishedReport(target, error);
  } finally {
    clearTimeout(timer);
  }
}
