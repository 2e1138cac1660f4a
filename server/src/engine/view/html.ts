// HTML for the table preview (webview) and for `nianbao summary --format html`, rendered
// from the grid view-model (view/grid.ts). Pure string building: every text is escaped,
// nothing inside is a script, an event handler, a style attribute or a remote URL, so the
// fragment is safe under the webview's strict CSP. Theme colours come from VS Code's CSS
// variables, with fallbacks (light and dark) for a standalone page.

import type { Severity } from '../findings';
import type { CellView, FindingView, HeaderCell, LabelCell, RowView, SummaryView, TableGridView, TableView } from './grid';

/** `en` picks English; anything else (`zh`, `zh-CN`) picks Chinese. */
export type HtmlLang = 'zh' | 'zh-CN' | 'en';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const T = (lang: HtmlLang, zh: string, en: string) => (lang === 'en' ? en : zh);

/** The stylesheet of the grids: media/preview.css is a copy of it (a unit test keeps them equal). */
export const PREVIEW_CSS = `:root {
  color-scheme: light dark;
  --nb-fg: var(--vscode-editor-foreground, #1f1f1f);
  --nb-bg: var(--vscode-editor-background, #ffffff);
  --nb-muted: var(--vscode-descriptionForeground, #6b6b6b);
  --nb-border: var(--vscode-editorWidget-border, #c8c8c8);
  --nb-head: var(--vscode-editorWidget-background, #f3f3f3);
  --nb-focus: var(--vscode-focusBorder, #0078d4);
  --nb-error: var(--vscode-editorError-foreground, #d32f2f);
  --nb-warning: var(--vscode-editorWarning-foreground, #b26a00);
  --nb-info: var(--vscode-editorInfo-foreground, #1a73e8);
  --nb-link: var(--vscode-textLink-foreground, #0066bf);
}
@media (prefers-color-scheme: dark) {
  :root {
    --nb-fg: var(--vscode-editor-foreground, #d4d4d4);
    --nb-bg: var(--vscode-editor-background, #1e1e1e);
    --nb-muted: var(--vscode-descriptionForeground, #9d9d9d);
    --nb-border: var(--vscode-editorWidget-border, #454545);
    --nb-head: var(--vscode-editorWidget-background, #252526);
    --nb-error: var(--vscode-editorError-foreground, #f48771);
    --nb-warning: var(--vscode-editorWarning-foreground, #cca700);
    --nb-info: var(--vscode-editorInfo-foreground, #75beff);
    --nb-link: var(--vscode-textLink-foreground, #3794ff);
  }
}
body {
  margin: 0;
  padding: 12px 16px;
  color: var(--nb-fg);
  background: var(--nb-bg);
  font-family: var(--vscode-font-family, system-ui), "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
  font-size: var(--vscode-font-size, 13px);
  line-height: 1.5;
}
.nb-summary { margin: 0 0 12px; }
.nb-summary .nb-title { font-weight: 600; font-size: 1.1em; }
.nb-summary dl { display: flex; flex-wrap: wrap; gap: 2px 16px; margin: 4px 0 0; }
.nb-summary dt { color: var(--nb-muted); }
.nb-summary dt::after { content: "："; }
.nb-summary dd { margin: 0 8px 0 0; }
.nb-summary .nb-sec-missing { color: var(--nb-error); text-decoration: line-through; }
.nb-count-error { color: var(--nb-error); font-weight: 600; }
.nb-count-warning { color: var(--nb-warning); font-weight: 600; }
.nb-table-block { margin: 16px 0 20px; }
.nb-scroll { overflow-x: auto; max-width: 100%; }
.nb-table-block h2 { font-size: 1.05em; margin: 0 0 6px; }
.nb-absent { color: var(--nb-muted); font-style: italic; }
table.nb-grid { border-collapse: collapse; font-size: 12px; }
.nb-grid th, .nb-grid td { border: 1px solid var(--nb-border); padding: 2px 6px; }
.nb-grid thead th, .nb-grid tr.nb-caption th, .nb-grid tr.nb-subhead th { background: var(--nb-head); font-weight: normal; text-align: center; }
.nb-grid thead th.nb-note { font-size: 11px; color: var(--nb-muted); max-width: 14em; }
.nb-grid tr.nb-caption th { font-weight: 600; text-align: left; }
.nb-grid th.nb-label { text-align: left; font-weight: normal; max-width: 26em; min-width: 5em; }
.nb-grid th.nb-label.nb-group { writing-mode: horizontal-tb; vertical-align: middle; background: var(--nb-head); }
.nb-grid th.nb-label.nb-total { font-weight: 600; }
.nb-grid th .nb-written { display: block; color: var(--nb-muted); font-size: 11px; }
.nb-grid th.nb-label.nb-missing-row { color: var(--nb-error); text-decoration: line-through; }
.nb-grid td { text-align: right; min-width: 2.6em; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nb-grid [data-span] { cursor: pointer; }
.nb-grid [data-span]:hover { outline: 1px solid var(--nb-focus); outline-offset: -1px; }
.nb-grid td.nb-zero { color: var(--nb-muted); }
.nb-grid td.nb-s-blank { background-image: repeating-linear-gradient(135deg, transparent 0 4px, rgba(128, 128, 128, 0.16) 4px 6px); }
.nb-grid td.nb-s-blank::before { content: "空"; color: var(--nb-muted); font-size: 10px; opacity: 0.7; }
.nb-grid td.nb-s-unreadable { outline: 2px dashed var(--nb-warning); outline-offset: -3px; color: var(--nb-warning); font-weight: 600; text-align: center; }
.nb-grid td.nb-s-absent { color: var(--nb-muted); text-align: center; }
.nb-grid td.nb-s-missing { background: rgba(128, 128, 128, 0.12); }
.nb-grid td.nb-s-invalid { text-decoration: wavy underline var(--nb-error); color: var(--nb-error); }
.nb-grid .nb-sev-error { background-color: rgba(229, 57, 53, 0.22); box-shadow: inset 0 0 0 2px var(--nb-error); }
.nb-grid .nb-sev-warning { background-color: rgba(255, 179, 0, 0.22); box-shadow: inset 0 0 0 2px var(--nb-warning); }
.nb-grid .nb-sev-info { background-color: rgba(30, 136, 229, 0.12); }
.nb-grid .nb-sev-hint { text-decoration: underline dotted var(--nb-muted); }
.nb-grid .nb-computed { display: block; font-size: 10px; color: var(--nb-error); font-weight: 600; }
.nb-grid .nb-current { outline: 2px solid var(--nb-focus) !important; outline-offset: -2px; }
.nb-findings { margin: 4px 0 0; padding-left: 1.4em; font-size: 12px; }
.nb-findings li { margin: 1px 0; }
.nb-findings li[data-span] { cursor: pointer; }
.nb-findings li[data-span]:hover { text-decoration: underline; }
.nb-findings .nb-sev { font-weight: 600; }
.nb-findings .nb-sev.error { color: var(--nb-error); }
.nb-findings .nb-sev.warning { color: var(--nb-warning); }
.nb-findings .nb-sev.info, .nb-findings .nb-sev.hint { color: var(--nb-info); }
.nb-findings code { color: var(--nb-muted); }
.nb-legend { font-size: 11px; color: var(--nb-muted); margin: 4px 0 12px; }
.nb-legend span { display: inline-block; border: 1px solid var(--nb-border); padding: 0 6px; margin-right: 6px; }
.nb-report { content-visibility: auto; contain-intrinsic-size: auto 1400px; border-top: 1px solid var(--nb-border); padding-top: 8px; margin-top: 16px; }
.nb-report > h1 { font-size: 1.15em; margin: 0 0 6px; word-break: break-all; }
.nb-toc { font-size: 12px; }
.nb-toc a { color: var(--nb-link); }
`;

