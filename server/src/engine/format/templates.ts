// The tables of each template generation, declared once (spec §2). The reader, the rules,
// the renderer and the preview are all driven by this data; F2019 is data, not code.

export type TemplateName = 'F2021' | 'F2019';

export interface ColumnDef {
  id: string;
  /** The column header as in the official form (zh-CN). */
  label: string;
  /** The column's name in English messages. */
  en: string;
  /** Kinds of value: count (integer ≥ 0), signed (F2019 本年增/减), money (decimal ≥ 0, 万元). */
  kind: 'count' | 'signed' | 'money';
}

export interface RowDef {
  id: string;
  /** Template label, exactly as in the official form. */
  label: string;
  /** Nesting level: 1 = 一…四, 2 = （一）…（七）, 3 = 1. 2. … */
  level: number;
  /** Group rows (三、本年度办理结果, （三）不予公开 …) hold no numbers. */
  kind: 'data' | 'group' | 'total';
  /** Parent group row id, for the outline and the preview. */
  parent?: string;
  /** Normalised keywords: a label containing one of these (squashed) is this row. */
  keywords: string[];
  /** Known variants of the label seen in real reports (label-variant info). */
  variants?: string[];
  /** Keywords are only trusted after this row id was seen (e.g. `3.其他` after R3_6_2). */
  after?: string;
}

/** How a row is counted (hover text), from the template's own wording and spec §2–§3. */
export const ROW_NOTES: Record<string, { zh: string; en: string }> = {
  R1: { zh: '本年新收到的申请件数。第一项加第二项之和，等于第三项加第四项之和。', en: 'Applications received this year. 一 + 二 = 三 + 四 in every column.' },
  R2: { zh: '上一年度结转到本年继续办理的申请，应等于上一年度报告的“结转下年度继续办理”。', en: 'Carried over from last year; equals last year’s 结转下年度继续办理.' },
  R3_2: { zh: '区分处理的，只计这一情形，不计其他情形：每件申请只计入一个办理结果。', en: 'Partly disclosed: counted here only, never in another result — each application falls in exactly one result.' },
  R3_7: { zh: '（七）总计 = 各办理结果（叶子行）之和，不加（三）（四）（五）（六）等分组行。', en: '(7) total = the sum of the result leaves; the group rows （三）（四）（五）（六） are not added.' },
  R4: { zh: '本年未办结、结转下一年度继续办理的申请。', en: 'Applications still open, carried over to next year.' },
  T4: { zh: '复议机关作为共同被告的行政诉讼，只计原行政行为机关，不计复议机关（国办公开办函〔2016〕201号）。每组总计 = 维持 + 纠正 + 其他 + 尚未审结。', en: 'A lawsuit with the review body as co-defendant is counted only by the original agency (国办公开办函〔2016〕201号). Each total = upheld + corrected + other + pending.' },
};

export interface T3Def {
  columns: ColumnDef[];
  rows: RowDef[];
  /** Result leaves summed by （七）总计 (spec §3 LEAVES). */
  leaves: string[];
}

export interface T2RowDef {
  id: string;
  label: string;
  /** The row's name in English messages. */
  en: string;
  block: string; // 第二十条第（一）项 …
  columns: ColumnDef[];
  keywords: string[];
  variants?: string[];
  /**
   * Why a body may delete this row (it can never have entries in it): its absence beside
   * the other rows of its block is a note (info), not a deleted template row.
   */
  omissible?: { zh: string; en: string };
}

/** 规章 are made only by bodies with rule-making power; the others often drop the row. */
const NO_RULE_MAKING = {
  zh: '只有享有规章制定权的机关才制定规章，其他机关常删去此行；建议保留并填 0',
  en: 'only bodies with rule-making power make 规章, others often drop the row; keeping it with 0 is better',
};

export interface TemplateDef {
  id: TemplateName;
  T2: { rows: T2RowDef[]; headers: { text: string; block: string }[] };
  T3: T3Def;
  T4: { columns: ColumnDef[] };
}

const T3_COLUMNS: ColumnDef[] = [
  { id: 'C1', label: '自然人', en: 'natural persons', kind: 'count' },
  { id: 'C2', label: '商业企业', en: 'businesses', kind: 'count' },
  { id: 'C3', label: '科研机构', en: 'research institutions', kind: 'count' },
  { id: 'C4', label: '社会公益组织', en: 'public-interest organisations', kind: 'count' },
  { id: 'C5', label: '法律服务机构', en: 'legal service institutions', kind: 'count' },
  { id: 'C6', label: '其他', en: 'others', kind: 'count' },
  { id: 'C7', label: '总计', en: 'total', kind: 'count' },
];

