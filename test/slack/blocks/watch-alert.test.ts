import { describe, expect, it } from 'vitest';
import { buildAlertDigest, buildAlertMessage, type PostedAlert } from '../../../src/slack/blocks/watch-alert.js';
import { en } from '../../../src/slack/messages/en.js';

const alert = (target: string, extra: Partial<PostedAlert> = {}): PostedAlert => ({
  kind: 'regression',
  target,
  url: `https://${target}/`,
  at: 2_000,
  incidentSince: 1_000,
  verdictBefore: 'pass',
  verdictAfter: 'fail',
  numberBefore: '京ICP备05004398号-1',
  numberAfter: null,
  newFindings: [{ rule: 'icp-number', severity: 'error', message: 'no ICP number in the footer' }],
  findings: [],
  inconclusiveCount: 0,
  ...extra,
});

describe('alert messages with a footer picture', () => {
  it('shows the uploaded picture between what changed and the buttons', () => {
    const { blocks } = buildAlertMessage(alert('one.cn', { screenshotFileId: 'F0SHOT1' }), en);
    expect(blocks.map((b) => b.type)).toEqual(['section', 'image', 'actions']);
    expect(blocks[1]).toMatchObject({ type: 'image', slack_file: { id: 'F0SHOT1' } });
    expect(JSON.stringify(blocks[1])).toContain('one.cn');
  });

  it('shows the picture on a recovery too, and no image block without one', () => {
    const recovered = alert('two.cn', { kind: 'recovery', verdictAfter: 'pass', screenshotFileId: 'F0SHOT2' });
    expect(buildAlertMessage(recovered, en).blocks.map((b) => b.type)).toEqual(['section', 'image']);
    expect(buildAlertMessage(alert('three.cn'), en).blocks.map((b) => b.type)).toEqual(['section', 'actions']);
  });

  it.each([2, 5, 15, 20, 40])('keeps a digest of %i pictured alerts within 50 blocks, pictures first come', (n) => {
    const events = Array.from({ length: n }, (_, i) => alert(`s${i}.cn`, { screenshotFileId: `F0SHOT${i}` }));
    const { blocks } = buildAlertDigest(events, en);
    expect(blocks.length).toBeLessThanOrEqual(50);
    const images = blocks.filter((b) => b.type === 'image');
    expect(images.length).toBe(Math.min(n, 50 - (1 + 3 * Math.min(n, 15) - 1 + (n > 15 ? 1 : 0))));
    expect(images[0]).toMatchObject({ slack_file: { id: 'F0SHOT0' } });
  });
});
