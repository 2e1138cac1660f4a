// Page chrome of a printed web page: what a browser adds to every printed page and a PDF
// text extractor then writes into the text — a header line (print date and time, then the
// document title), a footer line (the page's URL, then `n/m`) and the form feed between
// pages. In `pdftotext -layout` the footer ends a page and the header starts the next one;
// in `pdftotext -raw` both come last in each page's text, just before the form feed. Either
// way they land in the middle of tables and sections.
//
// One recogniser for everything that reads lines (tables, sections, title): `blankPageChrome`
// overwrites chrome with spaces — same length, so every offset and the map stay valid — and
// the readers never see it. Recognised by shape only, never by a site's text:
// - a form feed (U+000C) is chrome wherever it is;
// - a footer: a URL followed by a page number `n/m` (`Page n of m`, `第n页 共m页`), anywhere;
//   a URL alone or a page number alone (`n/m`, `- n -`, `第n页`) only next to a page break;
// - a header: a line that starts with a date and a time (`12/2/26, 12:12 PM`, `2026/12/2
//   12:12`, `2026-12-02 下午12:12`) and goes on with at most a title, next to a page break
//   or repeated with the same title on several pages.

import type { NormalizedText } from './normalize';

const URL = String.raw`(?:https?|file):\/\/\S+`;
const PAGE_NO = String.raw`(?:\d{1,4}\s*\/\s*\d{1,4}|Page\s+\d{1,4}\s+of\s+\d{1,4}|第\s*\d{1,4}\s*页\s*[，,]?\s*共\s*\d{1,4}\s*页)`;
const FOOTER_WITH_PAGE = new RegExp(String.raw`^(?:${URL}\s+${PAGE_NO}|${PAGE_NO}\s+${URL})$`);
// A page number alone (`- 2 -`, `— 2 —`, `第 2 页`) is the footer of a document printed by a word processor.
const PAGE_NO_ALONE = String.raw`(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页|Page\s+\d{1,4})`;
const FOOTER_NEAR_BREAK = new RegExp(String.raw`^(?:${URL}|${PAGE_NO}|${PAGE_NO_ALONE})$`);
const DATE_TIME = String.raw`\d{1,4}[\/.-]\d{1,2}[\/.-]\d{1,4},?\s+(?:(?:上午|下午)\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM|am|pm))?`;
const HEADER = new RegExp(String.raw`^${DATE_TIME}(?:\s+(\S.*))?$`);

/** Lines within this many non-blank lines of a page break count as next to it. */
const NEAR = 2;

interface Line {
  s: number;
  e: number;
  /** Trimmed content, without form feeds. */
  body: string;
}

/** The page chrome in `text`, as [start, end) ranges (form feeds and whole chrome lines). */
export function pageChrome(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const hasBreaks = text.includes('\f');
  if (!hasBreaks && !text.includes('://') && !/\d:\d\d/.test(text)) return out;
  const lines: Line[] = [];
  for (let s = 0; s <= text.length; ) {
    let e = text.indexOf('\n', s);
    if (e === -1) e = text.length;
    lines.push({ s, e, body: text.slice(s, e).replace(/\f/g, ' ').trim() });
    s = e + 1;
  }
  // Distance (in non-blank lines) of every line from the nearest page break: a form feed,
  // or the start/end of a text that has form feeds.
  const near = new Array<boolean>(lines.length).fill(false);
  if (hasBreaks) {
    const breaks: number[] = []; // a break sits before line i
    lines.forEach((l, i) => {
      if (text.slice(l.s, l.e).includes('\f')) breaks.push(i);
    });
    breaks.push(0, lines.length);
    for (const b of breaks) {
      const mark = (from: number, step: number) => {
        let seen = 0;
        for (let i = from; i >= 0 && i < lines.length && seen < NEAR; i += step) {
          if (lines[i]!.body.length === 0) continue;
          near[i] = true;
          seen++;
        }
      };
      mark(b, 1); // the line holding the form feed and the ones after it
      mark(b - 1, -1); // the lines before it
    }
  }
  const titles = new Map<string, number>();
  const headers: { i: number; title: string }[] = [];
  lines.forEach((l, i) => {
    const m = HEADER.exec(l.body);
    if (m) {
      const title = (m[1] ?? '').replace(/\s+/g, '');
      headers.push({ i, title });
      titles.set(title, (titles.get(title) ?? 0) + 1);
    }
  });
  const chrome = new Set<number>();
  lines.forEach((l, i) => {
    if (l.body.length === 0) return;
    if (FOOTER_WITH_PAGE.test(l.body) || (near[i] && FOOTER_NEAR_BREAK.test(l.body))) chrome.add(i);
  });
  for (const h of headers) if (near[h.i] || (h.title.length > 0 && titles.get(h.title)! >= 2)) chrome.add(h.i);
  lines.forEach((l, i) => {
    if (chrome.has(i)) out.push({ start: l.s, end: l.e });
    else for (let k = text.indexOf('\f', l.s); k !== -1 && k < l.e; k = text.indexOf('\f', k + 1)) out.push({ start: k, end: k + 1 });
  });
  return out;
}

/** The same text with its page chrome overwritten by spaces (offsets and map unchanged). */
export function blankPageChrome(nt: NormalizedText): NormalizedText {
  const ranges = pageChrome(nt.text);
  if (ranges.length === 0) return nt;
  let out = '';
  let pos = 0;
  for (const r of ranges) {
    out += nt.text.slice(pos, r.start) + ' '.repeat(r.end - r.start);
    pos = r.end;
  }
  out += nt.text.slice(pos);
  return { text: out, map: nt.map, original: nt.original };
}
