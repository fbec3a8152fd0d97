import { describe, expect, it } from 'vitest';
import { findNameIn } from '../../../../src/core/footer/read/find-organisation.js';

describe('findNameIn', () => {
  it.each([
    ['Copyright © 2021 抚州市金融控股有限公司 ALL RIGHT RESERVED 赣ICP备18010030号', '抚州市金融控股有限公司'],
    ['版权所有:重庆市创富管理咨询职业培训学校 渝ICP备07003552号-1', '重庆市创富管理咨询职业培训学校'],
    ['上海洋码头网络技术有限公司 版权所有 备案号( 沪ICP备11050082号 )', '上海洋码头网络技术有限公司'],
    ['版权所有 杭州小鱼设计工作室', '杭州小鱼设计工作室'],
    ['©2019 Meizu Telecom Equipment Co., Ltd. All rights reserved.', 'Meizu Telecom Equipment Co., Ltd.'],
    ['Copyright © 2019 Aspera Limited All Rights Reserved', 'Aspera Limited'],
    ['© 2016 - 2024 yiGmMk 闽ICP备16032016号-1', 'yiGmMk'],
    ['©2019 - 2020 By csliao', 'csliao'],
    ['Copyright © 2020 - 2022 予墨一品', '予墨一品'],
    ['Copyright 2018 认道行 All Rights Reserved.', '认道行'],
    ['© 2026 真和盛 · 道家文化传承平台 | 京ICP备2026047935号', '真和盛'],
  ])('%s → %s', (text, name) => {
    expect(findNameIn(text)).toBe(name);
  });

  it.each([
    '京ICP备19007319号-20',
    '版权所有 ICP: 晋ICP备18003599号-1',
    '© 2024',
    'Powered by Hexo | Theme NexT',
    '友情链接: 示例',
  ])('finds no name in %j', (text) => {
    expect(findNameIn(text)).toBeNull();
  });
});
