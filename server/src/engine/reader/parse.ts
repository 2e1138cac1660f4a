// text → ReportModel. Normalises once, then finds the tables (by their anchors), the
// section headings (outside the tables), the title, the year and the template — each on
// the normalised text, with positions mapped back to the original.

import type { ReportModel } from '../model';
import { blankPageChrome } from '../text/chrome';
import { htmlTablesAsRows } from './layouts/html-tables';
import { normalize, type NormalizedText } from '../text/normalize';
import { rememberNormalized } from '../text/normalized';
import { detectTemplate, findTitle, findYear } from './meta';
import { findSections } from './sections';
import { readTables } from './tables';

/**
 * A whole report on one line (copied from a web page): break it into virtual lines before
 * section headings, table anchors and row labels, and after each run of numbers, so the
 * line-based readers work. Inserted breaks map to the original offset of the text they
 * precede, so spans stay exact. Only applied when the text has almost no line breaks.
 */
function splitInline(nt: NormalizedText): NormalizedText {
  const t = nt.text;
  let breaks = 0;
  for (let i = 0; i < t.length && breaks < 12; i++) if (t.charCodeAt(i) === 10) breaks++;
  if (breaks >= 12 || t.length < 1200) return nt;
  const at = new Set<number>();
  const add = (re: RegExp) => {
    for (const m of t.matchAll(re)) at.add(m.index! + (m[1]?.length ?? 0));
  };
  add(/([。；\s])(?=[一二三四五六][、.](?:总体情况|主动公开|收到和处理|政府信息公开|因政府信息公开|存在|其他需要报告))/g);
  add(/(\s)(?=规章|行政规范性文件|规范性文件|行政许可|其他对外管理|行政处罚|行政强制|行政事业性收费|政府集中采购|第二十条第|\(本列数据|信息内容|行政复议 |[一二三四]、(?:本年新收|上年结转|本年度办理|结转下)|\([一二三四五六七]\)|\d\.\D)/g);
  add(/(\d[ \t]+)(?=[^\d\s])/g);
  if (at.size === 0) return nt;
  const cuts = [...at].sort((a, b) => a - b);
  let out = '';
  const map: number[] = [];
  let pos = 0;
  for (const c of cuts) {
    out += t.slice(pos, c) + '\n';
    for (let k = pos; k < c; k++) map.push(nt.map[k]!);
    map.push(nt.map[c]!);
    pos = c;
  }
  out += t.slice(pos);
  for (let k = pos; k <= t.length; k++) map.push(nt.map[k]!);
  return { text: out, map: Int32Array.from(map), original: nt.original };
}

export function parseReport(text: string): ReportModel {
  // Print headers/footers and form feeds of a PDF's text are no part of the report.
  const nt = splitInline(htmlTablesAsRows(blankPageChrome(normalize(text))));
  const { tables, regions } = readTables(nt);
  const sections = findSections(nt, regions);
  const title = findTitle(nt, sections);
  const year = findYear(nt, title);
  const template = detectTemplate(nt, year, regions);
  const realSections = sections.filter((s) => s.heading.titleMatch !== 'none').length;
  // Conservative (it decides whether a plain .txt gets diagnostics): a notice that merely
  // names 年度报告 in its title has neither the sections nor the tables.
  const isReport = (title !== null && (realSections >= 1 || tables.T3 !== undefined || tables.T2 !== undefined)) || realSections >= 3 || tables.T3 !== undefined;
  const model: ReportModel = { text, isReport, template, year, title, sections, tables };
  rememberNormalized(model, nt);
  return model;
}
