import { describe, expect, it } from 'vitest';
import { createTextAlertSink, formatAlertText } from '../../../src/core/watch/alert-text.js';
import type { AlertEvent } from '../../../src/core/watch/types.js';
import { normaliseWatchTarget } from '../../../src/core/watch/watch-target.js';

const AT = Date.parse('2026-12-01T08:00:00Z');
const base: AlertEvent = {
  kind: 'regression',
  target: 'example.cn',
  owner: '@alice',
  url: 'https://example.cn/',
  at: AT,
  incidentSince: AT,
  verdictBefore: 'pass',
  verdictAfter: 'fail',
  numberBefore: '京ICP备05004398号-1',
  numberAfter: null,
  newFindings: [{ rule: 'icp-number', severity: 'error', message: 'no ICP number on the page' }],
  findings: [],
  inconclusiveCount: 0,
};

describe('formatAlertText', () => {
  it.each([
    [
      base,
      '[regression] example.cn (owner @alice) got worse: pass → fail, number 京ICP备05004398号-1 → none — https://example.cn/\n  error icp-number: no ICP number on the page',
    ],
    [
      {
        ...base,
        kind: 'recovery',
        verdictBefore: 'fail',
        verdictAfter: 'pass',
        numberBefore: null,
        numberAfter: '京ICP备05004398号-1',
        newFindings: [],
        owner: undefined,
      },
      '[recovery] example.cn recovered: fail → pass, number none → 京ICP备05004398号-1; since 2026-12-01T08:00:00Z — https://example.cn/',
    ],
    [
      {
        ...base,
        kind: 'unreachable',
        verdictAfter: 'inconclusive',
        inconclusiveCount: 3,
        newFindings: [],
        findings: [{ rule: 'page', severity: 'error', message: 'connection refused' }],
      },
      '[unreachable] example.cn (owner @alice) could not be checked since 2026-12-01T08:00:00Z (3 checks in a row) — https://example.cn/\n  error page: connection refused',
    ],
  ] as [AlertEvent, string][])('says what changed (%#)', (event, text) => {
    const { owner, ...rest } = event;
    expect(formatAlertText(owner === undefined ? rest : event)).toBe(text);
  });

  it('writes each alert through the text sink, one block a line', async () => {
    const written: string[] = [];
    await createTextAlertSink((text) => written.push(text)).alert(base);
    expect(written).toEqual([`${formatAlertText(base)}\n`]);
  });
});

describe.each([
  ['Example.CN', 'example.cn'],
  ['example.cn/', 'example.cn'],
  ['  example.cn  ', 'example.cn'],
  ['https://Example.cn/Shop', 'https://Example.cn/Shop'],
  ['example.cn/Shop', 'example.cn/Shop'],
])('normaliseWatchTarget(%j)', (raw, key) => {
  it(`is ${key}`, () => {
    expect(normaliseWatchTarget(raw)).toBe(key);
  });
});

describe('normaliseWatchTarget', () => {
  it('refuses what `beian check` refuses, with its sentence', () => {
    expect(() => normaliseWatchTarget('ftp://example.cn')).toThrow('only http and https can be checked');
    expect(() => normaliseWatchTarget('')).toThrow('give a domain name or a URL');
  });
});
