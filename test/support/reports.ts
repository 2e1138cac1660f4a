// Synthetic reports for tests: a complete, correct F2021 report in tab-separated layout,
// and variants broken on purpose. Values are data (T3 rows by spec id), so tests can
// change one cell and know exactly which equations it belongs to.

export const T3_ROWS: [string, string][] = [
  ['R1', '一、本年新收政府信息公开申请数量'],
  ['R2', '二、上年结转政府信息公开申请数量'],
  ['R3_1', '三、本年度办理结果\t（一）予以公开'],
  ['R3_2', '\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['R3_3_1', '\t（三）不予公开\t1.属于国家秘密'],
  ['R3_3_2', '\t\t2.其他法律行政法规禁止公开'],
  ['R3_3_3', '\t\t3.危及“三安全一稳定”'],
  ['R3_3_4', '\t\t4.保护第三方合法权益'],
  ['R3_3_5', '\t\t5.属于三类内部事务信息'],
  ['R3_3_6', '\t\t6.属于四类过程性信息'],
  ['R3_3_7', '\t\t7.属于行政执法案卷'],
  ['R3_3_8', '\t\t8.属于行政查询事项'],
  ['R3_4_1', '\t（四）无法提供\t1.本机关不掌握相关政府信息'],
  ['R3_4_2', '\t\t2.没有现成信息需要另行制作'],
  ['R3_4_3', '\t\t3.补正后申请内容仍不明确'],
  ['R3_5_1', '\t（五）不予处理\t1.信访举报投诉类申请'],
  ['R3_5_2', '\t\t2.重复申请'],
  ['R3_5_3', '\t\t3.要求提供公开出版物'],
  ['R3_5_4', '\t\t4.无正当理由大量反复申请'],
  ['R3_5_5', '\t\t5.要求行政机关确认或重新出具已获取信息'],
  ['R3_6_1', '\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['R3_6_2', '\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['R3_6_3', '\t\t3.其他'],
  ['R3_7', '\t（七）总计'],
  ['R4', '四、结转下年度继续办理'],
];

export type Cells = (number | '')[];
const zeros = (n: number): Cells => new Array(n).fill(0);

export interface ReportSpec {
  year?: number;
  agency?: string;
  t3?: Record<string, Cells>;
  t4?: Cells;
  omitSection?: number;
  sectionTwoNumbering?: string;
  narrative?: string;
  six?: string;
}

export function defaultT3(): Record<string, Cells> {
  const t: Record<string, Cells> = {};
  for (const [id] of T3_ROWS) t[id] = zeros(7);
  t.R1 = [3, 0, 0, 0, 0, 16, 19];
  t.R3_1 = [2, 0, 0, 0, 0, 16, 18];
  t.R3_3_7 = [1, 0, 0, 0, 0, 0, 1];
  t.R3_7 = [3, 0, 0, 0, 0, 16, 19];
  return t;
}

export const DEFAULT_T4: Cells = [3, 0, 0, 0, 3, 18, 5, 1, 0, 24, 7, 0, 0, 0, 7];

export function renderReport(spec: ReportSpec = {}): string {
  const year = spec.year ?? 2024;
  const agency = spec.agency ?? '某某县人民政府办公室';
  const t3 = { ...defaultT3(), ...(spec.t3 ?? {}) };
  const t4 = spec.t4 ?? DEFAULT_T4;
  const parts: string[] = [];
  parts.push(`${agency}${year}年政府信息公开工作年度报告`, '');
  parts.push(`本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`, '');
  const sec = (i: number, body: string[]) => {
    if (spec.omitSection === i) return;
    parts.push(...body, '');
  };
  sec(1, ['一、总体情况', spec.narrative ?? `${year}年，本机关共收到政府信息公开申请19件，已全部办结。`, '（一）主动公开', `全年主动公开政府信息1200条。`]);
  sec(2, [
    `${spec.sectionTwoNumbering ?? '二、'}主动公开政府信息情况`,
    '第二十条第（一）项\t\t\t',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    '规章\t0\t0\t0',
    '行政规范性文件\t6\t2\t74',
    '第二十条第（五）项\t\t\t',
    '信息内容\t本年处理决定数量\t\t',
    '行政许可\t12502\t\t',
    '第二十条第（六）项\t\t\t',
    '信息内容\t本年处理决定数量\t\t',
    '行政处罚\t2331\t\t',
    '行政强制\t21\t\t',
    '第二十条第（八）项\t\t\t',
    '信息内容\t本年收费金额（单位：万元）\t\t',
    '行政事业性收费\t144.4399\t\t',
  ]);
  const t3Lines = [
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\t\t\t\t\t\t',
    '\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
  ];
  for (const [id, label] of T3_ROWS) t3Lines.push(`${label}\t${t3[id]!.join('\t')}`);
  sec(3, t3Lines);
  sec(4, [
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    t4.join('\t'),
  ]);
  sec(5, ['五、存在的主要问题及改进情况', '主要问题是基层工作力量薄弱。下一步将加强培训，完善制度。']);
  sec(6, ['六、其他需要报告的事项', spec.six ?? '本年度未收取信息处理费。']);
  parts.push(agency, `${year + 1}年1月20日`, '');
  return parts.join('\n');
}

export const CLEAN_REPORT = renderReport();
/** Wrong row total in 一、本年新收 (20 for 19), and section 六 missing. */
export const BROKEN_REPORT = renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20] }, omitSection: 6, narrative: '本年度共收到政府信息公开申请19件。' });
