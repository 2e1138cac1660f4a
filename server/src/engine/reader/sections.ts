// Finds the six top-level section headings (spec §1, §1.2) and their sub-headings.
//
// A line is a top-level heading only if, after normalisation, it starts with a section
// numeral and separator (`一、`, `2、`, `二.`, Kangxi `⼀、` → `一、`, spaces tolerated) AND
// the rest matches a canonical title or a known variant (fuzzy, edit-distance ratio ≥ 0.8).
// That rule alone keeps table-3 row labels (`一、本年新收…`, `四、结转下年度继续办理`) and
// numbered list items inside 五 out. Lines inside table regions are skipped as well.

import { LOCAL_STRUCTURES, SECTIONS, numeralValue, squash } from '../format/sections';
import { TEMPLATES } from '../format/templates';
import type { Section, SectionHeading, SubHeading } from '../model';
import { spanToOriginal, type NormalizedText } from '../text/normalize';

// Numeral, then a separator — or none (`一总体情况`, `五 信息处理费收取情况`): a heading with
// no separator is only taken when a title follows at once (see readHeading). Markdown
// wrappers (`## `, `**一、总体情况**`, `**五、**存在…`) are read through.
const HEADING = /^([ \t\f]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?[ \t]*)([一二三四五六七八九十]|[1-9])[ \t]*(?:\*\*|__)?[ \t]*([、.,，．]?)[ \t]*(?:\*\*|__)?[ \t]*/;
const SUBHEADING = /^[ \t\f]*[(（][ \t]*([一二三四五六七八九十]{1,3})[ \t]*[)）]/;

export interface TitleMatch {
  index: number;
  kind: 'canonical' | 'variant' | 'outdated' | 'fuzzy' | 'local';
  /** For `local`: the id of the local structure the title belongs to. */
  structure?: string;
  canonical: string;
  /** Similarity 0..1 (1 - edit distance / length). */
  ratio: number;
}

/** Levenshtein distance, for short strings (titles); two reused rows, no allocation. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  if (n + 1 > rowA.length) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const sub = prev[j - 1]! + cost;
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}

function ratio(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - editDistance(a, b) / len;
}

interface Target {
  index: number;
  kind: 'canonical' | 'variant' | 'outdated' | 'local';
  canonical: string;
  structure?: string;
  sq: string;
}
/** Every accepted title, squashed once: the national titles and variants, then local ones. */
const TARGETS: Target[] = [
  ...SECTIONS.flatMap((def) => [
    { index: def.index, kind: 'canonical' as const, canonical: def.title, sq: squash(def.title) },
    ...def.variants.map((v) => ({ index: def.index, kind: v.kind, canonical: def.title, sq: squash(v.text) })),
  ]),
  ...LOCAL_STRUCTURES.flatMap((ls) =>
    ls.titles.map((t) => ({ index: t.index, kind: 'local' as const, canonical: SECTIONS[t.index - 1]!.title, structure: ls.id, sq: squash(t.text) })),
  ),
];
const EXACT = new Map(TARGETS.map((t) => [t.sq, t]));
/** Longest first, for prefix matching (`…改进措施` before `…改进`). */
const BY_LENGTH = [...TARGETS].sort((a, b) => b.sq.length - a.sq.length);

const toMatch = (t: Target, ratio: number, kind: TitleMatch['kind'] = t.kind): TitleMatch => ({
  index: t.index,
  kind,
  canonical: t.canonical,
  ratio,
  ...(t.structure ? { structure: t.structure } : {}),
});

/** Table 3's numbered row labels without their numeral (`本年度办理结果` …): a stray
 *  `三、本年度` outside a read table is a row label split over lines, not a heading. */
const T3_ROW_TITLES = TEMPLATES.F2021.T3.rows.filter((r) => r.level === 1).map((r) => squash(r.label.replace(/^[一二三四五六]、/, '')));
const isT3RowLabel = (titleText: string): boolean => {
  const t = squash(titleText);
  return t.length > 0 && T3_ROW_TITLES.some((r) => r.startsWith(t) || t.startsWith(r));
};

/** A title with a typo keeps its first or its second character (a cheap filter before the
 *  edit distance, which is the reader's hot spot on long texts). */
const sameStart = (a: string, b: string): boolean => a.charCodeAt(0) === b.charCodeAt(0) || a.charCodeAt(1) === b.charCodeAt(1);

/** Removed by squash (see format/sections.ts), tested one character at a time. */
const SQUASHED = /[\s、,，.．。:：;；“”"'‘’()（）《》〈〉[\]【】\-—_·*]/;

/** Index in `text` just after its first `n` characters that survive squash. */
function prefixEnd(text: string, n: number): number {
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    if (SQUASHED.test(text[i]!)) continue;
    if (++k === n) return i + 1;
  }
  return text.length;
}