/** Table 3: six applicant columns and their total (the last column). */
export const T3_COLUMN_COUNT = T3_COLUMNS.length;
/** The applicant columns C1…C6 that the total C7 adds up. */
export const T3_PART_COLUMNS = T3_COLUMNS.slice(0, -1).map((c) => c.id);
export const T3_TOTAL_COLUMN = T3_COLUMNS[T3_COLUMNS.length - 1]!.id;

/** Table 3's header texts above the columns (spec §2.3). */
export const T3_HEADER = {
  note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  applicants: '申请人情况',
  organisations: '法人或其他组织',
};

export const T3_COLUMN_VARIANTS: Record<string, string[]> = { C4: ['社会组织'] };

const T3_HEAD: RowDef[] = [
  { id: 'R1', label: '一、本年新收政府信息公开申请数量', level: 1, kind: 'data', keywords: ['本年新收'] },
  { id: 'R2', label: '二、上年结转政府信息公开申请数量', level: 1, kind: 'data', keywords: ['上年结转'] },
  { id: 'R3', label: '三、本年度办理结果', level: 1, kind: 'group', keywords: [] },
  { id: 'R3_1', label: '（一）予以公开', level: 2, kind: 'data', parent: 'R3', keywords: ['予以公开'] },
  {
    id: 'R3_2',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    level: 2,
    kind: 'data',
    parent: 'R3',
    keywords: ['部分公开'],
    variants: ['（二）部分公开'],
  },
  { id: 'R3_3', label: '（三）不予公开', level: 2, kind: 'group', parent: 'R3', keywords: [] },
  { id: 'R3_3_1', label: '1.属于国家秘密', level: 3, kind: 'data', parent: 'R3_3', keywords: ['国家秘密'] },
  {
    id: 'R3_3_2',
    label: '2.其他法律行政法规禁止公开',
    level: 3,
    kind: 'data',
    parent: 'R3_3',
    keywords: ['法规禁止公开', '法律行政法规禁止', '行政止公开', '法规禁止'],
    variants: ['2.其他法律行政止公开'],
  },
  { id: 'R3_3_3', label: '3.危及“三安全一稳定”', level: 3, kind: 'data', parent: 'R3_3', keywords: ['三安全', '一稳定'] },
  { id: 'R3_3_4', label: '4.保护第三方合法权益', level: 3, kind: 'data', parent: 'R3_3', keywords: ['第三方合法权益', '第三方'] },
  { id: 'R3_3_5', label: '5.属于三类内部事务信息', level: 3, kind: 'data', parent: 'R3_3', keywords: ['三类内部事务', '内部事务'] },
  { id: 'R3_3_6', label: '6.属于四类过程性信息', level: 3, kind: 'data', parent: 'R3_3', keywords: ['四类过程性', '过程性信息'] },
  {
    id: 'R3_3_7',
    label: '7.属于行政执法案卷',
    level: 3,
    kind: 'data',
    parent: 'R3_3',
    keywords: ['行政执法案卷', '行政执法案件', '执法案卷'],
    variants: ['7.属于行政执法案件'],
  },
  { id: 'R3_3_8', label: '8.属于行政查询事项', level: 3, kind: 'data', parent: 'R3_3', keywords: ['行政查询事项', '查询事项'] },
  { id: 'R3_4', label: '（四）无法提供', level: 2, kind: 'group', parent: 'R3', keywords: [] },
  { id: 'R3_4_1', label: '1.本机关不掌握相关政府信息', level: 3, kind: 'data', parent: 'R3_4', keywords: ['不掌握'] },
  { id: 'R3_4_2', label: '2.没有现成信息需要另行制作', level: 3, kind: 'data', parent: 'R3_4', keywords: ['另行制作', '没有现成信息'] },
  { id: 'R3_4_3', label: '3.补正后申请内容仍不明确', level: 3, kind: 'data', parent: 'R3_4', keywords: ['补正后', '仍不明确'] },
  { id: 'R3_5', label: '（五）不予处理', level: 2, kind: 'group', parent: 'R3', keywords: [] },
  { id: 'R3_5_1', label: '1.信访举报投诉类申请', level: 3, kind: 'data', parent: 'R3_5', keywords: ['信访举报投诉', '信访举报'] },
  { id: 'R3_5_2', label: '2.重复申请', level: 3, kind: 'data', parent: 'R3_5', keywords: ['重复申请'] },
  { id: 'R3_5_3', label: '3.要求提供公开出版物', level: 3, kind: 'data', parent: 'R3_5', keywords: ['公开出版物'] },
  { id: 'R3_5_4', label: '4.无正当理由大量反复申请', level: 3, kind: 'data', parent: 'R3_5', keywords: ['大量反复'] },
  {
    id: 'R3_5_5',
    label: '5.要求行政机关确认或重新出具已获取信息',
    level: 3,
    kind: 'data',
    parent: 'R3_5',
    keywords: ['确认或重新出具', '重新出具'],
  },
];

