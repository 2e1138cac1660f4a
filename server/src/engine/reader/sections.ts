// Finds the six top-level section headings (spec §1, §1.2) and their sub-headings.
//
// A line is a top-level heading only if, after normalisation, it starts with a section
// numeral and separator (`一、`, `2、`, `二.`, Kangxi `⼀、` → `一、`, spaces tolerated) AND
// the rest matches a canonical title or a known variant (fuzzy, edit-distance ratio ≥ 0.8).
// That rule alone keeps table-3 row labels (`一、本年新收…`, `四、结转下年度继续办理`) and
// numbered list items inside 五 out. Lines inside table regions are skipped as well.

import { SECTIONS, numeralValue, squash } from '../format/sections';
import type { Section, SectionHeading, SubHeading } from '../model';
import { spanToOriginal, type NormalizedText } from '../text/normalize';

const HEADING = /^([ \t]*)([一二三四五六七八九十]|[1-9])[ \t]*([、.,，．])[ \t]*/;
const SUBHEADING = /^[ \t]*[(（][ \t]*([一二三四五六七八九十]{1,3})[ \t]*[)）]/;

export interface TitleMatch {
  index: number;
  kind: 'canonical' | 'variant' | 'outdated' | 'fuzzy';
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
  kind: 'canonical' | 'variant' | 'outdated';
  canonical: string;
  sq: string;
}
/** Every accepted title, squashed once. */
const TARGETS: Target[] = SECTIONS.flatMap((def) => [
  { index: def.index, kind: 'canonical' as const, canonical: def.title, sq: squash(def.title) },
  ...def.variants.map((v) => ({ index: def.index, kind: v.kind, canonical: def.title, sq: squash(v.text) })),
]);
const EXACT = new Map(TARGETS.map((t) => [t.sq, t]));

/** Matches a heading's title text (after the numeral) against the six sections. */
export function matchSectionTitle(titleText: string): TitleMatch | null {
  const t = squash(titleText);
  if (t.length < 2 || t.length > 40) return null;
  const exact = EXACT.get(t);
  if (exact) return { index: exact.index, kind: exact.kind, canonical: exact.canonical, ratio: 1 };
  let best: TitleMatch | null = null;
  for (const target of TARGETS) {
    // Cheap length filter before the edit distance.
    if (Math.abs(target.sq.length - t.length) > Math.ceil(Math.max(target.sq.length, t.length) * 0.2)) continue;
    const r = ratio(t, target.sq);
    if (r < 0.8) continue;
    if (!best || r > best.ratio) best = { index: target.index, kind: 'fuzzy', canonical: target.canonical, ratio: r };
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
    if (end > pos && !inRegions(pos, tableRegions)) {
      const lineText = text.slice(pos, end);
      const h = readHeading(nt, lineText, pos, line, current);
      if (h) {
        headings.push(h);
        if (h.titleMatch !== 'none') current = h;
      } else {
        const sm = SUBHEADING.exec(lineText);
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
): SectionHeading | null {
  const m = HEADING.exec(lineText);
  if (!m) return null;
  const indent = m[1]!.length;
  const numeralRaw = m[2]!;
  const separator = m[3]!;
  const titleStart = m[0].length;
  let titleText = lineText.slice(titleStart).trimEnd();
  // A heading may carry trailing punctuation (`一、总体情况：`).
  titleText = titleText.replace(/[:：。.]+$/, '');
  const value = numeralValue(numeralRaw);
  const numeralStart = lineStart + indent;
  const numeralSpan = spanToOriginal(nt, numeralStart, numeralStart + numeralRaw.length);
  const base = {
    numeral: { raw: nt.original.slice(numeralSpan.start, numeralSpan.end), value, span: numeralSpan },
    separator,
    numberingSpan: spanToOriginal(nt, numeralStart, lineStart + titleStart),
    title: { raw: '', span: spanToOriginal(nt, lineStart + titleStart, lineStart + titleStart + titleText.length) },
    span: spanToOriginal(nt, numeralStart, lineStart + lineText.trimEnd().length),
    line,
  };
  base.title.raw = nt.original.slice(base.title.span.start, base.title.span.end);

  let match = matchSectionTitle(titleText);
  if (!match) {
    // `一、总体情况。2021年…`: the title followed by text on the same line.
    for (const def of SECTIONS) {
      if (titleText.startsWith(def.title)) {
        const after = titleText.charAt(def.title.length);
        if (after === '' || /[\s:：。，,]/.test(after)) {
          match = { index: def.index, kind: 'canonical', canonical: def.title, ratio: 1 };
          const t = def.title.length;
          base.title.span = spanToOriginal(nt, lineStart + titleStart, lineStart + titleStart + t);
          base.title.raw = def.title;
        }
        break;
      }
    }
  }
  if (match) {
    return { ...base, index: match.index, titleMatch: match.kind, canonicalTitle: match.canonical };
  }
  // Heading-like line repeating the current section's numeral (sample 003 `一、工作情况`):
  // short, no sentence punctuation, not indented like a list item.
  if (
    current &&
    value !== null &&
    value === current.numeral.value &&
    indent === 0 &&
    squash(titleText).length <= 12 &&
    !/[。；;，,]/.test(titleText)
  ) {
    return { ...base, index: current.index, titleMatch: 'none', canonicalTitle: SECTIONS[current.index - 1]!.title };
  }
  return null;
}