/**
 * A title that starts the text, the rest running on (spec §1.3): `存在的主要问题及改进情况2024年，
 * 我局…`, `其他需要报告的事项无。`, `主动公开政府信息情况（有关情况附表）`. Exact prefixes of
 * any accepted title, longest first; else a fuzzy prefix (a typo in a long title followed by
 * text). Returns the match and where the title ends in `text`.
 */
function matchSectionTitlePrefix(text: string, fuzzy = true): { match: TitleMatch; end: number } | null {
  const t = squash(text);
  if (t.length < 2) return null;
  for (const target of BY_LENGTH) {
    if (t.startsWith(target.sq)) return { match: toMatch(target, 1), end: prefixEnd(text, target.sq.length) };
  }
  if (!fuzzy) return null;
  let best: { match: TitleMatch; end: number } | null = null;
  for (const target of TARGETS) {
    const n = target.sq.length;
    if (n < 8 || t.length < n || !sameStart(t, target.sq)) continue;
    for (const len of [n - 1, n, n + 1]) {
      if (len > t.length) continue;
      const r = ratio(t.slice(0, len), target.sq);
      if (r < 0.8 || (best && r <= best.match.ratio)) continue;
      best = { match: toMatch(target, r, 'fuzzy'), end: prefixEnd(text, len) };
    }
  }
  return best;
}

/** Matches a heading's title text (after the numeral) against the six sections. */
export function matchSectionTitle(titleText: string): TitleMatch | null {
  const t = squash(titleText);
  if (t.length < 2 || t.length > 40) return null;
  const exact = EXACT.get(t);
  if (exact) return toMatch(exact, 1);
  let best: TitleMatch | null = null;
  for (const target of TARGETS) {
    // Cheap filters before the edit distance.
    if (Math.abs(target.sq.length - t.length) > Math.ceil(Math.max(target.sq.length, t.length) * 0.2) || !sameStart(t, target.sq)) continue;
    const r = ratio(t, target.sq);
    if (r < 0.8) continue;
    if (!best || r > best.ratio) best = toMatch(target, r, 'fuzzy');
  }
  return best;
}

function inRegions(offset: number, regions: { start: number; end: number }[]): boolean {
  for (const r of regions) if (offset >= r.start && offset < r.end) return true;
  return false;
}

/**
 * @param nt the normalised text (positions in the result are ORIGINAL offsets).
 * @param tableRegions ranges of the NORMALISED text occupied by tables; lines inside them
 *   (e.g. `一、本年新收…`, `四、结转下年度继续办理`) are table rows, never headings.
 */
export function findSections(nt: NormalizedText, tableRegions: { start: number; end: number }[]): Section[] {
  const text = nt.text;
  const headings: SectionHeading[] = [];
  const subs: SubHeading[] = [];
  let line = 0;
  let pos = 0;
  let current: SectionHeading | null = null;
  // Next \r at or after pos (cached: searching from every line would be quadratic).
  let nextCr = text.indexOf('\r');
  if (nextCr === -1) nextCr = Infinity;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    // Lone \r line breaks end a line too.
    if (nextCr < pos) {
      nextCr = text.indexOf('\r', pos);
      if (nextCr === -1) nextCr = Infinity;
    }
    if (nextCr < end) {
      end = nextCr;
      nl = nextCr;
    }
    const inTable = end > pos && inRegions(pos, tableRegions);
    if (end > pos) {
      const lineText = text.slice(pos, end);
      // Inside a table only a line that IS a section title (no run-on, no typo) is a heading:
      // a table reader may run its region over a page break and the heading after the table;
      // no row label equals a section title.
      const h = readHeading(nt, lineText, pos, line, current, inTable);
      if (h) {
        headings.push(h);
        if (h.titleMatch !== 'none') current = h;
      } else {
        const sm = inTable ? null : SUBHEADING.exec(lineText);
        if (sm && current) {
          const startIdx = lineText.length - lineText.trimStart().length;
          let stop = lineText.search(/[。]/);
          if (stop === -1) stop = lineText.length;
          stop = Math.min(stop, startIdx + 40);
          const trimmedLen = lineText.slice(startIdx, stop).trimEnd().length;
          const span = spanToOriginal(nt, pos + startIdx, pos + startIdx + trimmedLen);
          subs.push({ label: nt.original.slice(span.start, span.end), span, line });
        }
      }
    }
    if (nl >= text.length) break;
    pos = nl + 1;
    line++;
  }
  const sections: Section[] = [];
  let k = 0; // sub-headings are in document order: hand them out in one pass
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    const next = headings[i + 1];
    const endOrig = next ? next.span.start : nt.original.length;
    while (k < subs.length && subs[k]!.span.start < h.span.start) k++;
    const mine: SubHeading[] = [];
    while (k < subs.length && subs[k]!.span.start < endOrig) mine.push(subs[k++]!);
    sections.push({ heading: h, span: { start: h.span.start, end: endOrig }, subHeadings: mine });
  }
  return sections;
}

