/**
 * The one grammar for filing numbers: ICP备, ICP证, B2 licences and 公网安备 numbers, read from text
 * that went through `normaliseText` (half-width, one dash, single spaces).
 */
import { normaliseText } from '../text/normalise.js';

/** Province characters seen in real footers. */
export const PROVINCES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕陇青宁新';
/** Real province abbreviations that MIIT does not put in ICP numbers: accepted with a warning. */
export const UNUSUAL_PROVINCES = '贵云甘秦';
/** Vanity "registries" that imitate ICP numbers (萌ICP备 …); their numbers are not filings. */
export const VANITY_REGISTRIES = '萌茶喵雾团猫兽梦星';

/** Public-security code prefix → the province characters it belongs to. */
export const PSB_PROVINCE_CODES: Readonly<Record<string, string>> = Object.freeze({
  '11': '京',
  '12': '津',
  '13': '冀',
  '14': '晋',
  '15': '蒙',
  '21': '辽',
  '22': '吉',
  '23': '黑',
  '31': '沪',
  '32': '苏',
  '33': '浙',
  '34': '皖',
  '35': '闽',
  '36': '赣',
  '37': '鲁',
  '41': '豫',
  '42': '鄂',
  '43': '湘',
  '44': '粤',
  '45': '桂',
  '46': '琼',
  '50': '渝',
  '51': '川蜀',
  '52': '黔贵',
  '53': '滇云',
  '54': '藏',
  '61': '陕秦',
  '62': '陇甘',
  '63': '青',
  '64': '宁',
  '65': '新',
});

export type IcpDeviation =
  /** `号` missing after the serial. */
  | 'missing-hao'
  /** `ICP备案` written instead of `ICP备`. */
  | 'icp-bei-an'
  /** `-N` written before `号` (`备05004398-1号`). */
  | 'suffix-before-hao'
  /** A serial that is neither 8 nor 10 digits (6 for ICP证). */
  | 'odd-serial-length'
  /** 贵 云 甘 秦: real provinces, but not the characters MIIT uses. */
  | 'unusual-province'
  /** Spaces inside the number (normalisation, not an error). */
  | 'spaces';

export type PsbDeviation =
  /** `公安网备` or another wording instead of `公网安备`. */
  | 'wrong-word'
  /** The code is not 14 digits. */
  | 'code-length'
  | 'missing-hao'
  /** The code's first two digits belong to another province than the character shown. */
  | 'province-mismatch'
  /** The code's first two digits are no province code. */
  | 'unknown-code'
  | 'spaces';

/** How the character before `ICP` relates to the official list. */
export type ProvinceStatus = 'official' | 'unusual' | 'vanity' | 'missing';

export interface IcpMatch {
  type: 'icp';
  kind: '备' | '证' | 'B2';
  /** Offsets of the match in the searched text. */
  start: number;
  end: number;
  /** The matched text as it stands (normalised, spaces kept). */
  text: string;
  /** Canonical form, e.g. `京ICP备05004398号-1`. */
  number: string;
  province: string;
  provinceStatus: ProvinceStatus;
  serial: string;
  /** The website (or App) suffix after `-`, e.g. `1`, `1A`, `1626X`; null for an entity number. */
  site: string | null;
  /** The suffix ends in a letter: an App or mini-program number. */
  app: boolean;
  /** The serial is a template placeholder (`XXXXXXXX`, zeros). */
  placeholder: boolean;
  deviations: IcpDeviation[];
}

export interface PsbMatch {
  type: 'psb';
  start: number;
  end: number;
  text: string;
  /** Canonical form, e.g. `京公网安备11010802044671号`. */
  number: string;
  province: string;
  code: string;
  deviations: PsbDeviation[];
}

export type NumberMatch = IcpMatch | PsbMatch;