const SEV_LABEL: Record<Severity, [string, string]> = { error: ['错误', 'error'], warning: ['警告', 'warning'], info: ['提示', 'info'], hint: ['建议', 'hint'] };

function stateText(c: CellView, lang: HtmlLang): string {
  switch (c.state) {
    case 'blank':
      return T(lang, '空白（按 0 计算）', 'blank (counted as 0)');
    case 'unreadable':
      return T(lang, '无法可靠读取', 'unreadable');
    case 'absent':
      return T(lang, '导出时丢失（合并单元格），按 0 计算', 'lost in the export (merged cell), counted as 0');
    case 'invalid':
      return T(lang, '不是有效数字', 'not a valid number');
    case 'missing':
      return T(lang, '报告中缺少此行', 'row missing from the report');
    default:
      return '';
  }
}

function findingLines(indexes: number[], view: TableGridView, lang: HtmlLang): string[] {
  return indexes
    .map((i) => view.findings[i])
    .filter((f): f is FindingView => !!f)
    .map((f) => `[${SEV_LABEL[f.severity][lang === 'en' ? 1 : 0]}] ${lang === 'en' ? f.message.en : f.message.zh} (${f.code})`);
}

function spanAttrs(span: { start: number; end: number } | null): string {
  if (!span) return '';
  const s = Math.trunc(span.start);
  const e = Math.trunc(span.end);
  return ` data-span="${s}-${e}" data-start="${s}" data-end="${e}" tabindex="0"`;
}

