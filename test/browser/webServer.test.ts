// The web extension's language server (dist/web/server.js) runs in a Web Worker in
// Chromium and speaks LSP over postMessage, as in VS Code for the web: it answers a
// pull-diagnostics request for a report with the findings the CLI reports, and says that
// the workspace scan (which needs a file system) is unavailable.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { cliFindings, EXAMPLES, launch, WEB_SERVER } from './support';

const REPORT = join(EXAMPLES, '某某市某某局2024年政府信息公开工作年度报告（有错误）.txt');

let browser: Browser;
let page: Page;

before(async () => {
  browser = await launch();
  const context = await browser.newContext();
  await context.setOffline(true);
  page = await context.newPage();
  // A minimal LSP client in the page: requests by id, answers the server's own requests.
  await page.evaluate((source) => {
    const w = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    const waiting = new Map<number, (v: unknown) => void>();
    let id = 0;
    w.onmessage = (e: MessageEvent) => {
      const m = e.data as { id?: number; method?: string; result?: unknown; error?: unknown };
      if (m.method && m.id !== undefined) w.postMessage({ jsonrpc: '2.0', id: m.id, result: m.method === 'workspace/configuration' ? [null] : null });
      else if (m.id !== undefined && waiting.has(m.id)) {
        waiting.get(m.id)!(m.error ? { error: m.error } : m.result);
        waiting.delete(m.id);
      }
    };
    const g = globalThis as unknown as Record<string, unknown>;
    g['lspRequest'] = (method: string, params: unknown) =>
      new Promise((res) => {
        const n = ++id;
        waiting.set(n, res);
        w.postMessage({ jsonrpc: '2.0', id: n, method, params });
      });
    g['lspNotify'] = (method: string, params: unknown) => w.postMessage({ jsonrpc: '2.0', method, params });
  }, readFileSync(WEB_SERVER, 'utf8'));
});

after(async () => {
  await browser?.close();
});

const request = (method: string, params: unknown) => page.evaluate(([m, p]) => (globalThis as unknown as { lspRequest(m: string, p: unknown): Promise<unknown> }).lspRequest(m, p), [method, params] as const);
const notify = (method: string, params: unknown) => page.evaluate(([m, p]) => (globalThis as unknown as { lspNotify(m: string, p: unknown): void }).lspNotify(m, p), [method, params] as const);

describe('web extension server in a Web Worker', () => {
  it('initializes, then answers textDocument/diagnostic with the CLI’s findings', async () => {
    const init = (await request('initialize', { processId: null, rootUri: null, locale: 'zh-CN', capabilities: { textDocument: { diagnostic: {} } } })) as { capabilities: { diagnosticProvider?: unknown }; serverInfo: { name: string } };
    assert.equal(init.serverInfo.name, 'nianbao');
    assert.ok(init.capabilities.diagnosticProvider, 'pull diagnostics offered');
    await notify('initialized', {});
    const uri = 'vscode-vfs://github/example/reports/report.txt';
    await notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: readFileSync(REPORT, 'utf8') } });
    const report = (await request('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: { code: string; message: string; range: { start: { line: number; character: number } } }[] };
    assert.equal(report.kind, 'full');
    const got = report.items.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]);
    const want = cliFindings(REPORT).map((f) => [f.code, f.range.start.line, f.range.start.character, f.message]);
    assert.ok(want.some((f) => f[0] === 'row-total'), 'the report has a wrong total');
    assert.deepEqual(got, want);
  });

  it('says the workspace scan is unavailable without a file system', async () => {
    assert.deepEqual(await request('nianbao/checkWorkspace', null), { files: 0, reports: 0, available: false });
  });
});
