// The offline page (dist/nianbao.html) opened from disk in headless Chromium with the
// network off: a report's findings and marked cells equal what the CLI reports for the same
// file; pasted text is re-checked as it is edited; the preferred fix makes the table
// consistent; downloads; English; and no request ever leaves the page.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeLocation, type SourceLocation } from '../../server/src/engine/index';
import { cliFindings, cliSummaryHtml, CORPUS, EXAMPLES, launch, PAGE } from './support';
import { reportToPdf } from '../support/pdf';

const BROKEN = join(EXAMPLES, '某某市某某局2024年政府信息公开工作年度报告（有错误）.txt');
const CLEAN = join(EXAMPLES, '某某县人民政府办公室2024年政府信息公开工作年度报告.txt');
/** A real report with wrong totals in its table 3, in every form. */
const CORPUS_REPORT = join(CORPUS, 'pt-haitan-2024');

let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

before(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  await context.setOffline(true);
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(PAGE).href);
});

after(async () => {
  await browser?.close();
});

/** Finding rows of the report on screen: code, severity, 1-based line and column, message, location shown. */
async function shownFindings(p: Page): Promise<string[][]> {
  return p.$$eval('#result .finding-list li', (lis) =>
    lis.map((li) => [li.getAttribute('data-code')!, li.getAttribute('data-severity')!, li.getAttribute('data-line')!, li.getAttribute('data-column')!, li.querySelector('.msg')!.textContent!, li.querySelector('.loc')!.textContent!]),
  );
}

/** Every marked cell of the grids: table, row, column, classes, span, computed value. */
const MARKED = (root: ParentNode) =>
  Array.from(root.querySelectorAll('.nb-table-block .nb-grid [class*="nb-sev-"]')).map((el) => [
    el.closest('.nb-table-block')!.getAttribute('data-table') ?? '',
    el.closest('tr')?.getAttribute('data-row') ?? '',
    el.getAttribute('data-col') ?? '',
    el.getAttribute('class') ?? '',
    el.getAttribute('data-span') ?? '',
    el.querySelector('.nb-computed')?.textContent ?? '',
  ]);

async function shownMarkedCells(p: Page): Promise<string[][]> {
  return p.evaluate(`(${MARKED.toString()})(document.getElementById('result'))`);
}

/** The CLI's marked cells: its HTML summary (the same grids) loaded into a blank page. */
async function cliMarkedCells(file: string): Promise<string[][]> {
  const other = await context.newPage();
  await other.setContent(cliSummaryHtml(file));
  const cells = (await other.evaluate(`(${MARKED.toString()})(document)`)) as string[][];
  await other.close();
  return cells;
}

/** The CLI's findings as the page shows them: a text file's line and column, a structured file's location in the file. */
function cliRows(file: string): string[][] {
  return cliFindings(file).map((f) => {
    const [line, column] = [f.range.start.line + 1, f.range.start.character + 1];
    const loc = (f as { location?: SourceLocation }).location;
    return [f.code, f.severity, String(line), String(column), f.message, loc ? describeLocation(loc).zh : `第 ${line} 行第 ${column} 列`];
  });
}

async function openFiles(files: string[]): Promise<void> {
  const before = await page.locator('#list-items li').count();
  await page.setInputFiles('#pick', files);
  await page.waitForFunction((n) => document.querySelectorAll('#list-items li').length === n && !document.querySelector('#list-items .pending'), before + files.length);
}

async function selectReport(name: string): Promise<void> {
  await page.locator('#list-items button', { hasText: name }).first().click();
  await page.waitForSelector('#result .findings-block');
}

