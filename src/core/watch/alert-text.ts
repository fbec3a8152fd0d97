import type { AlertEvent, AlertSink } from './types.js';

function time(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** One alert as plain English lines, for terminals and logs (Slack has its own catalogue). */
export function formatAlertText(event: AlertEvent): string {
  const who = event.owner === undefined ? '' : ` (owner ${event.owner})`;
  const numbers =
    event.numberBefore === event.numberAfter
      ? `number ${event.numberAfter ?? 'none'}`
      : `number ${event.numberBefore ?? 'none'} → ${event.numberAfter ?? 'none'}`;
  const head =
    event.kind === 'unreachable'
      ? `could not be checked since ${time(event.incidentSince)} (${event.inconclusiveCount} checks in a row)`
      : event.kind === 'regression'
        ? `got worse: ${event.verdictBefore ?? 'new'} → ${event.verdictAfter}, ${numbers}`
        : `recovered: ${event.verdictBefore ?? 'new'} → ${event.verdictAfter}, ${numbers}; since ${time(event.incidentSince)}`;
  const lines = [`[${event.kind}] ${event.target}${who} ${head} — ${event.url}`];
  const shown = event.kind === 'unreachable' ? event.findings.filter((f) => f.severity === 'error') : event.newFindings;
  for (const f of shown) lines.push(`  ${f.severity} ${f.rule}: ${f.message}`);
  return lines.join('\n');
}

/** An alert sink that writes each alert as text (the CLI's: `write` is stdout or a log). */
export function createTextAlertSink(write: (text: string) => void): AlertSink {
  return {
    async alert(event) {
      write(`${formatAlertText(event)}\n`);
    },
  };
}
