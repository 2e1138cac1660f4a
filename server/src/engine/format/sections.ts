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
}

export const SECTIONS: SectionDef[] = [
  { index: 1, numeral: '一', title: '总体情况', variants: [{ text: '概述', kind: 'outdated' }] },
  { index: 2, numeral: '二', title: '主动公开政府信息情况', variants: [], table: 'T2' },
  { index: 3, numeral: '三', title: '收到和处理政府信息公开申请情况', variants: [], table: 'T3' },
  {
    index: 4,
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      { text: '因政府信息公开工作被申请行政复议、提起行政诉讼情况', kind: 'variant' },
      { text: '因政府信息公开工作被申请行政复议和提起行政诉讼情况', kind: 'variant' },
      { text: '因政府信息公开工作被申请行政复议提起行政诉讼情况', kind: 'variant' },
      { text: '政府信息公开行政复议和行政诉讼情况', kind: 'variant' },
    ],
    table: 'T4',
  },
  {
    index: 5,
    numeral: '五',
    title: '存在的主要问题及改进情况',
    variants: [
      { text: '政府信息公开工作存在的主要问题及改进情况', kind: 'variant' },
      { text: '存在问题及改进情况', kind: 'variant' },
      { text: '存在的主要问题和改进情况', kind: 'variant' },
    ],
  },
  { index: 6, numeral: '六', title: '其他需要报告的事项', variants: [] },
];

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
  return s.replace(/[\s、,，.．。:：;；“”"'‘’()（）《》〈〉[\]【】\-—_·]/g, '');
}
