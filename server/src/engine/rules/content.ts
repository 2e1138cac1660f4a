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
import type { Report, Rule } from './types';

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
  for (const sentence of proseSentences(model, n)) {
    // Every claim holds a number, or is 全部办结 / 未收到 / 未发生.
    if (sentence.text.length < 6 || !MAY_CLAIM.test(sentence.text)) continue;
    checkSentence(model, sentence.text, (c) => {
      const shown = c.cell && c.cell !== 'no-row' ? c.cell : undefined;
      const span = spanToOriginal(n, offsetAt(sentence, c.at), offsetAt(sentence, c.at + c.len - 1) + 1);
      out!.push({ span, value: c.value, what: c.what, expected: c.expected, shown, cell: c.exact === false ? undefined : shown, says: c.says });
    });
  }
  return out;
}

export const narrativeMismatch: Rule = {
  code: 'narrative-mismatch',
  defaultSeverity: 'warning',
  spec: ['R-NARR'],
  description: { zh: '正文中的数字与表格不一致', en: 'A number in the prose contradicts the table' },
  docs: {
    why: 'Numbers in the prose that clearly refer to table cells must equal them (R-NARR). Only sentences about 政府信息公开申请 are compared; letters, mailboxes, 留言, 咨询 never are; a number that could mean several cells is not compared. Compared: new applications (`收到/受理/新收…政府信息公开申请 N件`, also in 份, 条 or 项, and `收到依申请公开 N项`; with `含上年结转` against 一 + 二), by applicant (`自然人申请 N件` → 自然人, `法人申请 N件` → the five organisation columns), `办结/答复…申请 N件` → （七）总计, 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理 (against the sum of their items), 上年结转, 结转下年度, `全部办结`, `未收到…申请`, 行政复议 and 行政诉讼 counts and `未发生…行政复议/行政诉讼`. A sentence that a PDF text layer wraps over lines is read as one.',
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

/** A sentence: its text, and the normalised ranges [s0, e0, s1, e1, …] it was joined from. */
interface Sentence {
  text: string;
  segs: number[];
}

/** Normalised offset of character `k` of a sentence. */
function offsetAt(sentence: Sentence, k: number): number {
  const segs = sentence.segs;
  for (let i = 0; i < segs.length; i += 2) {
    const len = segs[i + 1]! - segs[i]!;
    if (k < len) return segs[i]! + k;
    k -= len;
  }
  return segs[segs.length - 1]!;
}

const SENTENCE_END = new Set([0x3002, 0xff1b, 0x3b, 0xff01, 0xff1f, 0x21, 0x3f]); // 。；;！？!?
const NOT_WRAPPED_AFTER = /[。！？；;:：]$/;

/**
 * The sentences of a prose range (split at 。；！？ and paragraph ends). A line break inside a
 * paragraph — a PDF text layer wraps lines at the page width: a long line that does not end
 * a sentence — is not a boundary: it and the next line's indentation are left out of the
 * sentence, so `申请3\n  份` reads as `申请3份`.
 */
function sentences(text: string, start: number, end: number): Sentence[] {
  const out: Sentence[] = [];
  let segs: number[] = [];
  let from = start;
  let lineFrom = start;
  const cut = (to: number) => {
    if (to > from) segs.push(from, to);
  };
  const flush = () => {
    if (segs.length > 0) {
      let t = text.slice(segs[0]!, segs[1]!);
      for (let k = 2; k < segs.length; k += 2) t += text.slice(segs[k]!, segs[k + 1]!);
      if (t.trim()) out.push({ text: t, segs });
    }
    segs = [];
  };
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (SENTENCE_END.has(c)) {
      cut(i);
      flush();
      from = i + 1;
      continue;
    }
    if (c !== 10 && c !== 13) continue;
    const brk = i;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    const line = text.slice(lineFrom, brk).trimEnd();
    const visible = line.length - (line.match(/[ \t\f]/g)?.length ?? 0);
    const wrapped = visible >= 20 && !NOT_WRAPPED_AFTER.test(line) && (segs.length > 0 || brk > from);
    cut(brk);
    let j = i + 1;
    if (wrapped) while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '\f')) j++;
    else flush();
    from = j;
    lineFrom = i + 1;
    i = j - 1;
  }
  cut(end);
  flush();
  return out;
}

