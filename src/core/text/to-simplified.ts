/**
 * Traditional → simplified Chinese for the characters that matter in ICP-filing questions. A small
 * table, not a full converter: a question from Hong Kong or Taiwan should still find 备案号 and 注销.
 */

// Pairs of (traditional, simplified), read two characters at a time.
const PAIRS =
  '備备號号註注銷销證证書书網网際际當当務务續续過过與与為为護护關关於于體体戶户資资訊讯雲云機机構构營营業业' +
  '執执變变辦办時时間间審审請请問问麼么嗎吗樣样個个這这們们沒没無无從从對对應应該该碼码電电話话頁页標标題题' +
  '鏈链連连顯显腳脚權权許许經经殼壳檢检測测試试實实歸归屬属轉转讓让斷断攔拦訪访國国內内區区華华認认價价' +
  '費费買买賣卖開开發发項项處处負负責责聯联繫系郵邮線线長长後后幾几來来說说還还現现門门並并裡里邊边動动態态' +
  '頭头點点擊击圖图單单統统冊册報报罰罚違违規规刪删陸陆臺台灣湾團团綁绑變变錯错誤误準准確确據据傳传導导購购' +
  '簽签紙纸補补齊齐產产雜杂級级驗验寫写復复隻只盡尽辭辞則则須须專专會会響响義义麽么絡络遷迁錄录決决裏里兒儿' +
  '歷历將将錢钱稅税簡简範范擔担協协議议條条啟启進进選选擇择達达遞递繳缴終终結结舊旧託托異异況况該该';

const TABLE: ReadonlyMap<string, string> = buildTable(PAIRS);
// One character class of every traditional character in the table: most text has none, so one scan is all it costs.
const TRADITIONAL = new RegExp(`[${[...TABLE.keys()].join('')}]`, 'gu');

// Simplified form of each character of the main Han block (U+4E00–U+9FFF), 0 for one the table leaves alone:
// folding reads one per character, and an array read is cheaper than a map lookup.
const HAN_START = 0x4e00;
const MAIN_BLOCK = new Uint16Array(0x9fff - HAN_START + 1);
const BY_CODE: ReadonlyMap<number, number> = new Map(
  [...TABLE].map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]),
);
for (const [from, to] of BY_CODE) if (from >= HAN_START && from <= 0x9fff) MAIN_BLOCK[from - HAN_START] = to;

function buildTable(pairs: string): Map<string, string> {
  const table = new Map<string, string>();
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const from = chars[i] as string;
    const to = chars[i + 1] as string;
    if (from !== to) table.set(from, to);
  }
  return table;
}

/** Replaces the traditional characters in the table with their simplified forms; everything else is kept. */
export function toSimplified(text: string): string {
  return text.replace(TRADITIONAL, (ch) => TABLE.get(ch) ?? ch);
}

/** {@link toSimplified} for one UTF-16 code unit (a character of the Basic Multilingual Plane). */
export function toSimplifiedChar(code: number): number {
  if (code >= HAN_START && code <= 0x9fff) return MAIN_BLOCK[code - HAN_START] || code;
  return BY_CODE.get(code) ?? code;
}
