// The preview's HTML: escaped, CSP-safe fragments from the grid view-model, and the
// self-contained page of `nianbao summary --format html`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { check, parse } from '../../../server/src/engine/index.ts';
import { buildGridView } from '../../../server/src/engine/view/grid.ts';
import { escapeHtml, PREVIEW_CSS, reportsPage, viewHtml } from '../../../server/src/engine/view/html.ts';
import { BROKEN_REPORT, CLEAN_REPORT, renderReport } from '../../support/reports.ts';

const htmlOf = (text: string, lang: 'zh' | 'en' = 'zh') => {
  const r = check(text);
  return viewHtml(buildGridView(r.model, r.findings), lang);
};
/** The <td>/<th> carrying `data-span="s-e"` for the model cell at (table, row, col). */
function cellTag(html: string, text: string, row: string, col: string): string {
  const m = parse(text);
  const c = m.tables.T3!.rows.find((r) => r.id === row)!.cells.find((x) => x.col === col)!;
  const re = new RegExp(`<td[^>]*data-span="${c.span!.start}-${c.span!.end}"[^>]*>.*?</td>`);
  const found = html.match(re);
  assert.ok(found, `no cell for ${row}.${col}`);
  return found[0];
}

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';

test('escapeHtml escapes the five special characters', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('text from the report is escaped: an agency name with markup renders as text', () => {
  const html = htmlOf(renderReport({ agency: HOSTILE }));
  assert.doesNotMatch(html, /<script|<img/i);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('the fragment is CSP-safe: no scripts, inline event handlers, style attributes or remote URLs', () => {
  for (const html of [htmlOf(BROKEN_REPORT), htmlOf(renderReport({ agency: HOSTILE }), 'en')]) {
    // Escaped report text never holds `<`, so the tags are exactly the markup.
    const tags = (html.match(/<[^>]*>/g) ?? []).join('\n');
    assert.doesNotMatch(tags, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(tags, /\sstyle\s*=/i);
    assert.doesNotMatch(tags, /\s(src|href|action)\s*=/i);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /(https?:)?\/\/[a-z0-9]/i);
    assert.doesNotMatch(html, /<(link|iframe|object|embed|img)\b/i);
  }
});

test('merged header cells are rendered with rowspan and colspan as in the official form', () => {
  const html = htmlOf(CLEAN_REPORT);
  assert.match(html, /<th scope="colgroup" class="nb-h-note nb-note" rowspan="3" colspan="3">（本列数据的勾稽关系为/);
  assert.match(html, /colspan="7">申请人情况</);
  assert.match(html, /rowspan="2"[^>]*>自然人</);
  assert.match(html, /colspan="5">法人或其他组织</);
  assert.match(html, /colspan="10">行政诉讼</);
  assert.match(html, /rowspan="22"[^>]*>三、本年度办理结果</);
});

test('zero, blank and unreadable cells get different classes and texts', () => {
  const text = renderReport({ t3: { R2: ['', 0, 0, 0, 0, 0, 0] } });
  const model = parse(text);
  const r2 = model.tables.T3!.rows.find((r) => r.id === 'R2')!;
  Object.assign(r2.cells[1]!, { state: 'unreadable', value: null });
  const html = viewHtml(buildGridView(model, []));
  const blank = cellTag(html, text, 'R2', 'C1');
  const unreadable = cellTag(html, text, 'R2', 'C2');
  const zero = cellTag(html, text, 'R2', 'C3');
  assert.match(blank, /class="nb-cell nb-s-blank"[^>]*title="空白（按 0 计算）"><\/td>$/);
  assert.match(unreadable, /class="nb-cell nb-s-unreadable"[^>]*>\?<\/td>$/);
  assert.match(zero, /class="nb-cell nb-s-number nb-zero"[^>]*>0<\/td>$/);
});

test('a wrong total is highlighted by severity, with the message in its title and the computed value shown', () => {
  const html = htmlOf(BROKEN_REPORT);
  const td = cellTag(html, BROKEN_REPORT, 'R1', 'C7');
  assert.match(td, /nb-sev-error/);
  assert.match(td, /title="[^"]*\[错误\] [^"]*20 ≠ 各项之和 19[^"]*\(row-total\)[^"]*计算值：19"/);
  assert.match(td, />20<span class="nb-computed">→ 19<\/span><\/td>$/);
});

test('cells carry data-span with their UTF-16 source offsets (click-to-reveal) and are focusable', () => {
  const html = htmlOf(BROKEN_REPORT);
  const td = cellTag(html, BROKEN_REPORT, 'R1', 'C7');
  const [, s, e] = td.match(/data-span="(\d+)-(\d+)"/)!;
  assert.equal(BROKEN_REPORT.slice(Number(s), Number(e)), '20');
  assert.match(td, /data-start="\d+" data-end="\d+" tabindex="0"/);
});

test('English labels the summary and the states in English', () => {
  const html = htmlOf(BROKEN_REPORT, 'en');
  assert.match(html, /<dt>Template<\/dt><dd>F2021<\/dd>/);
  assert.match(html, /\[error\] [^"]*sum of its parts 19/);
});

test('the summary lists sections (missing ones marked) and error/warning counts', () => {
  const html = htmlOf(BROKEN_REPORT);
  assert.match(html, /<span class="nb-sec-missing" title="缺少此部分">六<\/span>/);
  assert.match(html, /<span class="nb-count-error">\d+ 个错误<\/span>/);
});

test('a document that is not a report says so instead of drawing empty grids', () => {
  const html = htmlOf('这是一份会议纪要。\n');
  assert.match(html, /不是政府信息公开工作年度报告/);
  assert.doesNotMatch(html, /<table/);
});

test('the stylesheet uses VS Code theme variables with fallbacks and CJK fonts', () => {
  assert.match(PREVIEW_CSS, /var\(--vscode-editor-foreground, #[0-9a-f]+\)/);
  assert.match(PREVIEW_CSS, /var\(--vscode-editor-background, #[0-9a-f]+\)/);
  assert.match(PREVIEW_CSS, /"Microsoft YaHei"/);
  assert.match(PREVIEW_CSS, /"Noto Sans CJK SC"/);
  assert.doesNotMatch(PREVIEW_CSS, /url\(|@import/);
});

const builtCss = new URL('../../../media/preview.css', import.meta.url);
test('media/preview.css (the webview stylesheet) is written by the build from the renderer stylesheet', { skip: !existsSync(builtCss) && 'run npm run build first' }, () => {
  assert.equal(readFileSync(builtCss, 'utf8'), PREVIEW_CSS);
});

test('the page is self-contained: one section per report, inline stylesheet, no scripts or remote resources', () => {
  const reports = [CLEAN_REPORT, BROKEN_REPORT].map((t, i) => {
    const r = check(t);
    return { path: `dir/${i}.txt`, view: buildGridView(r.model, r.findings) };
  });
  const page = reportsPage(reports);
  assert.match(page, /^<!doctype html>/);
  assert.match(page, /<html lang="zh-CN">/);
  assert.equal(page.match(/<section class="nb-report"/g)!.length, 2);
  assert.match(page, /<style>\n:root \{/);
  assert.match(page, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
  assert.doesNotMatch(page, /<script|<link|https?:\/\//i);
  assert.doesNotMatch((page.match(/<[^>]*>/g) ?? []).join('\n'), /\son[a-z]+\s*=|\sstyle\s*=|\s(src|href)\s*=\s*"?[a-z]+:/i);
  assert.match(page, /<h1>dir\/1\.txt<\/h1>/);
});

test('the page lists each report\'s findings with their lines, capped', () => {
  const r = check(BROKEN_REPORT);
  const findings = Array.from({ length: 5 }, (_, i) => ({ line: i + 1, severity: 'error', code: 'row-total', message: `m${i}<b>` }));
  const page = reportsPage([{ path: 'a.txt', view: buildGridView(r.model, r.findings), findings }], 'zh', { maxFindings: 3 });
  assert.match(page, /第1行：m0&lt;b&gt;/);
  assert.doesNotMatch(page, /m3&lt;b&gt;/);
  assert.match(page, /另有 2 条未列出/);
});

test('a page for a large folder grows linearly with the reports (the grids are bounded by the template)', () => {
  // Speed is measured by `npm run bench`; here only the size, which is what would blow up.
  const r = check(BROKEN_REPORT);
  const view = buildGridView(r.model, r.findings);
  const one = reportsPage([{ path: 'r0.txt', view }]).length;
  const page = reportsPage(Array.from({ length: 300 }, (_, i) => ({ path: `r${i}.txt`, view })));
  assert.ok(page.length < one * 300 * 1.1, `300 reports: ${page.length} characters, one: ${one}`);
});