const T3_TAIL: RowDef[] = [
  { id: 'R3_7', label: '（七）总计', level: 2, kind: 'total', parent: 'R3', keywords: ['总计', '合计'], after: 'R1', variants: ['（七）合计'] },
  {
    id: 'R4',
    label: '四、结转下年度继续办理',
    level: 1,
    kind: 'data',
    keywords: ['结转下年度', '结转下一年度', '下年度继续办理'],
    variants: ['四、结转下一年度继续办理'],
  },
];

const T3_F2021_OTHER: RowDef[] = [
  { id: 'R3_6', label: '（六）其他处理', level: 2, kind: 'group', parent: 'R3', keywords: [] },
  {
    id: 'R3_6_1',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    level: 3,
    kind: 'data',
    parent: 'R3_6',
    keywords: ['逾期不补正'],
  },
  {
    id: 'R3_6_2',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    level: 3,
    kind: 'data',
    parent: 'R3_6',
    keywords: ['缴纳费用', '收费通知'],
  },
  { id: 'R3_6_3', label: '3.其他', level: 3, kind: 'data', parent: 'R3_6', keywords: ['3其他', '其他'], after: 'R3_6_2' },
];

const T3_F2019_OTHER: RowDef[] = [
  { id: 'R3_6', label: '（六）其他处理', level: 2, kind: 'data', parent: 'R3', keywords: ['其他处理'] },
];

const LEAVES_COMMON = [
  'R3_1', 'R3_2',
  'R3_3_1', 'R3_3_2', 'R3_3_3', 'R3_3_4', 'R3_3_5', 'R3_3_6', 'R3_3_7', 'R3_3_8',
  'R3_4_1', 'R3_4_2', 'R3_4_3',
  'R3_5_1', 'R3_5_2', 'R3_5_3', 'R3_5_4', 'R3_5_5',
];

/**
 * Table 4's three groups (spec §2.4): administrative review, and the two kinds of lawsuit.
 * Each has the same five columns; the fifth is the group's total.
 */
export const T4_GROUPS: { id: 'RV' | 'LD' | 'LR'; zh: string; en: string; parent?: { zh: string; en: string } }[] = [
  { id: 'RV', zh: '行政复议', en: 'administrative review' },
  { id: 'LD', zh: '未经复议直接起诉', en: 'direct', parent: { zh: '行政诉讼', en: 'litigation' } },
  { id: 'LR', zh: '复议后起诉', en: 'after review', parent: { zh: '行政诉讼', en: 'litigation' } },
];

const T4_PARTS: { label: string; en: string }[] = [
  { label: '结果维持', en: 'upheld' },
  { label: '结果纠正', en: 'corrected' },
  { label: '其他结果', en: 'other' },
  { label: '尚未审结', en: 'pending' },
  { label: '总计', en: 'total' },
];

/** Columns per table-4 group (four results and their total). */
export const T4_GROUP_SIZE = T4_PARTS.length;

const T4_COLUMNS: ColumnDef[] = T4_GROUPS.flatMap((g) => T4_PARTS.map((p, i) => ({ id: `${g.id}${i + 1}`, label: p.label, en: p.en, kind: 'count' as const })));

/** Table 4: fifteen columns in one data row. */
export const T4_COLUMN_COUNT = T4_COLUMNS.length;

const count = (id: string, label: string, en: string): ColumnDef => ({ id, label, en, kind: 'count' });

