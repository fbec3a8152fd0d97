import { describe, expect, it } from 'vitest';
import { labelTopic } from '../../../src/core/knowledge/topics.js';

describe('labelTopic', () => {
  it.each([
    ['display', '备案号展示 / Display'],
    ['cancellation', '注销 / Cancellation'],
    ['shell-entities', '空壳主体 / Shell entities'],
    ['something-new', 'something-new'],
    ['toString', 'toString'],
  ])('labels %s as %s', (topic, label) => {
    expect(labelTopic(topic)).toBe(label);
  });
});
