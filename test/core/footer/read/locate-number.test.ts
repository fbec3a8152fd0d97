import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../../../src/core/footer/numbers.js';
import { locateNumber, type NumberSighting } from '../../../../src/core/footer/read/locate-number.js';
import { readPage } from '../../../../src/core/footer/read/read-page.js';

const FILLER = `<main>${'<p>正文内容，正文内容，正文内容，正文内容，正文内容，正文内容。</p>'.repeat(40)}</main>`;

function locate(html: string): NumberSighting {
  const model = readPage(html);
  for (const block of model.blocks) {
    const [match] = findNumbers(block.text);
    if (match !== undefined) return locateNumber(model, block, match);
  }
  throw new Error('no number in the page');
}

describe('locateNumber: position', () => {
  it.each([
    ['inside <footer>', `${FILLER}<footer><p>京ICP备05004398号-1</p></footer>`, true, 'inside <footer>'],
    [
      'a container named footer',
      `${FILLER}<div id="page-footer"><p>京ICP备05004398号-1</p></div>`,
      true,
      'id="page-footer"',
    ],
    ['a container named copyright', `<div class="copyright">京ICP备05004398号-1</div>${FILLER}`, true, 'copyright'],
    ['a beian container', `<div class="beian">京ICP备05004398号-1</div>${FILLER}`, true, 'class="beian"'],
    ['the end of the page text', `${FILLER}<div><p>京ICP备05004398号-1</p></div>`, true, 'last part'],
    ['the top of the page', `<div><p>京ICP备05004398号-1</p></div>${FILLER}`, false, 'of the way down'],
    ['a header', `<header><p>京ICP备05004398号-1</p></header>${FILLER}`, false, '<header>'],
    ['a sidebar that comes last', `${FILLER}<div class="side-bar"><p>京ICP备05004398号-1</p></div>`, false, 'side-bar'],
    ['a nav inside the footer', `${FILLER}<footer><nav><a>京ICP备05004398号-1</a></nav></footer>`, true, '<footer>'],
  ])('%s', (_what, html, inFooter, reason) => {
    const { position } = locate(html);
    expect(position.inFooter).toBe(inFooter);
    expect(position.reason).toContain(reason);
  });
});

describe('locateNumber: links', () => {
  it.each([
    [
      'a link on the number',
      '<a href=" https://beian.miit.gov.cn/ ">京ICP备05004398号-1</a>',
      ['https://beian.miit.gov.cn/'],
      [],
    ],
    [
      'a link on part of the number',
      '<a href="https://beian.miit.gov.cn/">京ICP备05004398号</a>-1',
      ['https://beian.miit.gov.cn/'],
      [],
    ],
    ['two links', '<a href="/a">京ICP</a><a href="/b">备05004398号-1</a>', ['/a', '/b'], []],
    [
      'a link beside',
      '<p>京ICP备05004398号-1 <a href="https://beian.miit.gov.cn/">查询</a></p>',
      [],
      ['https://beian.miit.gov.cn/'],
    ],
    ['no link', '<p>京ICP备05004398号-1</p><p>© 2024</p>', [], []],
  ])('%s', (_what, html, on, beside) => {
    const sighting = locate(`<footer>${html}</footer>`);
    expect(sighting.links.map((l) => l.href)).toEqual(on);
    expect(sighting.nearbyLinks.map((l) => l.href)).toEqual(beside);
  });

  it('reads an onclick URL with escaped slashes', () => {
    const sighting = locate(
      `<span onclick="window.open('https:\\/\\/beian.miit.gov.cn\\/')"><a>京ICP备05004398号-1</a></span>`,
    );
    expect(sighting.onclickUrl).toBe('https://beian.miit.gov.cn/');
  });
});

describe('locateNumber: badge and box', () => {
  it.each([
    ['inside the link', '<p><a href="x"><img src="ga.png">京公网安备11010802044671号</a></p>', true],
    ['beside the paragraph', '<div><img src="ga.png"><p>京公网安备11010802044671号</p></div>', true],
    ['nowhere', '<div><p>京公网安备11010802044671号</p></div>', false],
  ])('sees a badge %s: %s', (_where, html, expected) => {
    expect(locate(`<footer>${html}</footer>`).hasImageBeside).toBe(expected);
  });

  it('reads the renderer box of the element holding the number', () => {
    const sighting = locate('<footer><p data-beian-box="10,20,300,40"><b>京ICP备05004398号-1</b></p></footer>');
    expect(sighting.box).toEqual({ x: 10, y: 20, width: 300, height: 40 });
  });
});
