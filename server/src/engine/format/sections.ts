// The six top-level sections of the report (spec §1.1), declared once.
// Titles are compared after normalisation and with spaces and punctuation removed.

export interface SectionDef {
  index: number; // 1..6
  numeral: string; // 一 … 六
  title: string; // canonical title (F2021)
  /** Wordings seen in real reports (spec §1.1); `outdated` ones get an info. */
  variants: { text: string; kind: 'variant' | 'outdated' }[];
  /** Table that must sit in this section (spec SEC-5). */
  table?: 'T2' | 'T3' | 'T4';
  /** Words any wording of this title keeps: a short numbered line holding one, numbered as
   *  the next section, is that section's heading in an unknown wording (a section-title
   *  warning, not a missing section). */
  keywords: string[];
}

export const SECTIONS: SectionDef[] = [
  { index: 1, numeral: '一', title: '总体情况', variants: [{ text: '概述', kind: 'outdated' }], keywords: ['总体', '概述', '概况', '基本情况'] },
  { index: 2, numeral: '二', title: '主动公开政府信息情况', variants: [], table: 'T2', keywords: ['主动公开'] },
  { index: 3, numeral: '三', title: '收到和处理政府信息公开申请情况', variants: [], table: 'T3', keywords: ['申请'] },
  {
    index: 4,
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      { text: '因政府信息公开工作被申请行政复议、提起行政诉讼情况', kind: 'variant' },
      { text: '因政府信息公开工作被申请行政复议和提起行政诉讼情况', kind: 'variant' },
      { text: '因政府信息公开工作被申请行政复议提起行政诉讼情况', kind: 'variant' },
      { text: '政府信息公开行政复议和行政诉讼情况', kind: 'variant' },
      { text: '政府信息公开行政复议与行政诉讼情况', kind: 'variant' },
    ],
    table: 'T4',
    keywords: ['复议', '诉讼'],
  },
  {
    index: 5,
    numeral: '五',
    title: '存在的主要问题及改进情况',
    variants: [
      { text: '政府信息公开工作存在的主要问题及改进情况', kind: 'variant' },
      { text: '存在问题及改进情况', kind: 'variant' },
      { text: '存在的主要问题和改进情况', kind: 'variant' },
      { text: '存在主要问题及改进情况', kind: 'variant' },
      { text: '存在的主要问题及改进措施', kind: 'variant' },
      { text: '存在的主要问题及整改措施', kind: 'variant' },
      { text: '存在的主要问题及明年工作计划', kind: 'variant' },
      { text: '政府信息公开工作存在的主要问题及改进措施', kind: 'variant' },
    ],
    keywords: ['问题', '改进', '整改'],
  },
  {
    index: 6,
    numeral: '六',
    title: '其他需要报告的事项',
    variants: [
      { text: '其他需要报告事项', kind: 'variant' },
      { text: '需要说明的其他事项', kind: 'variant' },
      { text: '需要说明的其他事项与附表', kind: 'variant' },
    ],
    keywords: ['其他', '事项'],
  },
];

/**
 * A local structure (spec §1.3): a region's own numbering of the national sections, with its
 * own title for some of them. The 2025 reports of one region number the 信息处理费 statement
 * (which the national format puts in 六) as a section of its own, 五、信息处理费收取情况, and
 * move 存在的主要问题 to 六; there is no 其他需要报告的事项. The reader reads such a report as
 * the six sections it has; `section-title` reports the deviation once, unless a workspace
 * declares the structure accepted (`localStructures` in .nianbaorc.json, the editor setting
 * `nianbao.localStructures`).
 */
export interface LocalStructure {
  /** Stable id, the value users write in their configuration. */
  id: string;
  /** The headings 五 and 六 as this structure writes them, for messages. */
  description: { zh: string; en: string };
  /** National section indexes in the order this structure numbers them 一、二、… */
  order: number[];
  /** Titles this structure gives to national sections. */
  titles: { index: number; text: string }[];
}

export const LOCAL_STRUCTURES: LocalStructure[] = [
  {
    id: 'fee-section',
    description: {
      zh: '五、信息处理费收取情况；六、存在的主要问题及改进情况',
      en: '五 信息处理费收取情况 (information processing fees); 六 存在的主要问题及改进情况 (problems and improvements)',
    },
    order: [1, 2, 3, 4, 6, 5],
    titles: [{ index: 6, text: '信息处理费收取情况' }],
  },
];

export const NATIONAL_ORDER = [1, 2, 3, 4, 5, 6];

export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Value of a section numeral: 一…十 or 1…10 (after normalisation). */
export function numeralValue(s: string): number | null {
  const i = CHINESE_NUMERALS.indexOf(s);
  if (i >= 0) return i + 1;
  if (/^[0-9]{1,2}$/.test(s)) return Number(s);
  return null;
}

/** Text reduced for fuzzy comparison: no spaces, no punctuation, ASCII/Chinese unified. */
export function squash(s: string): string {
  return s.replace(/[\s、,，.．。:：;；“”"'‘’()（）《》〈〉[\]【】\-—_·*]/g, '');
}