describe('offline page (dist/nianbao.html, file://, offline)', () => {
  it('shows a text report’s findings and marked cells as the CLI reports them', async () => {
    await openFiles([BROKEN]);
    await selectReport('（有错误）');
    const want = cliRows(BROKEN);
    assert.ok(want.some((f) => f[0] === 'row-total'), 'the example has a wrong total');
    assert.deepEqual(await shownFindings(page), want);
    const marked = await shownMarkedCells(page);
    assert.ok(marked.some((c) => c[0] === 'T3' && c[3]!.includes('nb-sev-error') && c[5] !== ''), 'a wrong total is marked with its computed value');
    assert.deepEqual(marked, await cliMarkedCells(BROKEN));
    const summary = await page.locator('#result .nb-summary').innerText();
    assert.match(summary, /某某市某某局/);
    assert.match(summary, /2024/);
    assert.match(summary, /F2021/);
  });

  it('reads a real report as Word, web page, PDF and text in one batch: findings, locations and marked cells as the CLI reports them', async (t) => {
    const files = ['page.docx', 'page.html', 'print.pdf', 'word.txt', 'pdf.txt'].map((f) => join(CORPUS_REPORT, f)).filter(existsSync);
    if (files.length === 0) return t.skip('../shared/corpus is not available');
    await openFiles(files);
    for (const f of files) {
      await selectReport(f.split('/').pop()!);
      assert.deepEqual(await shownFindings(page), cliRows(f), f);
      assert.deepEqual(await shownMarkedCells(page), await cliMarkedCells(f), f);
    }
    // The report's wrong totals are marked in every structured form.
    for (const f of ['page.docx', 'print.pdf']) {
      await selectReport(f);
      assert.ok((await page.locator('#result .nb-T3 td.nb-sev-error .nb-computed').count()) > 0, `${f}: wrong cells marked with their computed values`);
      assert.equal(await page.locator('#editor').getAttribute('readonly'), '', `${f}: read-only text`);
    }
    assert.equal(await page.locator('#progress').isHidden(), true, 'progress is hidden when the batch is done');
  });

  it('reads a PDF whose Chinese font is not embedded (UniGB-UCS2-H) with the CMaps it carries, as the CLI does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-unigb-'));
    const file = join(dir, '未嵌入字体.pdf');
    writeFileSync(file, reportToPdf(readFileSync(BROKEN, 'utf8'), { font: 'unigb' }));
    await openFiles([file]);
    await selectReport('未嵌入字体.pdf');
    const rows = await shownFindings(page);
    assert.ok(rows.some((r) => r[0] === 'row-total'), 'the wrong total is found');
    assert.deepEqual(rows, cliRows(file));
  });

  it('re-checks pasted text as it is edited, and the preferred fix makes the table consistent', async () => {
    await page.click('#new-text');
    const editor = page.locator('#editor');
    await editor.fill(readFileSync(CLEAN, 'utf8'));
    await page.waitForFunction(() => /0 个错误/.test(document.querySelector('#result .nb-summary')?.textContent ?? ''));
    // Change table 3's first total, 19, into 29 by typing.
    const text = await editor.inputValue();
    const line = text.split('\n').findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
    const at = text.split('\n').slice(0, line).join('\n').length + 1 + text.split('\n')[line]!.lastIndexOf('19');
    await editor.evaluate((el: HTMLTextAreaElement, a: number) => {
      el.focus();
      el.setSelectionRange(a, a + 1);
    }, at);
    await page.keyboard.type('2');
    const rowTotal = page.locator('#result .finding-list li[data-code="row-total"]');
    await rowTotal.waitFor();
    assert.match(await rowTotal.innerText(), /总计 29 ≠ 各项之和 19/);
    assert.equal(await page.locator('#result .nb-T3 td.nb-sev-error .nb-computed').first().innerText(), '→ 19');
    // One click on the preferred fix: the total is 19 again and nothing is wrong.
    await rowTotal.locator('button.fix').click();
    await page.waitForFunction(() => !document.querySelector('#result .finding-list li[data-code="row-total"]'));
    assert.equal(await page.locator('#result .nb-T3 [class*="nb-sev-error"]').count(), 0);
    assert.equal(await page.locator('#result .finding-list li[data-severity="error"]').count(), 0);
    assert.equal(await editor.inputValue(), readFileSync(CLEAN, 'utf8'));
  });

  it('fixes all, and downloads the corrected text and the HTML summary', async () => {
    await selectReport('（有错误）');
    await page.click('#fix-all');
    await page.waitForFunction(() => !document.querySelector('#result .finding-list li[data-code="row-total"]'));
    const [text] = await Promise.all([page.waitForEvent('download'), page.click('#download-text')]);
    assert.match(text.suggestedFilename(), /（修改后）\.txt$/);
    const saved = readFileSync((await text.path())!, 'utf8');
    assert.equal(saved.replace(/^\ufeff/, ''), await page.locator('#editor').inputValue());
    assert.doesNotMatch(saved, /^2、/m, 'the numbering fix is in the saved text');
    const [summary] = await Promise.all([page.waitForEvent('download'), page.click('#download-summary')]);
    const html = readFileSync((await summary.path())!, 'utf8');
    assert.match(html, /<table class="nb-grid nb-T3">/);
    assert.match(html, /某某市某某局/);
  });

  it('switches to English and back', async () => {
    await page.click('#lang');
    assert.equal(await page.locator('h1').innerText(), 'Nianbao · offline checker');
    assert.match(await page.locator('#result .findings-block h2').innerText(), /^Findings/);
    await page.click('#lang');
    assert.equal(await page.locator('h1').innerText(), '年报助手 · 离线检查');
  });

  it('makes no request beyond the page itself and its worker, and logs no error', () => {
    const page0 = pathToFileURL(PAGE).href;
    assert.deepEqual(
      requests.filter((u) => u !== page0 && !u.startsWith('blob:')),
      [],
    );
    assert.ok(requests.some((u) => u.startsWith('blob:')), 'the worker started from a blob: URL');
    assert.deepEqual(errors, []);
  });
});