function titleAttr(lines: string[]): string {
  const t = lines.filter(Boolean).join('\n');
  return t ? ` title="${escapeHtml(t)}"` : '';
}

function spanSize(n: number, name: 'rowspan' | 'colspan'): string {
  return n > 1 ? ` ${name}="${Math.trunc(n)}"` : '';
}

function cellHtml(c: CellView, view: TableGridView, lang: HtmlLang): string {
  const cls = ['nb-cell', `nb-s-${c.state}`, c.zero ? 'nb-zero' : '', c.severity ? `nb-sev-${c.severity}` : '', c.computed !== undefined ? 'nb-has-computed' : ''].filter(Boolean);
  const title = [stateText(c, lang), ...findingLines(c.findings, view, lang), c.computed !== undefined ? T(lang, `计算值：${c.computed}`, `computed: ${c.computed}`) : ''];
  const text = c.state === 'absent' ? '—' : c.text;
  const computed = c.computed !== undefined ? `<span class="nb-computed">→ ${escapeHtml(c.computed)}</span>` : '';
  return `<td class="${cls.join(' ')}" data-col="${escapeHtml(c.col)}"${spanSize(c.colspan, 'colspan')}${spanAttrs(c.span)}${titleAttr(title)}>${escapeHtml(text)}${computed}</td>`;
}

function labelHtml(l: LabelCell, row: RowView, view: TableGridView, lang: HtmlLang): string {
  const own = l.rowId === row.id;
  const cls = ['nb-label', `nb-lv${l.level}`, `nb-${l.kind}`, own && row.missing ? 'nb-missing-row' : '', own && row.severity ? `nb-sev-${row.severity}` : ''].filter(Boolean);
  const title = own
    ? [row.missing ? T(lang, '报告中缺少此行', 'row missing from the report') : '', l.written ? T(lang, `原文：${l.written}`, `as written: ${l.written}`) : '', row.alignmentNote ? row.alignmentNote[lang === 'en' ? 'en' : 'zh'] : '', ...findingLines(row.findings, view, lang)]
    : [];
  const written = l.written ? `<span class="nb-written">${escapeHtml(l.written)}</span>` : '';
  return `<th scope="row" class="${cls.join(' ')}"${spanSize(l.rowspan, 'rowspan')}${spanSize(l.colspan, 'colspan')}${spanAttrs(l.span)}${titleAttr(title)}>${escapeHtml(l.text)}${written}</th>`;
}

function headerCellHtml(h: HeaderCell, scope: 'col' | 'colgroup', view: TableGridView, lang: HtmlLang): string {
  const cls = `nb-h-${h.kind}${h.kind === 'note' ? ' nb-note' : ''}${h.severity ? ` nb-sev-${h.severity}` : ''}`;
  const col = h.col ? ` data-col="${escapeHtml(h.col)}"` : '';
  const title = titleAttr([h.written ? T(lang, `原文：${h.written}`, `as written: ${h.written}`) : '', ...findingLines(h.findings ?? [], view, lang)]);
  const written = h.written ? `<span class="nb-written">${escapeHtml(h.written)}</span>` : '';
  return `<th scope="${h.colspan > 1 ? 'colgroup' : scope}" class="${cls}"${spanSize(h.rowspan, 'rowspan')}${spanSize(h.colspan, 'colspan')}${col}${spanAttrs(h.span ?? null)}${title}>${escapeHtml(h.text)}${written}</th>`;
}

function rowHtml(r: RowView, view: TableGridView, lang: HtmlLang): string {
  if (r.kind === 'caption' || r.kind === 'header') {
    return `<tr class="nb-${r.kind === 'caption' ? 'caption' : 'subhead'}">${(r.headerCells ?? []).map((h) => headerCellHtml(h, 'col', view, lang)).join('')}</tr>`;
  }
  const cls = ['nb-row', `nb-${r.kind}`, r.missing ? 'nb-missing' : '', r.severity && r.labels.length === 0 ? `nb-sev-${r.severity}` : ''].filter(Boolean);
  const title = r.labels.length === 0 ? titleAttr(findingLines(r.findings, view, lang)) : '';
  return `<tr class="${cls.join(' ')}" data-row="${escapeHtml(r.id)}"${title}>${r.labels.map((l) => labelHtml(l, r, view, lang)).join('')}${r.cells.map((c) => cellHtml(c, view, lang)).join('')}</tr>`;
}

