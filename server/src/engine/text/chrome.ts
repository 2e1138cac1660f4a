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
const DATE_TIME = String.raw`\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+(?:(?:上午|下午)\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM|am|pm))?`;
const HEADER = new RegExp(String.raw`^${DATE_TIME}(?:\s+(\S.*))?$`);
// Where a chrome line may start (one scan of the text finds the few lines worth a closer look).
const CANDIDATE = /(?:^|\n)[ \t\f]*(?:\d{1,4}(?:[/.-]\d{1,2}[/.-]\d|\s*\/\s*\d)|(?:https?|file):\/\/|[-—–－]\s*\d|第\s*\d|Page\s)/g;

/** Lines within this many non-blank lines of a page break count as next to it. */
const NEAR = 2;

/** The page chrome in `text`, as [start, end) ranges (form feeds and whole chrome lines). */
export function pageChrome(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const hasBreaks = text.includes('\f');
  if (!hasBreaks && !text.includes('://') && !/\d:\d\d/.test(text)) return out;
  const lineEnd = (s: number) => {
    const e = text.indexOf('\n', s);
    return e === -1 ? text.length : e;
  };
  const lineStart = (i: number) => text.lastIndexOf('\n', i - 1) + 1;
  const body = (s: number, e: number) => text.slice(s, e).replace(/\f/g, ' ').trim();
  const hasBreak = (s: number, e: number) => {
    const k = text.indexOf('\f', s);
    return k !== -1 && k < e;
  };
  // Next to a page break: the line holding a form feed or within NEAR non-blank lines after
  // it, or within NEAR non-blank lines before one; the text's start and end are page breaks.
  const nearBreak = (s: number, e: number): boolean => {
    if (!hasBreaks) return false;
    let seen = 0;
    for (let ls = s, le = e; ; ) {
      if (body(ls, le).length > 0) seen++;
      if (seen > NEAR) break;
      if (hasBreak(ls, le) || ls === 0) return true;
      le = ls - 1;
      ls = lineStart(le);
    }
    seen = body(s, e).length > 0 ? 1 : 0;
    for (let le = e; ; ) {
      if (le >= text.length) return true;
      const ns = le + 1;
      const ne = lineEnd(ns);
      if (hasBreak(ns, ne)) return true;
      if (body(ns, ne).length > 0) seen++;
      if (seen >= NEAR) return false;
      le = ne;
    }
  };
  const chrome: { s: number; e: number }[] = [];
  const headers: { s: number; e: number; title: string; near: boolean }[] = [];
  const titles = new Map<string, number>();
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const s = m[0].startsWith('\n') ? m.index + 1 : m.index;
    const e = lineEnd(s);
    CANDIDATE.lastIndex = Math.max(e, s + 1);
    const b = body(s, e);
    const h = HEADER.exec(b);
    if (h) {
      const title = (h[1] ?? '').replace(/\s+/g, '');
      headers.push({ s, e, title, near: nearBreak(s, e) });
      titles.set(title, (titles.get(title) ?? 0) + 1);
    } else if (FOOTER_WITH_PAGE.test(b) || (FOOTER_NEAR_BREAK.test(b) && nearBreak(s, e))) chrome.push({ s, e });
  }
  for (const h of headers) if (h.near || (h.title.length > 0 && titles.get(h.title)! >= 2)) chrome.push(h);
  chrome.sort((a, b) => a.s - b.s);
  let k = text.indexOf('\f');
  for (const c of chrome) {
    for (; k !== -1 && k < c.s; k = text.indexOf('\f', k + 1)) out.push({ start: k, end: k + 1 });
    out.push({ start: c.s, end: c.e });
    if (k !== -1 && k < c.e) k = text.indexOf('\f', c.e);
  }
  for (; k !== -1; k = text.indexOf('\f', k + 1)) out.push({ start: k, end: k + 1 });
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