const HAN = '\\p{Script=Han}';
// 备, optional 案, serial (placeholders included), then either "-N号" or "号" with an optional "-N".
const ICP_BEI = new RegExp(
  `(${HAN})? ?[Ii][Cc][Pp] ?备(案)? ?([0-9Xx*]{4,14})(?: ?(?:- ?(\\d{1,5}[A-Z](?![A-Za-z0-9])|\\d{1,3}(?!\\d)) ?(号)|(号)(?: ?- ?(\\d{1,5}[A-Z](?![A-Za-z0-9])|\\d{1,3}(?!\\d)))?))?`,
  'gu',
);
const ICP_ZHENG = new RegExp(`(${HAN})? ?[Ii][Cc][Pp] ?证 ?(\\d{4,10}) ?(号)?(?: ?- ?(\\d{1,3})(?!\\d))?`, 'gu');
const B2 = new RegExp(`(合字|${HAN})? ?B2 ?- ?(\\d{8})(?!\\d)(?: ?号)?`, 'gu');
const PSB = new RegExp(`(${HAN})? ?(公网安备|公安网备|公网安备案|网安备) ?(\\d{4,20}) ?(号)?`, 'gu');

const MIGHT_HOLD_NUMBER = /icp|b2|备/i;

/** False when normalised text cannot hold a number: lets readers skip work on most lines of a page. */
export function mightHoldNumber(text: string): boolean {
  return MIGHT_HOLD_NUMBER.test(text);
}

// Before normalisation, any full-width character may still become one of those words under NFKC.
/** The prefilter of mightHoldNumberRaw; exported so the renderer's page script filters the same way. */
export const MIGHT_HOLD_NUMBER_RAW = /icp|b2|备|[\uFF00-\uFFEF]/i;

/** `mightHoldNumber` for text not yet normalised (scripts, comments): skips normalising what cannot match. */
export function mightHoldNumberRaw(text: string): boolean {
  return MIGHT_HOLD_NUMBER_RAW.test(text);
}

function provinceStatusOf(char: string): ProvinceStatus {
  if (char === '') return 'missing';
  if (PROVINCES.includes(char)) return 'official';
  if (UNUSUAL_PROVINCES.includes(char)) return 'unusual';
  return VANITY_REGISTRIES.includes(char) ? 'vanity' : 'missing';
}

// Template fillers: letters or asterisks, one digit repeated (00000000, 88888888), or 12345678….
function isPlaceholder(serial: string): boolean {
  return /[^0-9]/.test(serial) || /^(\d)\1+$/.test(serial) || '1234567890'.startsWith(serial);
}

function matchBei(m: RegExpExecArray): IcpMatch {
  const [text, rawProvince = '', an, serial = '', siteBefore, haoAfterSite, hao, siteAfter] = m;
  const provinceStatus = provinceStatusOf(rawProvince);
  // A Han character that is neither a province nor a vanity registry is ordinary text ("号ICP备…").
  const province = provinceStatus === 'missing' ? '' : rawProvince;
  const start = m.index + (provinceStatus === 'missing' && rawProvince !== '' ? text.search(/icp/i) : 0);
  const site = siteBefore ?? siteAfter ?? null;
  const deviations: IcpDeviation[] = [];
  if (hao === undefined && haoAfterSite === undefined) deviations.push('missing-hao');
  if (an !== undefined) deviations.push('icp-bei-an');
  if (siteBefore !== undefined) deviations.push('suffix-before-hao');
  if (!isPlaceholder(serial) && serial.length !== 8 && serial.length !== 10) deviations.push('odd-serial-length');
  if (provinceStatus === 'unusual') deviations.push('unusual-province');
  const matched = text.slice(start - m.index);
  if (matched.includes(' ')) deviations.push('spaces');
  return {
    type: 'icp',
    kind: '备',
    start,
    end: m.index + text.length,
    text: matched,
    number: `${province}ICP备${serial}号${site === null ? '' : `-${site}`}`,
    province,
    provinceStatus,
    serial,
    site,
    app: site !== null && /[A-Z]$/.test(site),
    placeholder: isPlaceholder(serial),
    deviations,
  };
}

function matchZheng(m: RegExpExecArray): IcpMatch {
  const [text, rawProvince = '', serial = '', hao, site] = m;
  const provinceStatus = provinceStatusOf(rawProvince);
  const province = provinceStatus === 'missing' ? '' : rawProvince;
  const start = m.index + (provinceStatus === 'missing' && rawProvince !== '' ? text.search(/icp/i) : 0);
  const deviations: IcpDeviation[] = [];
  if (hao === undefined) deviations.push('missing-hao');
  if (serial.length !== 6) deviations.push('odd-serial-length');
  if (provinceStatus === 'unusual') deviations.push('unusual-province');
  const matched = text.slice(start - m.index);
  if (matched.includes(' ')) deviations.push('spaces');
  return {
    type: 'icp',
    kind: '证',
    start,
    end: m.index + text.length,
    text: matched,
    number: `${province}ICP证${serial}号${site === undefined ? '' : `-${site}`}`,
    province,
    provinceStatus,
    serial,
    site: site ?? null,
    app: false,
    placeholder: false,
    deviations,
  };
}

