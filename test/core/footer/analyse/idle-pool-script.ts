// Run by analyse-pool.test.ts in its own process: analyses one page and never closes the pool.
// The process must end by itself once the worker is idle.
import { createAnalysePool } from '../../../../src/core/footer/analyse/analyse-pool.js';

const pool = createAnalysePool({ size: 1 });
const html =
  '<footer><p>© 北京某某科技有限公司 <a href="https://beian.miit.gov.cn/">京ICP备05004398号-1</a> ' +
  '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010802044671"><img src="/ga.png">京公网安备11010802044671号</a></p></footer>';
const { analysis } = await pool.analyse({ html, url: 'https://www.example.cn/' }, {}, Date.now() + 60_000);
process.stdout.write(`${analysis.verdict}\n`);
