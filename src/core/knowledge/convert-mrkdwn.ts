/**
 * Slack mrkdwn (a message's `text`) to the markdown knowledge files hold: `*bold*` → `**bold**`, `_italic_` →
 * `*italic*`, `~strike~` → `~~strike~~`, `<url|text>` → `[text](url)`, `•` lists → `- ` lists, ``` fences on lines of
 * their own, `&gt;` quotes → `>`; mentions and broadcasts dropped, channel links kept as `#name`.
 */

const FENCE = /```([\s\S]*?)```/g;
const INLINE_CODE = /`[^`\n]+`/g;
// Markers need no word boundary on the CJK side (Slack's composer writes `*粗体*` between Chinese characters),
// but an ASCII letter or digit next to one means it is not markup (`snake_case_name`, `2*3*4`).
const BOLD = /(?<![A-Za-z0-9*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![A-Za-z0-9*])/g;
const ITALIC = /(?<![A-Za-z0-9_\\])_(?=[^\s_])([^_\n]*?[^\s_\\])_(?![A-Za-z0-9_])/g;
const STRIKE = /(?<![A-Za-z0-9~\\])~(?=[^\s~])([^~\n]*?[^\s~\\])~(?![A-Za-z0-9~])/g;
// Code spans are held aside as private-use placeholders while the markers around them are converted.
const HOLD = '\uE000';
const HELD = /\uE000(\d+)\uE000/g;
const ANGLE = /<([^<>\n]+)>/g;
// Bullets Slack's composer writes, by nesting level.
const BULLETS: Readonly<Record<string, number>> = { '•': 0, '◦': 1, '▪': 2, '-': -1, '*': -1 };
const LIST_LINE = /^([ \t\u2003]*)([•◦▪\-*])[ \t\u00a0]+(.*)$/;
const QUOTE_LINE = /^(?:&gt;|>)[ \t]?(.*)$/;

/** Converts a Slack message's mrkdwn to knowledge-base markdown (see the module comment for what maps to what). */
export function mrkdwnToMarkdown(mrkdwn: string): string {
  const text = mrkdwn.replace(/\r\n?/g, '\n').replace(/\u200b/g, '');
  const parts: string[] = [];
  let last = 0;
  // Text right after a fence starts a new line of its own, without the space that followed the fence.
  const prose = (from: number, to?: number) => {
    const piece = text.slice(from, to);
    return convertProse(from > 0 ? piece.replace(/^[ \t]+/, '') : piece);
  };
  for (const m of text.matchAll(FENCE)) {
    parts.push(prose(last, m.index));
    parts.push(`\n\`\`\`\n${unescapeEntities(m[1] ?? '').replace(/^\n+|\n+$/g, '')}\n\`\`\`\n`);
    last = m.index + m[0].length;
  }
  parts.push(prose(last));
  return parts
    .join('')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function convertProse(text: string): string {
  const lines = text.split('\n').map(convertLine);
  // A list or a quote needs a blank line before it when it follows a paragraph, or markdown runs them together.
  return lines
    .map((line, i) => {
      const previous = lines[i - 1];
      if (previous === undefined || previous.trim() === '') return line;
      const starts = (l: string) => (/^\s*- /.test(l) ? 'list' : l.startsWith('>') ? 'quote' : 'text');
      return starts(line) !== 'text' && starts(previous) !== starts(line) ? `\n${line}` : line;
    })
    .join('\n');
}

function convertLine(line: string): string {
  const quote = QUOTE_LINE.exec(line);
  if (quote) return `> ${convertLine(quote[1] ?? '')}`.trimEnd();
  const item = LIST_LINE.exec(line);
  if (item) {
    const [, indent = '', bullet = '-', rest = ''] = item;
    const level =
      BULLETS[bullet] === -1 ? Math.floor(indent.replace(/\t/g, '    ').length / 2) : (BULLETS[bullet] ?? 0);
    return `${'  '.repeat(level)}- ${convertInline(rest)}`;
  }
  const numbered = /^[ \t]*(\d+)[.)][ \t]+(.*)$/.exec(line);
  if (numbered) return `${numbered[1]}. ${convertInline(numbered[2] ?? '')}`;
  // A line that would open a heading would start a section of its own in a knowledge file.
  return convertInline(line).replace(/^(\s*)#/, '$1\\#');
}

function convertInline(text: string): string {
  const codes: string[] = [];
  const held = text.replace(INLINE_CODE, (code) => {
    codes.push(unescapeEntities(code));
    return `${HOLD}${codes.length - 1}${HOLD}`;
  });
  const converted = unescapeEntities(
    held
      .replace(ANGLE, (_m, inner: string) => convertAngle(inner))
      .replace(BOLD, '**$1**')
      .replace(ITALIC, '*$1*')
      .replace(STRIKE, '~~$1~~'),
  );
  return converted.replace(/ {2,}/g, ' ').replace(HELD, (_m, i: string) => codes[Number(i)] ?? '');
}

// Slack's angle-bracket markup: links, user and channel mentions, broadcasts, dates.
function convertAngle(inner: string): string {
  const [target = '', label] = inner.split('|', 2);
  if (target.startsWith('@')) return label ? `@${label}` : '';
  if (target.startsWith('#')) return label ? `#${label}` : '';
  if (target.startsWith('!')) return target.startsWith('!date') && label ? label : '';
  if (/^(?:https?|mailto):/i.test(target)) {
    const url = unescapeEntities(target);
    return label && label !== target ? `[${label}](${url})` : `<${url}>`;
  }
  return `<${inner}>`;
}

function unescapeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
