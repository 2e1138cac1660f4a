// `nianbao summary`: one row per report.

import { CHINESE_NUMERALS, localize, type Locale } from '../engine';
import type { InputError } from './inputs';
import { width } from './formatters/stylish';
import { countFindings, type FileResult } from './results';

export interface SummaryRow {
  path: string;
  agency: string | null;
  year: number | null;
  template: string;
  /** Section indexes 1..6 present (canonical, variant, outdated or fuzzy titles). */
  sections: number[];
  errors: number;
  warnings: number;
  /** 'checked' (paired, no carry-over finding), 'mismatch' (carry-over findings), 'no-previous'. */
  carryOver: 'checked' | 'mismatch' | 'no-previous';
  previous: string | null;
}

export function summaryRows(results: FileResult[]): SummaryRow[] {
  return results.map((r) => {
    const c = countFindings(r.findings);
    const sections = [...new Set(r.model.sections.filter((s) => s.heading.titleMatch !== 'none').map((s) => s.heading.index))].sort();
    const carry = r.findings.filter((f) => f.code === 'carry-over').length;
    return {
      path: r.display,
      agency: r.model.title?.agency ?? null,
      year: r.model.year?.value ?? null,
      template: r.model.template.id,
      sections,
      errors: c.errors,
      warnings: c.warnings,
      carryOver: r.previous === null ? 'no-previous' : carry ? 'mismatch' : 'checked',
      previous: r.previous,
    };
  });
}

const sectionsText = (s: number[]) => [1, 2, 3, 4, 5, 6].map((i) => (s.includes(i) ? CHINESE_NUMERALS[i - 1] : '·')).join('');

function carryText(row: SummaryRow, lang: Locale): string {
  const zh = lang !== 'en';
  if (row.carryOver === 'no-previous') return zh ? '无上年报告' : 'no previous';
  if (row.carryOver === 'mismatch') return zh ? `不一致（${row.previous}）` : `mismatch (${row.previous})`;
  return zh ? `一致（${row.previous}）` : `ok (${row.previous})`;
}

/** Inputs that are not rows: could not be checked (listed with their message), skipped as not reports (counted). */
export interface NotSummarised {
  errors: InputError[];
  skipped: number;
}

/** Excel reads a CSV file as the local code page unless it starts with a UTF-8 BOM. */
const CSV_BOM = '\ufeff';

export function formatSummary(rows: SummaryRow[], format: 'table' | 'csv' | 'json', lang: Locale, not: NotSummarised = { errors: [], skipped: 0 }): string {
  const failed = not.errors.map((e) => ({ path: e.path, error: localize(e.message, lang) }));
  if (format === 'json') return JSON.stringify({ version: 1, reports: rows, errors: failed, skipped: not.skipped }, null, 2) + '\n';
  const zh = lang !== 'en';
  const header = zh
    ? ['文件', '发布机关', '年度', '模板', '部分', '错误', '警告', '上年结转']
    : ['file', 'agency', 'year', 'template', 'sections', 'errors', 'warnings', 'carry-over'];
  const body = rows.map((r) => [
    r.path,
    r.agency ?? '',
    r.year === null ? '' : String(r.year),
    r.template,
    format === 'csv' ? r.sections.join(' ') : sectionsText(r.sections),
    String(r.errors),
    String(r.warnings),
    format === 'csv' ? (r.carryOver === 'no-previous' ? '' : `${r.carryOver}:${r.previous}`) : carryText(r, lang),
  ]);
  if (format === 'csv') {
    const esc = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const csvHeader = ['path', 'agency', 'year', 'template', 'sections', 'errors', 'warnings', 'carry_over', 'error'];
    const failedRows = failed.map((f) => [f.path, '', '', '', '', '', '', '', f.error]);
    return CSV_BOM + [csvHeader, ...body.map((r) => [...r, '']), ...failedRows].map((r) => r.map(esc).join(',')).join('\n') + '\n';
  }
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i]!))));
  const numeric = new Set([2, 5, 6]);
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - width(c));
        return numeric.has(i) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  const sep = widths.map((w) => '-'.repeat(w)).join('  ');
  const totals = rows.reduce((a, r) => ({ e: a.e + r.errors, w: a.w + r.warnings }), { e: 0, w: 0 });
  const foot = [
    zh ? `共 ${rows.length} 份报告，错误 ${totals.e} 个，警告 ${totals.w} 个` : `${rows.length} report(s), ${totals.e} error(s), ${totals.w} warning(s)`,
    ...(failed.length ? [zh ? `${failed.length} 个输入无法检查：` : `${failed.length} input(s) could not be checked:`, ...failed.map((f) => `  ${f.path}${zh ? '：' : ': '}${f.error}`)] : []),
    ...(not.skipped ? [zh ? `跳过 ${not.skipped} 个不是年度报告的文件（-v 列出）` : `${not.skipped} file(s) skipped as not annual reports (-v lists them)`] : []),
  ];
  return [line(header), sep, ...body.map(line), '', ...foot].join('\n') + '\n';
}
