import { describe, expect, it } from 'vitest';
import { unfinishedReport } from '../../../src/core/footer/unfinished-report.js';

describe('unfinishedReport', () => {
  it('is inconclusive, with one page error saying what stopped the check', () => {
    const report = unfinishedReport('example.cn', new Error('socket hang up'));
    expect(report).toMatchObject({ target: 'example.cn', verdict: 'inconclusive', url: null, rendered: false });
    expect(report.findings).toEqual([
      { rule: 'page', severity: 'error', message: 'The check could not finish: socket hang up' },
    ]);
  });

  it('says what was thrown when it is not an Error', () => {
    expect(unfinishedReport('example.cn', 'boom').findings[0]?.message).toBe('The check could not finish: boom');
  });
});
