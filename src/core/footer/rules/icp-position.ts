import type { Box } from '../read/locate-number.js';
import type { Viewport } from '../read/page-model.js';
import type { Finding } from '../types.js';
import { finding, type RuleContext } from './context.js';

// The bottom of a page: the last fifth of its content, or the last 600 px of a short one.
const BOTTOM_SHARE = 0.2;
const BOTTOM_MIN_PX = 600;
// Centred: the number's middle within a tenth of the viewport's width from the viewport's middle.
const CENTRE_TOLERANCE = 0.1;
// A box this wide is a full-width block: where its text sits inside it is unknown, so centring is not judged.
const WIDE_BOX_SHARE = 0.6;

function renderedFindings(number: string, box: Box, viewport: Viewport): Finding[] {
  const found: Finding[] = [];
  const bottom = box.y + box.height;
  const end = viewport.contentBottom;
  if (bottom < end - Math.max(BOTTOM_MIN_PX, end * BOTTOM_SHARE)) {
    found.push(
      finding(
        'icp-position',
        'warning',
        `rendered, ${number} sits ${Math.round(box.y)} px down a page whose content ends at ${Math.round(end)} px, ` +
          'not at the bottom; move it to the footer',
      ),
    );
  }
  const offset = box.x + box.width / 2 - viewport.width / 2;
  if (box.width < viewport.width * WIDE_BOX_SHARE && Math.abs(offset) > viewport.width * CENTRE_TOLERANCE) {
    const side = offset < 0 ? 'left' : 'right';
    found.push(
      finding(
        'icp-position',
        'warning',
        `rendered, ${number} is not horizontally centred (its middle is ${Math.round(Math.abs(offset))} px ${side} ` +
          `of the centre of a ${viewport.width} px window); centre the filing line`,
      ),
    );
  }
  return found;
}

/** `icp-position`: the number is in the footer region; when rendered, at the bottom and centred. */
export function checkIcpPosition(context: RuleContext): Finding[] {
  const sighting = context.icp;
  if (sighting === null) return [];
  const number = sighting.match.number;
  const viewport = context.model.viewport;
  if (context.rendered && viewport !== null && sighting.box !== null) {
    return renderedFindings(number, sighting.box, viewport);
  }
  if (sighting.position.inFooter) return [];
  return [
    finding(
      'icp-position',
      'warning',
      `${number} is ${sighting.position.reason}; put it in the footer at the bottom of the homepage`,
    ),
  ];
}