function readHeading(
  nt: NormalizedText,
  lineText: string,
  lineStart: number,
  line: number,
  current: SectionHeading | null,
  inTable = false,
): SectionHeading | null {
  const m = HEADING.exec(lineText);
  if (!m) return null;
  const indent = m[1]!.length;
  const numeralRaw = m[2]!;
  const separator = m[3]!;
  const titleStart = m[0].length;
  // The title as written: without a closing Markdown wrapper and trailing punctuation.
  const titleText = lineText.slice(titleStart).trimEnd().replace(/(?:\*\*|__)$/, '').replace(/[:：。.]+$/, '').trimEnd();
  const value = numeralValue(numeralRaw);
  const numeralStart = lineStart + indent;
  const numeralSpan = spanToOriginal(nt, numeralStart, numeralStart + numeralRaw.length);
  const numberingEnd = lineStart + titleStart - (m[0].length - m[0].trimEnd().length);
  const lineEnd = lineStart + lineText.trimEnd().replace(/(?:\*\*|__)$/, '').length;
  const heading = (match: TitleMatch, titleLen: number): SectionHeading => {
    const titleSpan = spanToOriginal(nt, lineStart + titleStart, lineStart + titleStart + titleLen);
    return {
      numeral: { raw: nt.original.slice(numeralSpan.start, numeralSpan.end), value, span: numeralSpan },
      separator,
      numberingSpan: spanToOriginal(nt, numeralStart, separator ? lineStart + titleStart : numberingEnd),
      title: { raw: nt.original.slice(titleSpan.start, titleSpan.end), span: titleSpan },
      span: spanToOriginal(nt, numeralStart, lineEnd),
      line,
      index: match.index,
      titleMatch: match.kind,
      canonicalTitle: match.canonical,
      ...(match.structure ? { structure: match.structure } : {}),
    };
  };
  // A numeral written as a digit with no separator is a number, not a heading (`2024年…`).
  if (!separator && !/[一二三四五六七八九十]/.test(numeralRaw)) return null;

  if (inTable) {
    // Only an exact title; no fuzzy matching over every row label of a table.
    const exact = EXACT.get(squash(titleText));
    return exact ? heading(toMatch(exact, 1), titleText.length) : null;
  }
  const whole = matchSectionTitle(titleText);
  if (whole && whole.ratio === 1) return heading(whole, titleText.length);
  // The title followed by more text on the line (spec §1.3): a heading only where it can be
  // the next section — a numbered list item inside 五 (`一、总体情况良好…`) cannot. An exact
  // title with text after it beats a whole line that is nearly a title (`其他需要报告的事项无`).
  const next = value !== null && (!current || value > (current.numeral.value ?? 0));
  const exactPrefix = next ? matchSectionTitlePrefix(titleText, false) : null;
  if (exactPrefix) return heading(exactPrefix.match, exactPrefix.end);
  if (whole && separator) return heading(whole, titleText.length);
  if (next && separator) {
    const pre = matchSectionTitlePrefix(titleText);
    if (pre) return heading(pre.match, pre.end);
  }
  // An unknown wording of the next section's title (`五、存在问题及下一步打算`): a short line,
  // numbered as the section after the current one, keeping a word of that section's title.
  // Read as the section (section-title warns about the wording) rather than losing it.
  const expected = current ? (current.numeral.value ?? 0) + 1 : 1;
  if (separator && value === expected && value <= SECTIONS.length && indent <= 4) {
    const t = squash(titleText);
    const def = SECTIONS[value - 1]!;
    if (t.length >= 4 && t.length <= 24 && !/[。；;，,]/.test(titleText) && !isT3RowLabel(titleText) && def.keywords.some((k) => t.includes(k)))
      return heading({ index: def.index, kind: 'fuzzy', canonical: def.title, ratio: 0 }, titleText.length);
  }
  // Heading-like line repeating the current section's numeral (sample 003 `一、工作情况`):
  // short, no sentence punctuation, not indented like a list item.
  if (
    current &&
    separator &&
    value !== null &&
    value === current.numeral.value &&
    indent === 0 &&
    squash(titleText).length <= 12 &&
    !/[。；;，,]/.test(titleText) &&
    !isT3RowLabel(titleText)
  ) {
    return { ...heading({ index: current.index, kind: 'canonical', canonical: SECTIONS[current.index - 1]!.title, ratio: 0 }, titleText.length), titleMatch: 'none' };
  }
  return null;
}

/**
 * The local structure the headings follow (format/sections.ts), if any: a heading with a
 * local title numbered where that structure puts it (`五、信息处理费收取情况`). A local
 * title numbered where the national order puts its section is just a variant wording.
 */
export function detectStructure(sections: Section[]): string | undefined {
  let found: string | undefined;
  for (const s of sections) {
    const h = s.heading;
    if (h.titleMatch !== 'local') continue;
    const ls = LOCAL_STRUCTURES.find((x) => x.id === h.structure);
    if (ls && h.numeral.value === ls.order.indexOf(h.index) + 1) found ??= ls.id;
    else h.titleMatch = 'variant';
  }
  return found;
}
