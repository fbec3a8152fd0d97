import { type Finding, type FooterReport, MIIT_URL, type Severity, type Verdict } from '../core/footer/types.js';
import { escapeTerminal } from './terminal-text.js';

export interface FormatOptions {
  /** ANSI colours (a terminal that wants them). */
  color?: boolean;
}

type Paint = (text: string, code: number) => string;

const VERDICT_LINE: Record<Verdict, { icon: string; label: string; color: number }> = {
  pass: { icon: '✅', label: 'pass', color: 32 },
  warn: { icon: '⚠️', label: 'warn', color: 33 },
  fail: { icon: '❌', label: 'fail', color: 31 },
  inconclusive: { icon: '❔', label: 'inconclusive', color: 35 },
};

const SEVERITY_ICON: Record<Severity, { icon: string; color: number }> = {
  error: { icon: '❌', color: 31 },
  warning: { icon: '⚠️', color: 33 },
  info: { icon: 'ℹ️', color: 36 },
};

/**
 * Renders one footer report as readable terminal text (several lines, no trailing newline). Every string
 * the report carries is made inert first (most come from the page), so only our own colours reach the terminal.
 */
export function formatFooterReport(unsafe: FooterReport, options: FormatOptions = {}): string {
  const report = escapeStrings(unsafe);
  const paint: Paint = options.color ? (text, code) => `\u001b[${code}m${text}\u001b[0m` : (text) => text;
  return [
    ...formatHeading(report, paint),
    ...formatFindings(report.findings, report.verdict, paint),
    ...formatNumbers(report, paint),
    ...formatRedirects(report, paint),
    `  ${paint('Look it up:', 2)} ${MIIT_URL}`,
  ].join('\n');
}

// Deep, so a field added to the report later is escaped without anyone remembering to.
function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeTerminal(value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapeStrings(item)])) as T;
}

function formatHeading(report: FooterReport, paint: Paint): string[] {
  const verdict = VERDICT_LINE[report.verdict];
  const where = report.finalUrl && report.finalUrl !== report.target ? ` → ${report.finalUrl}` : '';
  const rendered = report.rendered ? paint(' (rendered in Chromium)', 2) : '';
  return [`${paint(report.target, 1)}${where}`, `  ${verdict.icon} ${paint(verdict.label, verdict.color)}${rendered}`];
}

function formatFindings(findings: readonly Finding[], verdict: Verdict, paint: Paint): string[] {
  if (findings.length === 0) return verdict === 'pass' ? ['  ✅ every rule passed'] : [];
  return findings.map((finding) => {
    const severity = SEVERITY_ICON[finding.severity];
    return `  ${severity.icon} ${paint(`[${finding.rule}]`, severity.color)} ${finding.message}`;
  });
}

function formatNumbers(report: FooterReport, paint: Paint): string[] {
  const lines: string[] = [];
  const link = (href: string | null) => (href ? ` → ${href}` : paint(' (not linked)', 2));
  if (report.icp) lines.push(`  ${paint('ICP:', 2)} ${report.icp.number}${link(report.icp.href)}`);
  if (report.publicSecurity) {
    const psb = report.publicSecurity;
    lines.push(`  ${paint('Public security:', 2)} ${psb.number}${link(psb.href)}`);
  }
  if (report.otherNumbers.length > 0) {
    lines.push(`  ${paint('Other numbers:', 2)} ${report.otherNumbers.join(', ')}`);
  }
  return lines;
}

function formatRedirects(report: FooterReport, paint: Paint): string[] {
  if (report.redirects.length === 0) return [];
  const hops = report.redirects.map((hop) => `${hop.url} (${hop.status})`);
  return [`  ${paint('Redirects:', 2)} ${[...hops, report.finalUrl ?? '?'].join(' → ')}`];
}

/** How many targets got each verdict: all a run keeps of its reports once they are printed. */
export type VerdictCounts = Record<Verdict, number>;

const VERDICTS = ['pass', 'warn', 'fail', 'inconclusive'] as const satisfies readonly Verdict[];

/** Counts with every verdict at zero. */
export function noVerdicts(): VerdictCounts {
  return { pass: 0, warn: 0, fail: 0, inconclusive: 0 };
}

/** One line counting verdicts: `12 checked: 7 pass, 3 warn, 1 fail, 1 inconclusive`. */
export function formatSummary(counts: Readonly<VerdictCounts>): string {
  const total = VERDICTS.reduce((sum, v) => sum + counts[v], 0);
  return `${total} checked: ${VERDICTS.map((v) => `${counts[v]} ${v}`).join(', ')}`;
}
