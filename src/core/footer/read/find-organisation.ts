import type { AnyNode, Element } from 'domhandler';
import { numbersIn } from '../numbers.js';
import type { Block, PageModel } from './page-model.js';

const HAN = '\\p{Script=Han}';
const ORG_SUFFIX = new RegExp(
  `[${HAN}A-Za-z0-9()·&]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|集团|工作室|事务所|研究院|研究所|学校|学院|大学|医院|协会|学会|基金会|委员会|商行|经营部|合作社)`,
  'u',
);
const LATIN_ORG =
  /\b[A-Z][A-Za-z0-9&'. -]{0,60}?,? (?:Inc|Ltd|Limited|LLC|Corp|Corporation|Co\., ?Ltd|GmbH|Company|Group|Studio)\b\.?/;
// "© 2016 - 2024 Name", "Copyright 2018 Name", "版权所有:Name", "©2019 By Name".
const AFTER_COPYRIGHT =
  /(?:©|\(c\)|copyright|版权所有)\s*[:]?\s*(?:(?:©|\d{4}(?:\s*-\s*(?:\d{4}|present|now))?|all rights reserved)[\s.,]*)*(?:by[:\s]\s*)?([^\s|,;©]{2,40})/giu;
// "Name 版权所有" / "Name All Rights Reserved".
const BEFORE_COPYRIGHT = /([^\s|,;©:]{2,40})\s*(?:版权所有|all rights reserved)/giu;
const NOT_A_NAME = /^(?:icp|all|rights?|reserved|powered|theme|备案|版权|[\d\s.:-]+)/i;
// How far from the number's line a name may stand.
const NEIGHBOUR_BLOCKS = 3;
const CONTAINER_MAX_CHARS = 2000;

function isAncestorOf(container: Element, node: AnyNode): boolean {
  for (let n: AnyNode | null = node; n !== null; n = n.parent) if (n === container) return true;
  return false;
}

// Built from the pieces between numbers: a line may hold thousands of them.
function withoutNumbers(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (const m of numbersIn(text)) {
    parts.push(text.slice(from, m.start));
    from = Math.max(from, m.end);
  }
  parts.push(text.slice(from));
  return parts.join(' ');
}

function nameFromCopyright(text: string): string | null {
  for (const pattern of [AFTER_COPYRIGHT, BEFORE_COPYRIGHT]) {
    for (const m of text.matchAll(pattern)) {
      const name = m[1]?.replace(/[.:]+$/, '') ?? '';
      if (name.length >= 2 && !NOT_A_NAME.test(name)) return name;
    }
  }
  return null;
}

/** A company, studio or person's name in one line of text, or null. */
export function findNameIn(text: string): string | null {
  const plain = withoutNumbers(text);
  const org = ORG_SUFFIX.exec(plain)?.[0].replace(/^(?:版权所有|版权)/, '');
  if (org !== undefined && org.length > 3) return org;
  return LATIN_ORG.exec(plain)?.[0] ?? nameFromCopyright(plain);
}

function nearbyBlocks(model: PageModel, block: Block, container: Element | null): Block[] {
  const near = model.blocks.slice(Math.max(0, block.index - NEIGHBOUR_BLOCKS), block.index + NEIGHBOUR_BLOCKS + 1);
  if (container === null) return near;
  const inside = model.blocks.filter((b) => b.pieces[0] !== undefined && isAncestorOf(container, b.pieces[0].node));
  const chars = inside.reduce((sum, b) => sum + b.text.length, 0);
  return chars <= CONTAINER_MAX_CHARS ? inside : near;
}

/**
 * The organisation (or person) named next to a number: in the same line, the lines around it, or
 * anywhere in the same footer container. Own line first, then nearest lines first.
 */
export function findOrganisation(model: PageModel, block: Block, container: Element | null): string | null {
  const candidates = nearbyBlocks(model, block, container).sort(
    (a, b) => Math.abs(a.index - block.index) - Math.abs(b.index - block.index),
  );
  for (const candidate of candidates) {
    const name = findNameIn(candidate.text);
    if (name !== null) return name;
  }
  return null;
}
