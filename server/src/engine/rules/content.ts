// Content rules (spec §5): prose vs. table (R-NARR), 信息处理费 in 六 (R-FEE-SEC6), year and
// date consistency (R-YEAR, R-DATE), the basis citation (R-BASIS), and last year's report
// (EQ-X-CARRY). Prose rules are deliberately conservative: a number is only compared when
// the sentence is clearly about 政府信息公开申请 and the number maps to exactly one cell.

import { PLACEHOLDER_RE } from '../format/placeholders';
import { TEMPLATES } from '../format/templates';
import { columnName } from '../format/vocabulary';
import type { Cell, ReportModel, Span } from '../model';
import { normalizedText } from '../text/normalized';
import { spanToOriginal, type NormalizedText } from '../text/normalize';
import { cellAt } from './lookup';
import type { Rule } from './types';

const nt = (model: ReportModel): NormalizedText => normalizedText(model);

/** Prose outside the tables, as normalised [start, end) ranges. */
function proseRanges(model: ReportModel, n: NormalizedText): { start: number; end: number }[] {
  const tableSpans = [model.tables.T2, model.tables.T3, model.tables.T4].filter((t) => !!t).map((t) => t!.span);
  // Map original table spans to normalised offsets (binary search in the map).
  const toNorm = (o: number) => {
    let lo = 0;
    let hi = n.map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (n.map[mid]! < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const cuts = tableSpans.map((s) => ({ start: toNorm(s.start), end: toNorm(s.end) })).sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  let pos = 0;
  for (const c of cuts) {
    if (c.start > pos) out.push({ start: pos, end: c.start });
    pos = Math.max(pos, c.end);
  }
  if (pos < n.text.length) out.push({ start: pos, end: n.text.length });
  return out;
}

const num = (c: Cell | 'no-row'): number | null => (c === 'no-row' ? null : c.state === 'number' ? c.value : c.state === 'blank' || c.state === 'absent' ? 0 : null);
const t3 = (m: ReportModel, row: string, col = 'C7') => num(cellAt(m, { table: 'T3', row, col }));
const t4 = (m: ReportModel, col: string) => num(cellAt(m, { table: 'T4', row: 'T4', col }));

const EXCLUDE = /来信|信箱|留言|咨询|信访|热线|12345|意见建议/;
const ABOUT_APPLICATIONS = /信息公开申请|依申请|申请公开/;

interface Claim {
  at: number; // normalised offset of the number
  len: number;
  value: number;
  what: { zh: string; en: string };
  expected: number | null;
  cell?: Cell | 'no-row';
  /** false when the number is not that one cell's value (e.g. 含上年结转: 一 + 二). */
  exact?: boolean;
  /** For a claim made in words, not a number (`已全部办结`): the whole message. */
  says?: (expected: number) => { zh: string; en: string };
}

/** A number the prose states about the tables, with the cell it is about when it is exactly one. */
export interface NarrativeClaim {
  /** Where the number is in the original text. */
  span: Span;
  value: number;
  what: { zh: string; en: string };
  /** The table's value for the same thing (null when the table cannot say). */
  expected: number | null;
  /** The one table cell the number states (absent for sums such as 予以公开及部分公开). */
  cell?: Cell;
  /** A cell to show beside the claim (may differ from `cell`, e.g. 含上年结转). */
  shown?: Cell;
  /** For a claim made in words, not a number (`已全部办结`): the whole message. */
  says?: (expected: number) => { zh: string; en: string };
}

const claimCache = new WeakMap<ReportModel, NarrativeClaim[]>();

/** Every claim the prose makes about the tables (computed once per model; also evidence for localise/). */
export function narrativeClaims(model: ReportModel): NarrativeClaim[] {
  let out = claimCache.get(model);
  if (out) return out;
  out = [];
  claimCache.set(model, out);
  if (!model.tables.T3 && !model.tables.T4) return out;
  const n = nt(model);
  const text = n.text;
  for (const r of proseRanges(model, n)) {
    // Sentences: split at 。；！？ and line breaks.
    let s = r.start;
    for (let i = r.start; i <= r.end; i++) {
      const ch = i < r.end ? text[i]! : '。';
      if (ch !== '。' && ch !== '；' && ch !== ';' && ch !== '！' && ch !== '？' && ch !== '\n') continue;
      if (i - s >= 6)
        checkSentence(model, text, s, i, (c) => {
          const shown = c.cell && c.cell !== 'no-row' ? c.cell : undefined;
          out!.push({ span: spanToOriginal(n, c.at, c.at + c.len), value: c.value, what: c.what, expected: c.expected, shown, cell: c.exact === false ? undefined : shown, says: c.says });
        });
      s = i + 1;
    }
  }
  return out;
}

export const narrativeMismatch: Rule = {
  code: 'narrative-mismatch',
  defaultSeverity: 'warning',
  spec: ['R-NARR'],
  description: { zh: '正文中的数字与表格不一致', en: 'A number in the prose contradicts the table' },
  docs: {
    why: 'Numbers in the prose that clearly refer to table cells must equal them (R-NARR). Only sentences about 政府信息公开申请 are compared (件 or 份); letters, mailboxes, 留言, 咨询 never are; a number that could mean several cells is not compared.',
    bad: '共收到政府信息公开申请21件 while 一、本年新收 总计 is 20',
    fix: 'Correct the prose or the table.',
  },
  check({ model, report }) {
    for (const c of narrativeClaims(model)) {
      if (c.expected === null || c.expected === c.value) continue;
      report({
        code: 'narrative-mismatch',
        span: c.span,
        message: c.says ? c.says(c.expected) : { zh: `正文称${c.what.zh} ${c.value}，表格为 ${c.expected}`, en: `The text says ${c.what.en} ${c.value}; the table says ${c.expected}` },
        expected: c.expected,
        actual: c.value,
        related: c.shown?.span ? [{ span: c.shown.span, message: { zh: '表格中的值', en: 'value in the table' } }] : [],
      });
    }
  },
};

function checkSentence(model: ReportModel, text: string, s: number, e: number, emit: (c: Claim) => void): void {
  const sentence = text.slice(s, e);
  if (EXCLUDE.test(sentence)) return;
  // Clauses inside the sentence (，,): counts are matched per clause.
  const about = ABOUT_APPLICATIONS.test(sentence);
  let cs = 0;
  for (let i = 0; i <= sentence.length; i++) {
    const ch = i < sentence.length ? sentence[i]! : '，';
    if (ch !== '，' && ch !== ',' && ch !== '、') continue;
    const clause = sentence.slice(cs, i);
    const base = s + cs;
    cs = i + 1;
    if (about) {
      // 件 or 份: both are used as the measure word for applications (“收到政府信息公开申请3份”).
      const m = /信息公开申请[^0-9]{0,4}?(\d+)\s*(?:件|份)/.exec(clause);
      if (m) {
        const carried = /含上年(?:度)?结转/.test(clause);
        const r1 = t3(model, 'R1');
        const r2 = t3(model, 'R2');
        const expected = r1 === null ? null : carried ? (r2 === null ? null : r1 + r2) : r1;
        emit({ at: base + m.index + m[0].indexOf(m[1]!), len: m[1]!.length, value: Number(m[1]), expected, what: { zh: '收到政府信息公开申请', en: 'information-disclosure applications received' }, cell: cellAt(model, { table: 'T3', row: 'R1', col: 'C7' }), exact: !carried });
      }
    }
    if (about) {
      const sum = (ids: string[]) => ids.reduce<number | null>((a, id) => (a === null ? null : ((v) => (v === null ? null : a + v))(t3(model, id))), 0);
      const both = /予以公开(?:及|和|、)部分公开[^0-9]{0,4}?(\d+)\s*件/.exec(clause);
      const granted = both ? null : /予以公开[^0-9，、及和]{0,4}?(\d+)\s*件/.exec(clause);
      const refused = /不予公开[^0-9，]{0,4}?(\d+)\s*件/.exec(clause);
      if (both) emit({ at: base + both.index + both[0].lastIndexOf(both[1]!), len: both[1]!.length, value: Number(both[1]), expected: sum(['R3_1', 'R3_2']), what: { zh: '予以公开及部分公开', en: 'granted and partly granted' } });
      else if (granted && !/不予公开/.test(clause.slice(0, granted.index + 4)))
        emit({ at: base + granted.index + granted[0].lastIndexOf(granted[1]!), len: granted[1]!.length, value: Number(granted[1]), expected: t3(model, 'R3_1'), what: { zh: '予以公开', en: 'granted' }, cell: cellAt(model, { table: 'T3', row: 'R3_1', col: 'C7' }) });
      if (refused) emit({ at: base + refused.index + refused[0].lastIndexOf(refused[1]!), len: refused[1]!.length, value: Number(refused[1]), expected: sum(['R3_3_1', 'R3_3_2', 'R3_3_3', 'R3_3_4', 'R3_3_5', 'R3_3_6', 'R3_3_7', 'R3_3_8']), what: { zh: '不予公开', en: 'refused' } });
    }
    const carry = /上年(?:度)?结转(?:的)?(?:政府信息公开)?申请[^0-9]{0,4}?(\d+)\s*件/.exec(clause);
    if (carry) emit({ at: base + carry.index + carry[0].lastIndexOf(carry[1]!), len: carry[1]!.length, value: Number(carry[1]), expected: t3(model, 'R2'), what: { zh: '上年结转申请', en: 'applications carried over from last year' }, cell: cellAt(model, { table: 'T3', row: 'R2', col: 'C7' }) });
    const next = /结转下(?:一)?年度(?:继续办理)?[^0-9]{0,4}?(\d+)\s*件/.exec(clause);
    if (next && (about || /申请/.test(sentence))) emit({ at: base + next.index + next[0].lastIndexOf(next[1]!), len: next[1]!.length, value: Number(next[1]), expected: t3(model, 'R4'), what: { zh: '结转下年度继续办理', en: 'applications carried over to next year' }, cell: cellAt(model, { table: 'T3', row: 'R4', col: 'C7' }) });
    const review = /(?:被申请)?行政复议[^0-9，。]{0,4}?(\d+)\s*(?:件|起|次)/.exec(clause);
    if (review && /政府信息公开|信息公开/.test(sentence)) emit({ at: base + review.index + review[0].lastIndexOf(review[1]!), len: review[1]!.length, value: Number(review[1]), expected: t4(model, 'RV5'), what: { zh: '行政复议', en: 'administrative reviews' }, cell: cellAt(model, { table: 'T4', row: 'T4', col: 'RV5' }) });
  }
  // `全部办结` / `均已办结` ⇒ nothing carried over to next year.
  if (about && /(?:全部|均已|均)办结/.test(sentence) && !/结转/.test(sentence)) {
    const r4 = t3(model, 'R4');
    const i = sentence.search(/(?:全部|均已|均)办结/);
    if (r4 !== null && r4 !== 0) {
      const len = sentence.slice(i).match(/^(?:全部|均已|均)办结/)![0].length;
      emit({ at: s + i, len, value: 0, expected: r4, what: { zh: '已全部办结', en: 'all were handled' }, says: (n) => ({ zh: `正文称申请已全部办结，但表三“结转下年度继续办理”为 ${n}（全部办结时应为 0）`, en: `The text says all applications were handled, but table 3 carries ${n} over to next year (0 if all were handled)` }), cell: cellAt(model, { table: 'T3', row: 'R4', col: 'C7' }) });
    }
  }
  // `未发生/未产生…行政复议/行政诉讼` ⇒ the table-4 totals are 0.
  const none = /未(?:发生|产生|出现)[^。]{0,30}?(行政复议|行政诉讼)/.exec(sentence);
  if (none && /政府信息公开|信息公开/.test(sentence)) {
    const rv = t4(model, 'RV5');
    const ld = t4(model, 'LD5');
    const lr = t4(model, 'LR5');
    const sawReview = /行政复议/.test(sentence.slice(none.index));
    const sawSuit = /行政诉讼/.test(sentence.slice(none.index));
    if (sawReview && rv !== null && rv !== 0) emit({ at: s + none.index, len: none[0].length, value: 0, expected: rv, what: { zh: '未发生行政复议', en: 'no administrative review' }, cell: cellAt(model, { table: 'T4', row: 'T4', col: 'RV5' }) });
    if (sawSuit && ld !== null && lr !== null && ld + lr !== 0) emit({ at: s + none.index, len: none[0].length, value: 0, expected: ld + lr, what: { zh: '未发生行政诉讼', en: 'no lawsuit' } });
  }
}

export const feeStatement: Rule = {
  code: 'fee-statement',
  defaultSeverity: 'info',
  spec: ['R-FEE-SEC6', 'SEC-7'],
  description: { zh: '第六部分应说明是否收取信息处理费', en: 'Section 6 (六) states whether an information processing fee was charged' },
  docs: {
    why: 'Since the 信息处理费 rules (国办函〔2020〕109号) took effect, 六 is expected to say whether a fee was charged (R-FEE-SEC6).',
    bad: '六、其他需要报告的事项\n无。',
    fix: 'Write e.g. `本年度未收取信息处理费。`',
  },
  check({ model, report }) {
    if (model.template.id !== 'F2021') return;
    const six = model.sections.find((s) => s.heading.index === 6 && s.heading.titleMatch !== 'none');
    if (!six) return;
    // From the end of the title: a one-line export may carry the body on the heading line.
    // A placeholder that mentions the fee (`（待填写：…信息处理费…）`) is not a statement.
    const body = model.text.slice(six.heading.title.span.end, six.span.end).replace(PLACEHOLDER_RE, '');
    if (/处理费|收费/.test(body)) return;
    report({
      code: 'fee-statement',
      span: six.heading.span,
      message: {
        zh: '第六部分未说明是否收取信息处理费（如“本年度未收取信息处理费”或收费金额）',
        en: 'Section 6 (六) does not say whether an information processing fee was charged (e.g. “本年度未收取信息处理费”)',
      },
    });
  },
};

export const yearMismatch: Rule = {
  code: 'year-mismatch',
  defaultSeverity: 'warning',
  spec: ['R-YEAR'],
  description: { zh: '统计期限与报告年度一致', en: 'The statistics period matches the report year' },
  docs: {
    why: 'The statistics period names the report year (R-YEAR).',
    bad: '2024年度报告 … 统计期限自2023年1月1日起至2023年12月31日止',
    fix: 'Quick fix: the report year.',
  },
  check({ model, report }) {
    if (!model.year || model.year.source !== 'title') return;
    const Y = model.year.value;
    const n = nt(model);
    const m = /(?:统计期限|统计期|统计时间|统计周期)[^0-9\n]{0,12}(\d{4})\s*年\s*1\s*月\s*1\s*日[^0-9\n]{0,6}(\d{4})\s*年\s*12\s*月\s*31\s*日/.exec(n.text);
    if (!m) return;
    for (const g of [1, 2]) {
      const y = Number(m[g]);
      if (y === Y) continue;
      const at = m.index + m[0].indexOf(m[g]!, g === 2 ? m[0].indexOf('年') + 1 : 0);
      report({
        code: 'year-mismatch',
        span: spanToOriginal(n, at, at + 4),
        message: { zh: `统计期限写的是 ${y} 年，报告年度为 ${Y} 年`, en: `The statistics period names ${y}; the report is for ${Y}` },
        related: [{ span: model.year.span, message: { zh: '标题中的年度', en: 'year in the title' } }],
        fixes: [{ title: { zh: `改为 ${Y}`, en: `Change to ${Y}` }, edits: [{ span: spanToOriginal(n, at, at + 4), newText: String(Y) }], isPreferred: true, safe: false }],
      });
    }
  },
};

export const publishDate: Rule = {
  code: 'publish-date',
  defaultSeverity: 'warning',
  spec: ['R-DATE'],
  description: { zh: '落款日期应在法定期限内（次年 1 月 31 日 / 3 月 31 日前）', en: 'The signature date is within the statutory window' },
  docs: {
    why: '《条例》第四十九条: departments publish by 31 January, governments by 31 March of the next year (R-DATE).',
    bad: '2021年度报告 dated 2022年5月8日',
    fix: 'Publish on time; check the date.',
  },
  check({ model, report }) {
    if (!model.year) return;
    const Y = model.year.value;
    const text = model.text;
    const tail = text.length > 400 ? text.length - 400 : 0;
    const re = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;
    const m = re.exec(text.slice(tail).trimEnd());
    if (!m) return;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const start = tail + m.index;
    const span: Span = { start, end: start + m[0].trimEnd().length };
    if (y === Y + 1 && (mo < 3 || (mo === 3 && d <= 31))) return;
    report({
      code: 'publish-date',
      span,
      message:
        y !== Y + 1
          ? { zh: `落款日期为 ${y} 年，${Y} 年度报告应于 ${Y + 1} 年发布`, en: `Dated ${y}; a report for ${Y} is published in ${Y + 1}` }
          : { zh: `落款日期 ${y}年${mo}月${d}日 晚于法定期限（部门 1 月 31 日，本级政府 3 月 31 日）`, en: `Dated ${y}-${mo}-${d}, after the statutory deadline (departments 31 Jan, governments 31 Mar)` },
    });
  },
};

export const basisCitation: Rule = {
  code: 'basis-citation',
  defaultSeverity: 'info',
  spec: ['R-BASIS'],
  description: { zh: '引用的格式通知应与报告年度对应', en: 'The cited format notice fits the report year' },
  docs: {
    why: 'Reports from 2021 on follow 国办公开办函〔2021〕30号; citing the 2019 notice (60号) is outdated (R-BASIS).',
    bad: '2021年度报告 citing 国办公开办函〔2019〕60号',
    fix: 'Cite 国办公开办函〔2021〕30号.',
  },
  check({ model, report }) {
    if (!model.year) return;
    const Y = model.year.value;
    const n = nt(model);
    const wrong = Y >= 2021 ? /国办公开办函\s*[〔[(]\s*2019\s*[〕\])]\s*60\s*号/ : Y >= 2019 ? /国办公开办函\s*[〔[(]\s*2021\s*[〕\])]\s*30\s*号/ : null;
    if (!wrong) return;
    const m = wrong.exec(n.text);
    if (!m) return;
    report({
      code: 'basis-citation',
      span: spanToOriginal(n, m.index, m.index + m[0].length),
      message:
        Y >= 2021
          ? { zh: `${Y} 年度报告引用了 2019 年的格式通知；现行格式为国办公开办函〔2021〕30号`, en: `A ${Y} report cites the 2019 format notice; the current format is 国办公开办函〔2021〕30号` }
          : { zh: `${Y} 年度报告引用了 2021 年的格式通知；当年格式为国办公开办函〔2019〕60号`, en: `A ${Y} report cites the 2021 notice; that year's format is 国办公开办函〔2019〕60号` },
    });
  },
};

export const carryOver: Rule = {
  code: 'carry-over',
  defaultSeverity: 'warning',
  spec: ['EQ-X-CARRY'],
  description: { zh: '上年结转应等于上一年度报告的结转下年度继续办理', en: 'Carried over from last year equals last year’s carried over to next year' },
  docs: {
    why: 'This year’s 上年结转 equals last year’s 结转下年度继续办理, per column (EQ-X-CARRY). Needs last year’s report (CLI `--previous`, or pairing by agency and year; editor setting `nianbao.previousReport`).',
    bad: '2024: 二、上年结转 … 0   2023: 四、结转下年度继续办理 … 2',
    fix: 'Check both reports.',
  },
  check({ model, options, report }) {
    const prev = options.previous?.model;
    if (!prev || !model.tables.T3 || !prev.tables.T3) return;
    for (const { id: col } of TEMPLATES.F2021.T3.columns) {
      const mine = cellAt(model, { table: 'T3', row: 'R2', col });
      const theirs = cellAt(prev, { table: 'T3', row: 'R4', col });
      const a = num(mine);
      const b = num(theirs);
      if (a === null || b === null || a === b || mine === 'no-row' || !mine.span) continue;
      const cn = columnName('T3', col);
      report({
        code: 'carry-over',
        span: mine.span,
        message: {
          zh: `上年结转（${cn.zh}）为 ${a}，上一年度报告的“结转下年度继续办理”为 ${b}`,
          en: `Carried over from last year (${cn.en}) is ${a}; last year’s report carried ${b} over`,
        },
        expected: b,
        actual: a,
        related: theirs !== 'no-row' && theirs.span ? [{ span: theirs.span, uri: options.previous?.uri, message: { zh: '上一年度报告中的值', en: 'value in last year’s report' } }] : [],
        location: { kind: 'cells', table: 'T3', row: 'R2', cols: [col] },
      });
    }
  },
};
