import { describe, expect, it } from 'vitest';
import { normaliseWithOffsets } from '../../../../src/core/footer/read/normalise-offsets.js';
import { nodesInRange, rawSlice, readPage } from '../../../../src/core/footer/read/read-page.js';
import { normaliseText } from '../../../../src/core/text/normalise.js';

function lines(html: string): string[] {
  return readPage(html).blocks.map((b) => b.text);
}

describe('readPage keeps only visible text', () => {
  it.each([
    ['a comment', '<p>shown<!-- 京ICP备05004398号 --></p>'],
    ['a script', '<p>shown<script>var a = "京ICP备05004398号";</script></p>'],
    ['a style block', '<p>shown<style>.a:after{content:"x"}</style></p>'],
    ['a noscript block', '<p>shown</p><noscript>请启用 JavaScript</noscript>'],
    ['a template', '<p>shown</p><template><p>later</p></template>'],
    ['the head', '<html><head><title>标题</title><meta name="k" content="v"></head><body><p>shown</p></body></html>'],
    ['a hidden attribute', '<p>shown<span hidden>gone</span></p>'],
    ['display none', '<p>shown<span style="color:red; display : none">gone</span></p>'],
    ['visibility hidden', '<p>shown<span style="visibility:hidden">gone</span></p>'],
    ['a hidden input', '<p>shown<input type="hidden" value="gone"></p>'],
    ['a closed dialog', '<p>shown</p><dialog><p>gone</p></dialog>'],
    ['a renderer-hidden element', '<p>shown<span data-beian-hidden="1">gone</span></p>'],
  ])('skips %s', (_what, html) => {
    expect(lines(html)).toEqual(['shown']);
  });

  it('records where hidden text was', () => {
    const page = readPage(
      '<html><head><title>T</title><meta name="d" content="M"><script>S</script></head>' +
        '<body><!--C--><div hidden>H</div><input type="hidden" value="I"><noscript>N</noscript>' +
        '<img alt="A"><a title="T2">x</a></body></html>',
    );
    expect(page.hidden.map((h) => `${h.where}:${h.text}`)).toEqual([
      'title:T',
      'meta:M',
      'script:S',
      'comment:C',
      'hidden element:H',
      'hidden input:I',
      'noscript:N',
      'image:A',
      'tooltip:T2',
    ]);
    expect(page.title).toBe('T');
  });

  it.each([
    ['a <head> that is never closed', '<html><head><title>T</title><div>shown</div>'],
    ['content before <body>', '<head><meta charset="utf-8"><p>shown</p>'],
  ])('reads text the browser moves into the body: %s', (_what, html) => {
    expect(lines(html)).toEqual(['shown']);
  });

  it('decodes entities', () => {
    expect(lines('<p>&#x4eac;ICP&#22791;05004398&#21495;&nbsp;&copy;</p>')).toEqual(['京ICP备05004398号 ©']);
  });

  it('joins inline elements without a gap', () => {
    expect(lines('<p>京ICP备<span>0500</span><b>4398</b>号<a href="#">-1</a></p>')).toEqual(['京ICP备05004398号-1']);
  });

  it.each([
    ['paragraphs', '<p>京ICP备05004398号</p><p>-2023 版权所有</p>'],
    ['a line break', '<div>京ICP备05004398号<br>-2023 版权所有</div>'],
    ['table cells', '<table><tr><td>京ICP备05004398号</td><td>-2023 版权所有</td></tr></table>'],
  ])('breaks lines at %s', (_what, html) => {
    expect(lines(html)).toEqual(['京ICP备05004398号', '-2023 版权所有']);
  });

  it('normalises each line with the one normaliser', () => {
    const raw = '  京ＩＣＰ备０５００\u200b４３９８号　－１  ';
    expect(lines(`<p>${raw}</p>`)).toEqual([normaliseText(raw)]);
  });

  it('lists frame sources and counts scripts', () => {
    const page = readPage('<frameset><frame src=" /main.html "><frame src="/nav.html"></frameset><script></script>');
    expect(page.frames).toEqual(['/main.html', '/nav.html']);
    expect(page.scripts).toBe(1);
  });

  it('reads the renderer viewport from <html>', () => {
    const page = readPage(
      '<html data-beian-viewport-width="1280" data-beian-document-height="3000"><body>x</body></html>',
    );
    expect(page.viewport).toEqual({ width: 1280, documentHeight: 3000, contentBottom: 3000 });
    expect(readPage('<p>x</p>').viewport).toBeNull();
  });

  it('finds where the rendered content ends', () => {
    const html =
      '<html data-beian-viewport-width="1280" data-beian-document-height="900"><body>' +
      '<p data-beian-box="0,10,500,20">a</p><p data-beian-box="0,180,500,20">b</p></body></html>';
    expect(readPage(html).viewport?.contentBottom).toBe(200);
  });
});

describe('readPage traces text back to the DOM', () => {
  it('finds the text nodes and raw text behind a range', () => {
    const page = readPage('<p>备案：<a href="x">京ＩＣＰ备</a><span>０５００4398号</span></p>');
    const [block] = page.blocks;
    if (block === undefined) throw new Error('no block');
    const start = block.text.indexOf('京');
    const end = block.text.length;
    expect(nodesInRange(block, start, end).map((n) => n.data)).toEqual(['京ＩＣＰ备', '０５００4398号']);
    expect(rawSlice(block, start, end)).toBe('京ＩＣＰ备０５００4398号');
  });
});

describe('normaliseWithOffsets', () => {
  it.each([
    '京ＩＣＰ备０５００４３９８号－１',
    '  a \u00a0 b\u3000c  ',
    'x\u200by\u200dz',
    '😀 京ICP备05004398号',
    '\n\t',
  ])('agrees with normaliseText on %j', (raw) => {
    const mapped = normaliseWithOffsets(raw);
    expect(mapped.text).toBe(normaliseText(raw));
    expect(mapped.rawStart).toHaveLength(mapped.text.length);
  });
});
