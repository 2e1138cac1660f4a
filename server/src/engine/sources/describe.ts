// A source location as users read it: `12:5` in a web page, `表 3 第 5 行第 2 列` in Word,
// `第 2 页 表 3 …` in a PDF (zh-CN and English), and as a compact `line:col`-like tag.

import type { SourceLocation } from './document';

export function describeLocation(loc: SourceLocation): { zh: string; en: string } {
  if (loc.kind === 'html') return { zh: `${loc.line}:${loc.column}`, en: `${loc.line}:${loc.column}` };
  const zh: string[] = [];
  const en: string[] = [];
  if (loc.kind === 'pdf') {
    zh.push(`第${loc.page}页`);
    en.push(`page ${loc.page}`);
  }
  if (loc.table !== undefined) {
    zh.push(`表${loc.table} 第${loc.row}行第${loc.col}列`);
    en.push(`table ${loc.table} row ${loc.row} col ${loc.col}`);
  } else if (loc.kind === 'docx' && loc.paragraph !== undefined) {
    zh.push(`第${loc.paragraph}段`);
    en.push(`paragraph ${loc.paragraph}`);
  }
  return { zh: zh.join(' '), en: en.join(', ') };
}
