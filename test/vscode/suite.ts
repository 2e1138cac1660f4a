// Extension-host tests: loaded by VS Code itself (code-server here, or a desktop VS Code
// through @vscode/test-electron) with the real `vscode` API. The entry exports `run()` as
// @vscode/test-electron expects; it also writes a result file (NIANBAO_TEST_RESULT) because
// code-server reports a crashed extension host as success.

import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
// mocha is loaded from the project's node_modules at run time (kept out of the bundle).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha = require('mocha') as typeof import('mocha');

const FIXTURES = process.env.NIANBAO_TEST_FIXTURES ?? path.resolve(__dirname, '../../../test/vscode/fixtures');
const fixture = (name: string) => vscode.Uri.file(path.join(FIXTURES, name));

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code));

/** Resolves when `pred` holds for the document's diagnostics (event-driven, with a timeout). */
function waitForDiagnostics(uri: vscode.Uri, pred: (ds: vscode.Diagnostic[]) => boolean, ms = 15000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (pred(ds)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(ds);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out; diagnostics: ${vscode.languages.getDiagnostics(uri).map(codeOf).join(', ')}`));
    }, ms);
    check();
  });
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixture(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function setConfig(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
}

/** [title, test, timeout ms (default 30 s)] */
const tests: [string, () => Promise<void>, number?][] = [
  [
    'the extension activates on a report',
    async () => {
      await open('某局2024年度报告-缺第六部分.txt');
      const ext = vscode.extensions.getExtension('nianbao.nianbao');
      assert.ok(ext, 'extension nianbao.nianbao is installed');
      await waitUntil(() => ext.isActive, 'extension activation');
    },
  ],
  [
    'a report missing section 六 shows section-missing',
    async () => {
      const doc = await open('某局2024年度报告-缺第六部分.txt');
      assert.equal(doc.languageId, 'nianbao');
      const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'section-missing'));
      const d = ds.find((x) => codeOf(x) === 'section-missing')!;
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(d.source, 'nianbao');
    },
  ],
  [
    'a wrong total shows row-total on the total cell',
    async () => {
      const doc = await open('某局2024年度报告-合计错误.txt');
      const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'row-total'));
      const d = ds.find((x) => codeOf(x) === 'row-total')!;
      assert.equal(doc.getText(d.range), '20');
    },
  ],
  [
    'the outline lists the title, the six sections and the tables',
    async () => {
      const doc = await open('plain-report.txt');
      await waitForDiagnostics(doc.uri, (d) => d.length > 0);
      const syms = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
      assert.equal(syms.length, 1);
      assert.match(syms[0]!.name, /年度报告/);
      assert.deepEqual(syms[0]!.children.map((c) => c.name.charAt(0)), ['一', '二', '三', '四', '五', '六']);
      assert.ok(syms[0]!.children[2]!.children.some((c) => /表三|Table 3/.test(c.name)));
    },
  ],
  [
    'a quick fix sets the total and the diagnostic goes away',
    async () => {
      const doc = await open('某局2024年度报告-合计错误.txt');
      const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'row-total'));
      const d = ds.find((x) => codeOf(x) === 'row-total')!;
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      const fix = actions.find((a) => a.isPreferred && a.edit);
      assert.ok(fix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      await waitForDiagnostics(doc.uri, (x) => !x.some((y) => codeOf(y) === 'row-total'));
      assert.equal(doc.getText(d.range).trim(), '19');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  ],
  [
    'fix-all runs on save through editor.codeActionsOnSave',
    async () => {
      await setConfig('editor', 'codeActionsOnSave', { 'source.fixAll.nianbao': 'explicit' });
      try {
        const doc = await open('某局2024年度报告-合计错误.txt');
        await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'row-total'));
        const editor = vscode.window.activeTextEditor!;
        // Make the document dirty so that save runs the actions.
        await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), ''));
        await editor.edit((e) => e.insert(doc.positionAt(doc.getText().length), '\n'));
        await doc.save();
        await waitForDiagnostics(doc.uri, (x) => !x.some((y) => ['row-total', 'result-total', 'section-numbering'].includes(codeOf(y))));
      } finally {
        await setConfig('editor', 'codeActionsOnSave', undefined);
        await restoreFixture('某局2024年度报告-合计错误.txt');
      }
    },
  ],
  [
    'changing nianbao.rules changes the diagnostics without a reload',
    async () => {
      const doc = await open('某局2024年度报告-缺第六部分.txt');
      await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'section-missing'));
      await setConfig('nianbao', 'rules', { 'section-missing': 'off' });
      try {
        await waitForDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'section-missing'));
      } finally {
        await setConfig('nianbao', 'rules', undefined);
      }
      await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'section-missing'));
    },
  ],
  [
    'the new-report command opens a report whose only warnings are its unfilled placeholders',
    async () => {
      await vscode.commands.executeCommand('nianbao.newReport', { year: 2024, agency: '某某局', layout: 'tsv' });
      const doc = vscode.window.activeTextEditor!.document;
      assert.equal(doc.languageId, 'nianbao');
      assert.match(doc.getText(), /某某局2024年政府信息公开工作年度报告/);
      const ds = await waitForDiagnostics(doc.uri, (d) => d.length > 0);
      // The blank template's （待填写：…） notes are meant to be flagged until the author fills them in.
      const loud = ds.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map(codeOf);
      assert.ok(loud.length > 0 && loud.every((c) => c === 'placeholder'), `only placeholder warnings: ${loud.join(', ')}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  ],
  [
    'the table preview opens beside the report',
    async () => {
      const doc = await open('某局2024年度报告-合计错误.txt');
      await waitForDiagnostics(doc.uri, (d) => d.length > 0);
      await vscode.commands.executeCommand('nianbao.openTablePreview');
      const isPreview = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && /nianbao\.tablePreview/.test(t.input.viewType);
      await waitUntil(() => vscode.window.tabGroups.all.some((g) => g.tabs.some(isPreview)), 'the preview tab');
      const group = vscode.window.tabGroups.all.find((g) => g.tabs.some(isPreview))!;
      assert.notEqual(group.viewColumn, vscode.ViewColumn.One);
      // Leave time for a screenshot when the launcher takes them (never in CI).
      if (process.env.NIANBAO_VSCODE_LINGER === "1") await new Promise((r) => setTimeout(r, 8000));
      await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    },
  ],
  [
    'Open as annual report: a web page opens beside as a checked report with the table preview; the page is not modified',
    async () => {
      const page = fixture('某局2024年度报告-网页.html');
      const before = (await vscode.workspace.fs.readFile(page)).toString();
      await vscode.commands.executeCommand('nianbao.openAsReport', page);
      const isReport = (d: vscode.TextDocument) => d.uri.scheme === 'untitled' && d.languageId === 'nianbao' && d.getText().includes('本年新收政府信息公开申请数量');
      await waitUntil(() => vscode.workspace.textDocuments.some(isReport), 'the rendering opened');
      const doc = vscode.workspace.textDocuments.find(isReport)!;
      assert.equal(doc.languageId, 'nianbao');
      assert.match(doc.getText(), /^\| 一、本年新收政府信息公开申请数量 \|/m);
      const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'row-total'));
      assert.ok(ds.length > 0);
      const isPreview = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && /nianbao\.tablePreview/.test(t.input.viewType);
      await waitUntil(() => vscode.window.tabGroups.all.some((g) => g.tabs.some(isPreview)), 'the preview tab');
      if (process.env.NIANBAO_VSCODE_LINGER === "1") await new Promise((r) => setTimeout(r, 8000));
      assert.equal((await vscode.workspace.fs.readFile(page)).toString(), before);
      // One editor shows the rendering (VS Code once opened it twice, in the active group too);
      // a request while one runs (a menu that fires twice) adds nothing.
      const layout = () => vscode.window.tabGroups.all.map((g) => `${g.viewColumn}: ${g.tabs.map((t) => t.label).join(' | ')}`).join('; ');
      const renderingTabs = () =>
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && vscode.workspace.textDocuments.some((d) => isReport(d) && d.uri.toString() === (t.input as vscode.TabInputText).uri.toString())).length;
      assert.equal(renderingTabs(), 1, layout());
      await Promise.all([vscode.commands.executeCommand('nianbao.openAsReport', page), vscode.commands.executeCommand('nianbao.openAsReport', page)]);
      assert.equal(renderingTabs(), 2, layout());
      await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
    // The first use loads dist/sources.js (the readers) into the extension host.
    90000,
  ],
  [
    'a .txt that is not a report gets no diagnostics',
    async () => {
      const notes = await open('会议纪要.txt');
      assert.equal(notes.languageId, 'plaintext');
      // Requests are handled in order: once a report opened after it has diagnostics, the
      // server has seen the notes too.
      const report = await vscode.workspace.openTextDocument(fixture('plain-report.txt'));
      await vscode.window.showTextDocument(report);
      await waitForDiagnostics(report.uri, (d) => d.length > 0);
      assert.deepEqual(vscode.languages.getDiagnostics(notes.uri), []);
    },
  ],
];

