import { describe, expect, it } from 'vitest';
import {
  findNumbers,
  type IcpMatch,
  isGuangdong,
  type PsbMatch,
  parseNumber,
} from '../../../src/core/footer/numbers.js';

function onlyIcp(text: string): IcpMatch {
  const [first, ...rest] = findNumbers(text);
  expect(rest).toEqual([]);
  expect(first?.type).toBe('icp');
  return first as IcpMatch;
}

function onlyPsb(text: string): PsbMatch {
  const [first, ...rest] = findNumbers(text);
  expect(rest).toEqual([]);
  expect(first?.type).toBe('psb');
  return first as PsbMatch;
}

describe('findNumbers reads ICP numbers', () => {
  it.each([
    // text, canonical number, kind, province, serial, site
    ['京ICP备05004398号-1', '京ICP备05004398号-1', '备', '京', '05004398', '1'],
    ['京ICP备05004398号', '京ICP备05004398号', '备', '京', '05004398', null],
    ['浙ICP备2021016698号-20', '浙ICP备2021016698号-20', '备', '浙', '2021016698', '20'],
    ['蜀ICP备2024084968号', '蜀ICP备2024084968号', '备', '蜀', '2024084968', null],
    ['京ICP备 05004398号', '京ICP备05004398号', '备', '京', '05004398', null],
    ['京ICP备05004398号 - 2', '京ICP备05004398号-2', '备', '京', '05004398', '2'],
    ['京ICP证030173号', '京ICP证030173号', '证', '京', '030173', null],
    ['京ICP证030173号-1', '京ICP证030173号-1', '证', '京', '030173', '1'],
    ['粤B2-20090059', '粤B2-20090059', 'B2', '粤', '20090059', null],
    ['合字B2-20170010', '合字B2-20170010', 'B2', '合字', '20170010', null],
    ['京icp备05004398号-1', '京ICP备05004398号-1', '备', '京', '05004398', '1'],
  ])('%s → %s', (text, number, kind, province, serial, site) => {
    const m = onlyIcp(text);
    expect({ number: m.number, kind: m.kind, province: m.province, serial: m.serial, site: m.site }).toEqual({
      number,
      kind,
      province,
      serial,
      site,
    });
  });

  it.each([
    ['京ICP备05004398号', []],
    ['京ICP备05004398', ['missing-hao']],
    ['京ICP备案05004398号', ['icp-bei-an']],
    ['京ICP备05004398-1号', ['suffix-before-hao']],
    ['京ICP备130036021号', ['odd-serial-length']],
    ['云ICP备13003602号', ['unusual-province']],
    ['京ICP备 05004398号', ['spaces']],
  ])('%s has deviations %j', (text, deviations) => {
    expect(onlyIcp(text).deviations).toEqual(deviations);
  });

  it.each([
    ['京ICP备05004398号-1A', '1A'],
    ['京ICP备05004398号-1626X', '1626X'],
  ])('%s is an App or mini-program number', (text, site) => {
    const m = onlyIcp(text);
    expect([m.app, m.site]).toEqual([true, site]);
  });

  it.each([
    ['萌ICP备20223030号', 'vanity'],
    ['茶ICP备20223030号', 'vanity'],
    ['京ICP备05004398号', 'official'],
    ['甘ICP备13003602号', 'unusual'],
    ['备案号ICP备13003602号', 'missing'],
  ])('%s has province status %s', (text, status) => {
    expect(onlyIcp(text).provinceStatus).toBe(status);
  });

  it.each([
    '京ICP备XXXXXXXX号',
    '京ICP备xxxxxxxx号-1',
    '京ICP备00000000号',
    '京ICP备0000000号',
    '京ICP备88888888号',
    '京ICP备12345678号-1',
    '京ICP备1234567890号',
  ])('%s is a placeholder', (text) => {
    expect(onlyIcp(text).placeholder).toBe(true);
  });

  it('keeps a year after 号 out of the site suffix', () => {
    expect(onlyIcp('京ICP备05004398号-2023').site).toBeNull();
  });

  it('reports offsets of each number in the text', () => {
    const text = '© 2024 某公司 京ICP备05004398号-1 京公网安备11010802044671号';
    const found = findNumbers(text).map((m) => text.slice(m.start, m.end));
    expect(found).toEqual(['京ICP备05004398号-1', '京公网安备11010802044671号']);
  });

  it('finds nothing in ordinary text', () => {
    expect(findNumbers('ICP 备案 说明：请联系我们 2024')).toEqual([]);
  });
});

describe('findNumbers reads public-security numbers', () => {
  it.each([
    ['京公网安备11010802044671号', '京公网安备11010802044671号', '11010802044671', []],
    ['粤公网安备 44049102496009 号', '粤公网安备44049102496009号', '44049102496009', ['spaces']],
    ['川公网安备51150002000806号', '川公网安备51150002000806号', '51150002000806', []],
    ['黔公网安备52010202000001号', '黔公网安备52010202000001号', '52010202000001', []],
    ['京公网安备1101080204467号', '京公网安备1101080204467号', '1101080204467', ['code-length']],
    ['京公网安备11010802044671', '京公网安备11010802044671号', '11010802044671', ['missing-hao']],
    ['京公网安备44010802044671号', '京公网安备44010802044671号', '44010802044671', ['province-mismatch']],
    ['京公网安备99010802044671号', '京公网安备99010802044671号', '99010802044671', ['unknown-code']],
    [
      '闽公安网备16032016',
      '闽公网安备16032016号',
      '16032016',
      ['wrong-word', 'code-length', 'missing-hao', 'unknown-code'],
    ],
  ])('%s → %s', (text, number, code, deviations) => {
    const m = onlyPsb(text);
    expect({ number: m.number, code: m.code, deviations: m.deviations }).toEqual({ number, code, deviations });
  });
});

describe('parseNumber', () => {
  it.each([
    ['京ICP备05004398号-1', '京ICP备05004398号-1'],
    [' 京ＩＣＰ备０５００４３９８号－１ ', '京ICP备05004398号-1'],
    ['京公网安备11010802044671号', '京公网安备11010802044671号'],
    ['not a number', null],
    ['京ICP备05004398号 and more', null],
    ['京ICP备05004398号 京ICP备05004399号', null],
  ])('%j → %s', (input, number) => {
    expect(parseNumber(input)?.number ?? null).toBe(number);
  });
});

describe('isGuangdong', () => {
  it.each([
    ['粤ICP备13003602号', true],
    ['京ICP备13003602号', false],
  ])('%s → %s', (text, expected) => {
    expect(isGuangdong(onlyIcp(text))).toBe(expected);
  });
});