function findingsListHtml(indexes: number[], view: TableGridView, lang: HtmlLang, cls = 'nb-findings'): string {
  if (indexes.length === 0) return '';
  const items = indexes
    .map((i) => view.findings[i])
    .filter((f): f is FindingView => !!f)
    .map((f) => `<li${spanAttrs(f.span)}><span class="nb-sev ${f.severity}">${SEV_LABEL[f.severity][lang === 'en' ? 1 : 0]}</span> ${escapeHtml(lang === 'en' ? f.message.en : f.message.zh)} <code>${escapeHtml(f.code)}</code></li>`);
  return `<ul class="${cls}">${items.join('')}</ul>`;
}

/** One table as a grid with its official header, or a note that the report lacks it. */
export function tableHtml(t: TableView, view: TableGridView, lang: HtmlLang = 'zh'): string {
  const title = escapeHtml(lang === 'en' ? t.title.en : t.title.zh);
  if (!t.present) return `<section class="nb-table-block" data-table="${t.id}"><h2>${title}</h2><p class="nb-absent">${T(lang, '报告中未找到此表。', 'This table was not found in the report.')}</p></section>`;
  const head = t.headerRows.length ? `<thead>${t.headerRows.map((row) => `<tr>${row.map((h) => headerCellHtml(h, 'col', view, lang)).join('')}</tr>`).join('')}</thead>` : '';
  const body = `<tbody>${t.rows.map((r) => rowHtml(r, view, lang)).join('')}</tbody>`;
  return `<section class="nb-table-block" data-table="${t.id}"><h2>${title}</h2><div class="nb-scroll"><table class="nb-grid nb-${t.id}">${head}${body}</table></div>${findingsListHtml(t.findings, view, lang)}</section>`;
}

const NUMERALS = '一二三四五六';

export function summaryHtml(s: SummaryView, lang: HtmlLang = 'zh'): string {
  const title = s.title ?? T(lang, '（未找到标题）', '(no title found)');
  const template = s.templateByContent && s.templateByYear && s.templateByContent !== s.templateByYear ? `${s.template}（${T(lang, `按年度应为 ${s.templateByYear}`, `the year implies ${s.templateByYear}`)}）` : s.template;
  const sections = [1, 2, 3, 4, 5, 6].map((i) => (s.sectionsPresent.includes(i) ? `<span>${NUMERALS[i - 1]}</span>` : `<span class="nb-sec-missing" title="${T(lang, '缺少此部分', 'section missing')}">${NUMERALS[i - 1]}</span>`)).join(' ');
  const carry =
    s.carryOver === 'checked'
      ? T(lang, `一致（${s.previous ?? ''}）`, `consistent (${s.previous ?? ''})`)
      : s.carryOver === 'mismatch'
        ? T(lang, '不一致', 'mismatch')
        : s.carryOver === 'no-previous'
          ? T(lang, '无上年报告', 'no previous report')
          : T(lang, '未核对', 'not checked');
  const c = s.counts;
  const counts = `<span class="${c.error ? 'nb-count-error' : ''}">${c.error} ${T(lang, '个错误', 'error(s)')}</span>，<span class="${c.warning ? 'nb-count-warning' : ''}">${c.warning} ${T(lang, '个警告', 'warning(s)')}</span>，${c.info + c.hint} ${T(lang, '条提示', 'note(s)')}`;
  const item = (k: string, v: string) => `<dt>${k}</dt><dd>${v}</dd>`;
  return `<header class="nb-summary"><div class="nb-title">${escapeHtml(title)}</div><dl>${[
    item(T(lang, '发布机关', 'Agency'), escapeHtml(s.agency ?? '—')),
    item(T(lang, '年度', 'Year'), s.year === null ? '?' : String(s.year)),
    item(T(lang, '模板', 'Template'), escapeHtml(template)),
    item(T(lang, '部分', 'Sections'), sections),
    item(T(lang, '问题', 'Problems'), counts),
    item(T(lang, '上年结转', 'Carry-over'), escapeHtml(carry)),
  ].join('')}</dl></header>`;
}