export const TEMPLATES: Record<TemplateName, TemplateDef> = {
  F2021: {
    id: 'F2021',
    T2: {
      headers: [
        { text: '本年制发件数', block: '(一)' },
        { text: '本年废止件数', block: '(一)' },
        { text: '现行有效件数', block: '(一)' },
        { text: '本年处理决定数量', block: '(五)' },
        { text: '本年收费金额(单位:万元)', block: '(八)' },
      ],
      rows: [
        { id: 'REG', label: '规章', en: 'rules', block: '第二十条第（一）项', keywords: ['规章'], omissible: NO_RULE_MAKING, columns: [count('MADE', '本年制发件数', 'made this year'), count('REPEALED', '本年废止件数', 'repealed this year'), count('VALID', '现行有效件数', 'in force')] },
        { id: 'NORM', label: '行政规范性文件', en: 'normative documents', block: '第二十条第（一）项', keywords: ['规范性文件'], variants: ['规范性文件'], columns: [count('MADE', '本年制发件数', 'made this year'), count('REPEALED', '本年废止件数', 'repealed this year'), count('VALID', '现行有效件数', 'in force')] },
        { id: 'LIC', label: '行政许可', en: 'administrative licensing', block: '第二十条第（五）项', keywords: ['行政许可'], columns: [count('DEC', '本年处理决定数量', 'decisions this year')] },
        { id: 'PEN', label: '行政处罚', en: 'administrative penalties', block: '第二十条第（六）项', keywords: ['行政处罚'], columns: [count('DEC', '本年处理决定数量', 'decisions this year')] },
        { id: 'COE', label: '行政强制', en: 'administrative coercion', block: '第二十条第（六）项', keywords: ['行政强制'], columns: [count('DEC', '本年处理决定数量', 'decisions this year')] },
        { id: 'FEE', label: '行政事业性收费', en: 'administrative fees', block: '第二十条第（八）项', keywords: ['行政事业性收费', '事业性收费'], columns: [{ id: 'AMT', label: '本年收费金额（单位：万元）', en: 'fees this year (10,000 yuan)', kind: 'money' }] },
      ],
    },
    T3: { columns: T3_COLUMNS, rows: [...T3_HEAD, ...T3_F2021_OTHER, ...T3_TAIL], leaves: [...LEAVES_COMMON, 'R3_6_1', 'R3_6_2', 'R3_6_3'] },
    T4: { columns: T4_COLUMNS },
  },
  F2019: {
    id: 'F2019',
    T2: {
      headers: [
        { text: '本年新制作数量', block: '(一)' },
        { text: '本年新公开数量', block: '(一)' },
        { text: '对外公开总数量', block: '(一)' },
        { text: '上一年项目数量', block: '(五)' },
        { text: '本年增/减', block: '(五)' },
        { text: '处理决定数量', block: '(五)' },
        { text: '采购项目数量', block: '(九)' },
        { text: '采购总金额', block: '(九)' },
      ],
      rows: (() => {
        const stock = [count('NEW_MADE', '本年新制作数量', 'newly made'), count('NEW_PUB', '本年新公开数量', 'newly published'), count('TOTAL_PUB', '对外公开总数量', 'total published')];
        const items = (): ColumnDef[] => [count('PREV', '上一年项目数量', 'items last year'), { id: 'DELTA', label: '本年增/减', en: 'change this year', kind: 'signed' }, count('DEC', '处理决定数量', 'decisions')];
        return [
          { id: 'REG', label: '规章', en: 'rules', block: '第二十条第（一）项', keywords: ['规章'], omissible: NO_RULE_MAKING, columns: stock },
          { id: 'NORM', label: '规范性文件', en: 'normative documents', block: '第二十条第（一）项', keywords: ['规范性文件'], variants: ['行政规范性文件'], columns: stock },
          { id: 'LIC', label: '行政许可', en: 'administrative licensing', block: '第二十条第（五）项', keywords: ['行政许可'], columns: items() },
          { id: 'OMS', label: '其他对外管理服务事项', en: 'other external management and services', block: '第二十条第（五）项', keywords: ['对外管理服务'], columns: items() },
          { id: 'PEN', label: '行政处罚', en: 'administrative penalties', block: '第二十条第（六）项', keywords: ['行政处罚'], columns: items() },
          { id: 'COE', label: '行政强制', en: 'administrative coercion', block: '第二十条第（六）项', keywords: ['行政强制'], columns: items() },
          { id: 'FEE', label: '行政事业性收费', en: 'administrative fees', block: '第二十条第（八）项', keywords: ['行政事业性收费', '事业性收费'], columns: [count('PREV', '上一年项目数量', 'items last year'), { id: 'DELTA', label: '本年增/减', en: 'change this year', kind: 'signed' }] },
          { id: 'PROC', label: '政府集中采购', en: 'centralised government procurement', block: '第二十条第（九）项', keywords: ['政府集中采购', '集中采购'], columns: [count('COUNT', '采购项目数量', 'procurement projects'), { id: 'AMOUNT', label: '采购总金额', en: 'procurement amount', kind: 'money' }] },
        ];
      })(),
    },
    T3: { columns: T3_COLUMNS, rows: [...T3_HEAD, ...T3_F2019_OTHER, ...T3_TAIL], leaves: [...LEAVES_COMMON, 'R3_6'] },
    T4: { columns: T4_COLUMNS },
  },
};

/** F2021 table 3 with （六）其他处理 kept as one leaf row (a variant seen in real reports). */
export const T3_F2021_ONE_OTHER_ROW: T3Def = {
  columns: T3_COLUMNS,
  rows: [...T3_HEAD, ...T3_F2019_OTHER, ...T3_TAIL],
  leaves: [...LEAVES_COMMON, 'R3_6'],
};