function matchB2(m: RegExpExecArray): IcpMatch {
  const [text, rawProvince = '', serial = ''] = m;
  const provinceStatus = rawProvince === '合字' ? 'official' : provinceStatusOf(rawProvince);
  const province = provinceStatus === 'missing' ? '' : rawProvince;
  const start = m.index + (provinceStatus === 'missing' && rawProvince !== '' ? text.indexOf('B2') : 0);
  const matched = text.slice(start - m.index);
  return {
    type: 'icp',
    kind: 'B2',
    start,
    end: m.index + text.length,
    text: matched,
    number: `${province}B2-${serial}`,
    province,
    provinceStatus,
    serial,
    site: null,
    app: false,
    placeholder: false,
    deviations: matched.includes(' ') ? ['spaces'] : [],
  };
}

function matchPsb(m: RegExpExecArray): PsbMatch {
  const [text, province = '', word = '', code = '', hao] = m;
  const deviations: PsbDeviation[] = [];
  if (word !== '公网安备') deviations.push('wrong-word');
  if (code.length !== 14) deviations.push('code-length');
  if (hao === undefined) deviations.push('missing-hao');
  const owners = PSB_PROVINCE_CODES[code.slice(0, 2)];
  if (owners === undefined) deviations.push('unknown-code');
  else if (province !== '' && !owners.includes(province)) deviations.push('province-mismatch');
  if (text.trim().includes(' ')) deviations.push('spaces');
  return {
    type: 'psb',
    start: m.index,
    end: m.index + text.length,
    text,
    number: `${province}公网安备${code}号`,
    province,
    code,
    deviations,
  };
}

const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => NumberMatch][] = [
  [ICP_BEI, matchBei],
  [ICP_ZHENG, matchZheng],
  [B2, matchB2],
  [PSB, matchPsb],
];

/**
 * Every ICP and public-security number in normalised text, in order of appearance, one at a time:
 * a line may hold hundreds of thousands, and a caller may want only some of them.
 */
export function* numbersIn(text: string): Generator<NumberMatch> {
  // Most lines of a page hold no number: skip the four patterns for them.
  if (!mightHoldNumber(text)) return;
  const streams = PATTERNS.map(([pattern, build]) => ({ matches: text.matchAll(pattern), build }));
  const heads = streams.map((stream) => nextOf(stream));
  for (;;) {
    // The earliest head; on a tie the earlier pattern, as a stable sort of all matches would give.
    let first = -1;
    for (const [i, head] of heads.entries()) {
      if (head !== null && (first === -1 || head.start < (heads[first]?.start ?? 0))) first = i;
    }
    const chosen = heads[first];
    const stream = streams[first];
    if (chosen === undefined || chosen === null || stream === undefined) return;
    yield chosen;
    heads[first] = nextOf(stream);
  }
}

function nextOf(stream: {
  matches: IterableIterator<RegExpMatchArray>;
  build: (m: RegExpExecArray) => NumberMatch;
}): NumberMatch | null {
  const next = stream.matches.next();
  return next.done === true ? null : trimSpaces(stream.build(next.value as RegExpExecArray));
}

/** Every ICP and public-security number in normalised text, in order of appearance. */
export function findNumbers(text: string): NumberMatch[] {
  return [...numbersIn(text)];
}

// The optional groups around a number can swallow one space on either side.
function trimSpaces<T extends NumberMatch>(match: T): T {
  const lead = match.text.length - match.text.trimStart().length;
  const text = match.text.trim();
  const start = match.start + lead;
  return { ...match, text, start, end: start + text.length };
}

/** Reads one number given on its own (e.g. `--expect`); null when the text is not exactly one number. */
export function parseNumber(input: string): NumberMatch | null {
  const text = normaliseText(input);
  const [first, ...rest] = findNumbers(text);
  if (first === undefined || rest.length > 0) return null;
  return first.start === 0 && first.end === text.length ? first : null;
}

/** Guangdong shows the entity number: there the `-N` website suffix is not required. */
export function isGuangdong(match: IcpMatch): boolean {
  return match.province === '粤';
}
