// One triggering fixture and one near miss per diagnostic code, keyed by code. The registry
// test (registry.test.ts beside this file) loops over the rule registry, so a new rule
// without fixtures fails `npm test`. Near misses stay as close to the failing text as the
// rule allows: the same report with the one thing that makes the difference.

import { parse, renderBlankReport, type CheckOptions } from '../../../server/src/engine/index.ts';
import { CLEAN_REPORT, DEFAULT_T4, renderReport, type Cells } from '../../support/reports.ts';

interface Case {
  text: string;
  options?: CheckOptions;
}

export interface RuleFixture {
  fails: () => Case;
  nearMiss: () => Case;
}

const text = (t: string): Case => ({ text: t });
const report = (...args: Parameters<typeof renderReport>): Case => text(renderReport(...args));
const clean = (): Case => text(CLEAN_REPORT);
const replaced = (from: string | RegExp, to: string) => (): Case => {
  const out = CLEAN_REPORT.replace(from, to);
  if (out === CLEAN_REPORT) throw new Error(`fixture: ${String(from)} not found`);
  return text(out);
};
const t4 = (at: number, value: number): Cells => DEFAULT_T4.map((v, i) => (i === at ? value : v));
const f2019 = (year: number) => renderBlankReport({ year: 2020, agency: '某某区某某局' }).replace(/2020年/g, `${year}年`).replace(/2021年1月/g, `${year + 1}年1月`);
const lastYear = (r4: Cells) => parse(renderReport({ year: 2023, t3: { R4: r4, R1: [3 + Number(r4[0]), 0, 0, 0, 0, 16, 19 + Number(r4[0])] } }));

export const FIXTURES: Record<string, RuleFixture> = {
  'section-missing': { fails: () => report({ omitSection: 6 }), nearMiss: clean },
  'section-order': {
    fails: () => text(CLEAN_REPORT.replace(/五、存在的主要问题及改进情况\n[^\n]*\n/, '').replace('一、总体情况', '五、存在的主要问题及改进情况\n问题。\n\n一、总体情况')),
    nearMiss: clean,
  },
  'section-duplicate': { fails: replaced('（一）主动公开', '一、工作情况'), nearMiss: replaced('（一）主动公开', '（一）工作情况') },
  'section-numbering': { fails: () => report({ sectionTwoNumbering: '2、' }), nearMiss: () => report({ sectionTwoNumbering: '二、' }) },
  'section-title': {
    fails: replaced('四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况'),
    nearMiss: clean,
  },
  'title-position': {
    fails: () => {
      const [title, ...rest] = CLEAN_REPORT.split('\n');
      return text(rest.join('\n').replace('一、总体情况\n', `一、总体情况\n${title}\n`));
    },
    nearMiss: clean,
  },
  'table-missing': {
    fails: replaced(/（本列数据的勾稽关系为[\s\S]*?四、结转下年度继续办理[^\n]*\n/, '本年度共收到政府信息公开申请19件。\n'),
    nearMiss: clean,
  },
  'table-unreadable': { fails: replaced(/（七）总计\t[^\n]*/, '（七）总计\t3\t16\t19'), nearMiss: clean },
  'template-version': { fails: () => text(f2019(2022)), nearMiss: () => text(f2019(2020)) },
  'row-missing': { fails: replaced(/\t\t3\.补正后申请内容仍不明确[^\n]*\n/, ''), nearMiss: clean },
  'label-variant': { fails: replaced('社会公益组织', '社会组织'), nearMiss: clean },
  'row-total': { fails: () => report({ t3: { R3_3_7: [1, 0, 0, 0, 0, 0, 2] } }), nearMiss: () => report({ t3: { R3_3_7: [1, 0, 0, 0, 0, 0, 1] } }) },
  'result-total': { fails: () => report({ t3: { R3_4_1: [1, 0, 0, 0, 0, 0, 1] } }), nearMiss: clean },
  'column-balance': { fails: () => report({ t3: { R4: [1, 0, 0, 0, 0, 0, 1] } }), nearMiss: clean },
  'review-total': { fails: () => report({ t4: t4(4, 4) }), nearMiss: () => report({ t4: t4(4, 3) }) },
  'litigation-total': { fails: () => report({ t4: t4(9, 25) }), nearMiss: () => report({ t4: t4(9, 24) }) },
  // 现行有效 ≥ 制发 − 废止: 4 < 6 − 0 fails; 4 = 6 − 2 is the boundary.
  'stock-flow': { fails: replaced('行政规范性文件\t6\t2\t74', '行政规范性文件\t6\t0\t4'), nearMiss: replaced('行政规范性文件\t6\t2\t74', '行政规范性文件\t6\t2\t4') },
  'cell-value': { fails: () => report({ t3: { R3_3_2: [0, 0, '—' as unknown as number, 0, 0, 0, 0] } }), nearMiss: clean },
  'cell-blank': { fails: () => report({ t3: { R2: ['', '', '', '', '', '', 0] } }), nearMiss: () => report({ t3: { R2: [0, 0, 0, 0, 0, 0, 0] } }) },
  'total-blank': { fails: () => report({ t3: { R3_1: [2, 0, 0, 0, 0, 16, ''] } }), nearMiss: clean },
  'fee-precision': { fails: replaced('144.4399', '144.43991'), nearMiss: clean },
  'fee-magnitude': { fails: replaced('144.4399', '60585'), nearMiss: replaced('144.4399', '9999.5') },
  'fee-statement': { fails: () => report({ six: '无。' }), nearMiss: clean },
  placeholder: { fails: () => report({ six: '（待填写：本年度收取信息处理费的情况。）' }), nearMiss: () => report({ six: '本年度未收取信息处理费（待遇保障情况见附件）。' }) },
  'invalid-character': { fails: replaced('已全部办结。', '已全部办结。\ufffd'), nearMiss: replaced('已全部办结。', '已全部办结。\u3000') },
  'narrative-mismatch': {
    fails: () => report({ narrative: '全年共收到政府信息公开申请25件，均已办结。' }),
    nearMiss: () => report({ narrative: '全年共收到来信25件，办结25件。政府信箱留言12件。' }),
  },
  'carry-over': {
    fails: () => ({ text: CLEAN_REPORT, options: { previous: { model: lastYear([2, 0, 0, 0, 0, 0, 2]), uri: 'file:///2023.txt' } } }),
    nearMiss: () => ({ text: CLEAN_REPORT, options: { previous: { model: lastYear([0, 0, 0, 0, 0, 0, 0]), uri: 'file:///2023.txt' } } }),
  },
  'year-mismatch': { fails: replaced('统计期限自2024年1月1日起至2024年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止'), nearMiss: clean },
  'publish-date': { fails: replaced('2025年1月20日', '2025年5月8日'), nearMiss: clean },
  'basis-citation': {
    fails: replaced('本报告中所列数据', '根据国办公开办函〔2019〕60号，本报告中所列数据'),
    nearMiss: replaced('本报告中所列数据', '根据国办公开办函〔2021〕30号，本报告中所列数据'),
  },
};