const SEVERITY_NAMES: Record<string, [string, string]> = { error: ['错误', 'error'], warning: ['警告', 'warning'], info: ['提示', 'info'], hint: ['建议', 'hint'] };
const severityName = (s: string, lang: HtmlLang) => (SEVERITY_NAMES[s] ? T(lang, SEVERITY_NAMES[s]![0], SEVERITY_NAMES[s]![1]) : s);

/** The legend; `interactive`: the cells are clickable (the editor's preview), not in a static page. */
function legendHtml(lang: HtmlLang, interactive: boolean): string {
  return `<div class="nb-legend"><span class="nb-zero">0</span>${T(lang, '零', 'zero')} <span>空</span>${T(lang, '空白', 'blank')} <span>?</span>${T(lang, '无法读取', 'unreadable')} <span>—</span>${T(lang, '导出丢失', 'lost in export')}${interactive ? ` · ${T(lang, '点击单元格可定位到原文', 'click a cell to select it in the text')}` : ''}</div>`;
}

/** The preview body: summary, legend and the three grids (a fragment, no scripts). */
export function viewHtml(view: TableGridView, lang: HtmlLang = 'zh', interactive = true): string {
  if (!view.summary.isReport) return `${summaryHtml(view.summary, lang)}<p class="nb-absent">${T(lang, '此文档看起来不是政府信息公开工作年度报告。', 'This document does not look like an annual report.')}</p>`;
  const other = view.otherFindings.length
    ? `<section class="nb-table-block nb-other"><h2>${T(lang, '其他问题', 'Other findings')}</h2>${findingsListHtml(view.otherFindings, view, lang)}</section>`
    : '';
  return summaryHtml(view.summary, lang) + legendHtml(lang, interactive) + view.tables.map((t) => tableHtml(t, view, lang)).join('') + other;
}

export interface PageFinding {
  line: number;
  severity: string;
  code: string;
  message: string;
}

export interface PageReport {
  /** Display path of the report. */
  path: string;
  view: TableGridView;
  /** The findings list under the grids (with 1-based lines); by default the view's findings. */
  findings?: PageFinding[];
}

export interface PageOptions {
  title?: string;
  /** At most this many findings are listed per report (default 300). */
  maxFindings?: number;
}

/**
 * A self-contained page for many reports (`nianbao summary --format html`): one section
 * per report with its grids and its findings. Inline stylesheet, no scripts, no remote
 * URLs; sections render lazily (`content-visibility`), so a big folder stays responsive.
 */
export function reportsPage(reports: PageReport[], lang: HtmlLang = 'zh', options: PageOptions = {}): string {
  const max = options.maxFindings ?? 300;
  const title = options.title ?? T(lang, '政府信息公开工作年度报告检查结果', 'Annual report check results');
  const toc = reports.length > 1 ? `<nav class="nb-toc"><ol>${reports.map((r, i) => `<li><a href="#r${i + 1}">${escapeHtml(r.path)}</a> — ${r.view.summary.counts.error} ${T(lang, '错误', 'errors')}，${r.view.summary.counts.warning} ${T(lang, '警告', 'warnings')}</li>`).join('')}</ol></nav>` : '';
  const sections = reports.map((r, i) => {
    const list = r.findings ?? r.view.findings.map((f) => ({ line: 0, severity: f.severity, code: f.code, message: lang === 'en' ? f.message.en : f.message.zh }));
    const shown = list.slice(0, max);
    const items = shown.map((f) => `<li><span class="nb-sev ${escapeHtml(f.severity)}">${escapeHtml(severityName(f.severity, lang))}</span> ${f.line > 0 ? `${T(lang, '第', 'line ')}${f.line}${T(lang, '行', '')}：` : ''}${escapeHtml(f.message)} <code>${escapeHtml(f.code)}</code></li>`);
    const more = list.length - shown.length + (r.findings ? 0 : r.view.findingsOmitted);
    if (more > 0) items.push(`<li>${T(lang, `另有 ${more} 条未列出`, `${more} more not listed`)}</li>`);
    const findings = items.length ? `<h2>${T(lang, '问题列表', 'Findings')}</h2><ul class="nb-findings">${items.join('')}</ul>` : `<p>${T(lang, '未发现问题。', 'No findings.')}</p>`;
    return `<section class="nb-report" id="r${i + 1}"><h1>${escapeHtml(r.path)}</h1>${viewHtml(r.view, lang, false)}${findings}</section>`;
  });
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
${PREVIEW_CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${toc}
${sections.join('\n')}
</body>
</html>
`;
}

