import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv } from '../../../src/core/watch/csv.js';
import { readWatchCsv, WatchImportError } from '../../../src/core/watch/import-watches.js';

const DAY = 86_400_000;

function problemsOf(text: string): string[] {
  try {
    readWatchCsv('sites.csv', text, DAY);
  } catch (error) {
    if (error instanceof WatchImportError) return error.problems.map((p) => `${p.line}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('readWatchCsv', () => {
  it('reads target, expected number, owner and interval, with or without a header', () => {
    const text =
      'target,expect,owner,every\nExample.CN,京ICP备05004398号-1,@alice,6h\n\nhttps://b.cn/shop,,U0123ABCD,\nc.cn\n';
    expect(readWatchCsv('sites.csv', text, DAY)).toEqual([
      { line: 2, target: 'example.cn', expect: '京ICP备05004398号-1', owner: '@alice', everyMs: 21_600_000 },
      { line: 4, target: 'https://b.cn/shop', owner: 'U0123ABCD', everyMs: DAY },
      { line: 5, target: 'c.cn', everyMs: DAY },
    ]);
    expect(readWatchCsv('s', 'a.cn,,,1w', DAY)).toEqual([{ line: 1, target: 'a.cn', everyMs: 7 * DAY }]);
  });

  it('names every bad line by its number and imports nothing', () => {
    const text = [
      'target,expect,owner,every',
      'good.cn,,,1d',
      'bad target,,,',
      'b.cn,not a number,,',
      'c.cn,,alice,',
      'd.cn,,,2x',
      'e.cn,,,10s',
      ',京ICP备05004398号-1,,',
      'GOOD.cn,,,',
      'f.cn,,,,extra',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      '3: Cannot check "bad target": it contains a space; give one domain name or URL.',
      '4: "not a number" is not an ICP number like 京ICP备05004398号-1',
      '5: "alice" is not an owner; give a Slack user ID like U0123ABCD or a name like @alice',
      '6: "2x" is not an interval; write one like 30m, 6h, 1d or 1w',
      '7: "10s" is too often; the shortest interval is 1m',
      '8: no target; the first cell is the domain or URL to watch',
      '9: good.cn is already on line 2',
      '10: 5 cells; expected at most 4: target, expected number, owner, interval',
    ]);
  });

  it('counts lines inside quoted cells, so later line numbers stay right', () => {
    expect(problemsOf('"a.cn",,"@bob",1d\n"b.cn","two\nlines",,\nc.cn,,,1y')).toEqual([
      '2: "two\nlines" is not an ICP number like 京ICP备05004398号-1',
      '4: "1y" is not an interval; write one like 30m, 6h, 1d or 1w',
    ]);
    expect(problemsOf('a.cn,"unclosed\n')).toEqual(['1: a quoted cell is never closed']);
  });

  it('says how many problems there are and where, in its message', () => {
    expect(() => readWatchCsv('sites.csv', 'x y', DAY)).toThrow(
      /sites\.csv has 1 problem\(s\); nothing was imported:\nsites\.csv:1: /,
    );
  });
});

describe('parseCsv and csvCell', () => {
  it('round-trips cells with commas, quotes, line breaks and outer spaces', () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded ', ''];
    const { records, error } = parseCsv(`${cells.map(csvCell).join(',')}\r\nnext`);
    expect(error).toBeNull();
    expect(records).toEqual([
      { line: 1, cells },
      { line: 3, cells: ['next'] },
    ]);
  });

  it('skips a byte-order mark and blank lines', () => {
    expect(parseCsv('\uFEFFa.cn\n\n\nb.cn').records).toEqual([
      { line: 1, cells: ['a.cn'] },
      { line: 4, cells: ['b.cn'] },
    ]);
  });
});
