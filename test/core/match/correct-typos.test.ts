import { describe, expect, it } from 'vitest';
import { correctTypos } from '../../../src/core/match/correct-typos.js';

describe('correctTypos', () => {
  it.each([
    ['公按备案', '公安备案'],
    ['备按号', '备案号'],
    ['注消了', '注销了'],
    ['工信布', '工信部'],
    ['域名解折', '域名解析'],
    ['备案成工了', '备案成功了'],
  ])('corrects %s → %s', (typed, meant) => {
    expect(correctTypos(typed)).toBe(meant);
  });

  it.each([
    ['words that are already right', '公安备案 注销 工信部'],
    ['a confusable character in an ordinary word', '按照规定 安全 部署 正在 工作 员工 公开'],
    ['text without Chinese', 'icp filing'],
    ['empty text', ''],
  ])('leaves %s alone', (_name, text) => {
    expect(correctTypos(text)).toBe(text);
  });
});