if (process.env.NIANBAO_VSCODE_FAIL === '1') {
  tests.push(['a test that fails on purpose (NIANBAO_VSCODE_FAIL=1)', async () => assert.fail('failing on purpose')]);
}

async function waitUntil(cond: () => boolean, what: string, ms = 15000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function restoreFixture(name: string): Promise<void> {
  const orig = path.join(FIXTURES, '.orig', name);
  const data = await vscode.workspace.fs.readFile(vscode.Uri.file(orig));
  await vscode.workspace.fs.writeFile(fixture(name), data);
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30000, color: false });
  const suite = Mocha.Suite.create(mocha.suite, 'Nianbao in VS Code');
  for (const [title, fn, ms] of tests) {
    const t = new Mocha.Test(title, fn);
    suite.addTest(t);
    // After addTest, which gives every test the suite's timeout.
    if (ms) t.timeout(ms);
  }
  const results: { title: string; state: string; error?: string; ms?: number }[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.NIANBAO_TEST_RESULT;
      const passed = results.filter((r) => r.state === 'passed').length;
      if (file) writeFileSync(file, JSON.stringify({ passed, failed: failures, tests: results }, null, 2));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.title, state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err) => results.push({ title: t.title, state: 'failed', error: String(err?.stack ?? err) }));
  });
}