/** The prose sentences of a model, read once for the rules that need them. */
const sentenceCache = new WeakMap<ReportModel, Sentence[]>();
function proseSentences(model: ReportModel, n: NormalizedText): Sentence[] {
  let all = sentenceCache.get(model);
  if (!all) {
    all = proseRanges(model, n).flatMap((r) => sentences(n.text, r.start, r.end));
    sentenceCache.set(model, all);
  }
  return all;
}

/** Sum of table 3's 总计 over a group's items (`R3_4` → R3_4_1…), or the group's own row
 *  when it is one row (（六）其他处理 in F2019 and the mixed template). */
function groupTotal(model: ReportModel, group: string): number | null {
  const rows = model.tables.T3?.rows ?? [];
  const items = rows.filter((r) => r.id.startsWith(`${group}_`));
  const ids = items.length > 0 ? items.map((r) => r.id) : rows.some((r) => r.id === group) ? [group] : [];
  if (ids.length === 0) return null;
  let total = 0;
  for (const id of ids) {
    const v = t3(model, id);
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** Table 3's 一、本年新收 summed over the five 法人或其他组织 columns. */
function legalPersons(model: ReportModel): number | null {
  let total = 0;
  for (const col of ['C2', 'C3', 'C4', 'C5', 'C6']) {
    const v = t3(model, 'R1', col);
    if (v === null) return null;
    total += v;
  }
  return total;
}

const MAY_CLAIM = /\d|办结|未(?:收到|受理|发生|产生|出现)/;
const COUNT = '(\\d+)\\s*(?:件|份|条|项)';
/** Counts of one table-3 cell or group, said in a clause of a sentence about applications. */
const APPLICATION_COUNTS: { re: RegExp; what: { zh: string; en: string }; expected: (m: ReportModel) => number | null; cell?: { row: string; col: string } }[] = [
  { re: new RegExp(`(?:其中)?法人(?:或其他组织|和其他组织|及其他组织)?(?:提出(?:的)?)?(?:申请)?[^0-9，,]{0,2}?${COUNT}`), what: { zh: '法人或其他组织的申请', en: 'applications from legal persons and other organisations' }, expected: legalPersons },
  { re: new RegExp(`自然人(?:提出(?:的)?)?(?:申请)?[^0-9，,]{0,2}?${COUNT}`), what: { zh: '自然人的申请', en: 'applications from natural persons' }, expected: (m) => t3(m, 'R1', 'C1'), cell: { row: 'R1', col: 'C1' } },
  { re: new RegExp(`(?:办结|答复|办理)(?:了)?(?:政府信息公开|依申请公开)?(?:申请)?${COUNT}`), what: { zh: '办结的申请', en: 'applications handled' }, expected: (m) => t3(m, 'R3_7'), cell: { row: 'R3_7', col: 'C7' } },
  { re: new RegExp(`(?<![及和、])部分公开[^0-9，,]{0,4}?${COUNT}`), what: { zh: '部分公开', en: 'partly granted' }, expected: (m) => t3(m, 'R3_2'), cell: { row: 'R3_2', col: 'C7' } },
  { re: new RegExp(`无法提供[^0-9，,]{0,4}?${COUNT}`), what: { zh: '无法提供', en: 'could not be provided' }, expected: (m) => groupTotal(m, 'R3_4') },
  { re: new RegExp(`不予处理[^0-9，,]{0,4}?${COUNT}`), what: { zh: '不予处理', en: 'not processed' }, expected: (m) => groupTotal(m, 'R3_5') },
  { re: new RegExp(`其他处理[^0-9，,]{0,4}?${COUNT}`), what: { zh: '其他处理', en: 'otherwise handled' }, expected: (m) => groupTotal(m, 'R3_6') },
];

function checkSentence(model: ReportModel, sentence: string, emit: (c: Claim) => void): void {
  if (EXCLUDE.test(sentence)) return;
  // Clauses inside the sentence (，,): counts are matched per clause.
  const about = ABOUT_APPLICATIONS.test(sentence);
  let cs = 0;
  for (let i = 0; i <= sentence.length; i++) {
    const ch = i < sentence.length ? sentence[i]! : '，';
    if (ch !== '，' && ch !== ',' && ch !== '、') continue;
    const clause = sentence.slice(cs, i);
    const base = cs;
    cs = i + 1;
    if (about) {
      const m = /信息公开申请[^0-9]{0,4}?(\d+)\s*(?:件|份|条|项)/.exec(clause) ?? /(?:收到|受理|新收)[^0-9，,]{0,6}?依申请公开(?:事项|事宜)?[^0-9]{0,2}?(\d+)\s*(?:件|份|条|项)/.exec(clause);
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
      for (const p of APPLICATION_COUNTS) {
        const m = p.re.exec(clause);
        if (!m) continue;
        emit({ at: base + m.index + m[0].lastIndexOf(m[1]!), len: m[1]!.length, value: Number(m[1]), expected: p.expected(model), what: p.what, ...(p.cell ? { cell: cellAt(model, { table: 'T3', ...p.cell }) } : {}) });
      }
    }
    const carry = /上年(?:度)?结转(?:的)?(?:政府信息公开)?申请[^0-9]{0,4}?(\d+)\s*件/.exec(clause);
    if (carry) emit({ at: base + carry.index + carry[0].lastIndexOf(carry[1]!), len: carry[1]!.length, value: Number(carry[1]), expected: t3(model, 'R2'), what: { zh: '上年结转申请', en: 'applications carried over from last year' }, cell: cellAt(model, { table: 'T3', row: 'R2', col: 'C7' }) });
    const next = /结转下(?:一)?年度(?:继续办理)?[^0-9]{0,4}?(\d+)\s*件/.exec(clause);
    if (next && (about || /申请/.test(sentence))) emit({ at: base + next.index + next[0].lastIndexOf(next[1]!), len: next[1]!.length, value: Number(next[1]), expected: t3(model, 'R4'), what: { zh: '结转下年度继续办理', en: 'applications carried over to next year' }, cell: cellAt(model, { table: 'T3', row: 'R4', col: 'C7' }) });
    const suit = /行政诉讼[^0-9，,。]{0,4}?(\d+)\s*(?:件|起|次|条)/.exec(clause);
    if (suit && /政府信息公开|信息公开/.test(sentence)) {
      const ld = t4(model, 'LD5');
      const lr = t4(model, 'LR5');
      emit({ at: base + suit.index + suit[0].lastIndexOf(suit[1]!), len: suit[1]!.length, value: Number(suit[1]), expected: ld === null || lr === null ? null : ld + lr, what: { zh: '行政诉讼', en: 'lawsuits' } });
    }
    const review = /(?:被申请)?行政复议[^0-9，,。]{0,4}?(\d+)\s*(?:件|起|次|条)/.exec(clause);
    if (review && /政府信息公开|信息公开/.test(sentence)) emit({ at: base + review.index + review[0].lastIndexOf(review[1]!), len: review[1]!.length, value: Number(review[1]), expected: t4(model, 'RV5'), what: { zh: '行政复议', en: 'administrative reviews' }, cell: cellAt(model, { table: 'T4', row: 'T4', col: 'RV5' }) });
  }
  // `全部办结` / `均已办结` ⇒ nothing carried over to next year.
  if (about && /(?:全部|均已|均)办结/.test(sentence) && !/结转/.test(sentence)) {
    const r4 = t3(model, 'R4');
    const i = sentence.search(/(?:全部|均已|均)办结/);
    if (r4 !== null && r4 !== 0) {
      const len = sentence.slice(i).match(/^(?:全部|均已|均)办结/)![0].length;
      emit({ at: i, len, value: 0, expected: r4, what: { zh: '已全部办结', en: 'all were handled' }, says: (n) => ({ zh: `正文称申请已全部办结，但表三“结转下年度继续办理”为 ${n}（全部办结时应为 0）`, en: `The text says all applications were handled, but table 3 carries ${n} over to next year (0 if all were handled)` }), cell: cellAt(model, { table: 'T3', row: 'R4', col: 'C7' }) });
    }
  }
  // `未收到/未受理…信息公开申请` ⇒ no application this year.
  const noApplication = /未(?:收到|受理)(?:过)?(?:任何)?(?:政府)?(?:信息公开申请|依申请公开)/.exec(sentence);
  if (noApplication) {
    const r1 = t3(model, 'R1');
    if (r1 !== null && r1 !== 0) emit({ at: noApplication.index, len: noApplication[0].length, value: 0, expected: r1, what: { zh: '未收到政府信息公开申请', en: 'no application received' }, cell: cellAt(model, { table: 'T3', row: 'R1', col: 'C7' }) });
  }
  // `未发生/未产生…行政复议/行政诉讼` ⇒ the table-4 totals are 0.
  const none = /未(?:发生|产生|出现)[^。]{0,30}?(行政复议|行政诉讼)/.exec(sentence);
  if (none && /政府信息公开|信息公开/.test(sentence)) {
    const rv = t4(model, 'RV5');
    const ld = t4(model, 'LD5');
    const lr = t4(model, 'LR5');
    const sawReview = /行政复议/.test(sentence.slice(none.index));
    const sawSuit = /行政诉讼/.test(sentence.slice(none.index));
    if (sawReview && rv !== null && rv !== 0) emit({ at: none.index, len: none[0].length, value: 0, expected: rv, what: { zh: '未发生行政复议', en: 'no administrative review' }, cell: cellAt(model, { table: 'T4', row: 'T4', col: 'RV5' }) });
    if (sawSuit && ld !== null && lr !== null && ld + lr !== 0) emit({ at: none.index, len: none[0].length, value: 0, expected: ld + lr, what: { zh: '未发生行政诉讼', en: 'no lawsuit' } });
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
  description: { zh: '统计期限和正文所写年度与报告年度一致', en: 'The statistics period and the prose name the report year' },
  docs: {
    why: 'The statistics period names the report year (R-YEAR). Also prose about this report’s own figures written under another year — a sentence in 一…四 that opens with a year other than the report’s (or the next, which is plans), gives counts and compares with nothing (`2023年，在主动公开的61条…` in a 2024 report: text kept from last year’s report). Comparisons (`较上年`, `同比`, `以来`, `累计`) and dates (`2023年12月`) are not reported.',
    bad: '2024年度报告 … 统计期限自2023年1月1日起至2023年12月31日止',
    fix: 'Quick fix: the report year.',
  },
  check({ model, report }) {
    if (!model.year || model.year.source !== 'title') return;
    const Y = model.year.value;
    const n = nt(model);
    proseYears(model, n, Y, report);
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

// A sentence that opens with a year (after a sub-heading, if any) — not a date (`2023年12月`).
const OPENING_YEAR = /^[ \t]*(?:[(（][一二三四五六七八九十]{1,3}[)）][^，,:：0-9]{0,14}?[:：]?)?[ \t]*(\d{4})[ \t]*年(?:度)?(?![ \t]*\d{1,2}[ \t]*月)/;
/** Words that make a sentence a comparison or a span of years, not this year's own figures. */
const COMPARISON = /上年|去年|上一年|前一年|同比|环比|相比|比较|较上|较去|以来|自\d{4}|至今|累计|增长|下降|减少|增加|持平|历年|往年/;
const COUNTED = /\d+[ \t]*(?:条|件|个|次|篇|项|份|期)/;

/**
 * Prose about this report's own figures written under another year (`2023年，在主动公开的61条…`
 * in a 2024 report — text kept from last year's report): a sentence of 一…四 that opens with a
 * year other than the report's (the next year is plans), gives counts and compares with nothing.
 */
function proseYears(model: ReportModel, n: NormalizedText, Y: number, report: (f: Report) => void): void {
  const parts = model.sections.filter((s) => s.heading.titleMatch !== 'none' && s.heading.index <= 4);
  if (parts.length === 0) return;
  // Cheap first: is any other year (not Y, not Y + 1) written at all?
  let other = false;
  for (const m of n.text.matchAll(/(\d{4})[ \t]*年/g)) {
    const y = Number(m[1]);
    if (y !== Y && y !== Y + 1) {
      other = true;
      break;
    }
  }
  if (!other) return;
  for (const sentence of proseSentences(model, n)) {
    const m = OPENING_YEAR.exec(sentence.text);
    if (!m) continue;
    const y = Number(m[1]);
    if (y === Y || y === Y + 1 || y < 1990 || !COUNTED.test(sentence.text) || COMPARISON.test(sentence.text)) continue;
    const digits = m.index + m[0].indexOf(m[1]!);
    const at = offsetAt(sentence, digits);
    const startOrig = n.map[at]!;
    if (!parts.some((s) => startOrig >= s.span.start && startOrig < s.span.end)) continue;
    const span = spanToOriginal(n, at, offsetAt(sentence, digits + 3) + 1);
    report({
      code: 'year-mismatch',
      span,
      message: {
        zh: `这句写的是 ${y} 年的情况，报告年度为 ${Y} 年（是否沿用了往年报告的文字？）`,
        en: `This sentence reports figures for ${y}; the report is for ${Y} (text kept from an earlier report?)`,
      },
      related: [{ span: model.year!.span, message: { zh: '报告年度', en: 'report year' } }],
      fixes: [{ title: { zh: `改为 ${Y}`, en: `Change to ${Y}` }, edits: [{ span, newText: String(Y) }], isPreferred: true, safe: false }],
    });
  }
}

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
