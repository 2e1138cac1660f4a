// The VS Code extension, for desktop (extension.ts: the server as a Node process) and for
// the web (web.ts: the server in a Web Worker). Everything a user sees about a report
// (diagnostics, outline, fixes, hover) comes from the server; the client adds commands, the
// status bar and settings plumbing. Nothing here touches Node: both entries share it.

import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { renderBlankReport, type BlankLayout } from '../../server/src/engine/index';
import { REQUESTS, type RequestMethod, type RequestParams, type RequestResult } from '../../server/src/protocol';
import { registerOpenAsReport, type SourcesLoader } from './openAsReport';
import { registerTablePreview } from './preview';

/** How an entry point makes its language client (Node process or Web Worker). */
export interface Platform {
  createClient(context: vscode.ExtensionContext, id: string, name: string, options: LanguageClientOptions): BaseLanguageClient;
  /** URI schemes of the documents to check; null for every scheme (the web's virtual file systems). */
  schemes: string[] | null;
  /** The structured-source readers (web page, Word, PDF), loaded on first use; none: not offered. */
  loadSources?: SourcesLoader;
}

let client: BaseLanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let platform: Platform;

/** A custom request to the server, typed by the shared protocol (server/src/protocol.ts). */
function request<M extends RequestMethod>(c: BaseLanguageClient, method: M, params: RequestParams<M>): Promise<RequestResult<M>> {
  return c.sendRequest(method, params);
}

function documentSelector(): LanguageClientOptions['documentSelector'] {
  const detect = vscode.workspace.getConfiguration('nianbao').get<boolean>('detect', true);
  // Plain text and Markdown too: the server publishes nothing unless the text is a report.
  const languages = detect ? ['nianbao', 'plaintext', 'markdown'] : ['nianbao'];
  return languages.flatMap((language) => (platform.schemes ? platform.schemes.map((scheme) => ({ language, scheme })) : [{ language }]));
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  // The server reads .nianbaorc.json (rules, localStructures, previousReport) and re-checks when one changes.
  const configFiles = vscode.workspace.createFileSystemWatcher('**/.nianbaorc.json');
  context.subscriptions.push(configFiles);
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: 'nianbao', fileEvents: configFiles },
    initializationOptions: { locale: vscode.env.language },
    outputChannel: output,
  };
  client = platform.createClient(context, 'nianbao', 'Nianbao 年报助手', clientOptions);
  await client.start();
}

export async function activateOn(p: Platform, context: vscode.ExtensionContext): Promise<void> {
  platform = p;
  output = vscode.window.createOutputChannel('Nianbao 年报助手', { log: true });
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.restartServer', async () => {
      if (client) await client.stop();
      await startClient(context);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Nianbao server restarted'), 3000);
    }),
    vscode.commands.registerCommand('nianbao.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand('nianbao.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      await vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.nianbao', apply: 'first' });
    }),
    vscode.commands.registerCommand('nianbao.newReport', async (args?: { year?: number; agency?: string; layout?: BlankLayout }) => {
      const thisYear = new Date().getFullYear() - 1;
      const yearText =
        args?.year !== undefined
          ? String(args.year)
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('New annual report'),
              prompt: vscode.l10n.t('Report year'),
              value: String(thisYear),
              validateInput: (v) => (/^(19|20)\d{2}$/.test(v) && Number(v) >= 2019 ? undefined : vscode.l10n.t('A year from 2019 on')),
            });
      if (!yearText) return;
      const agency = args?.agency ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('New annual report'), prompt: vscode.l10n.t('Issuing body (e.g. 某某县人民政府办公室)') }));
      if (!agency) return;
      const layout =
        args?.layout ??
        ((await vscode.window.showQuickPick(
          [
            { label: vscode.l10n.t('Tab-separated tables'), value: 'tsv' as const },
            { label: vscode.l10n.t('Markdown tables'), value: 'markdown' as const },
          ],
          { title: vscode.l10n.t('Table layout') },
        ))?.value ?? 'tsv');
      const content = renderBlankReport({ year: Number(yearText), agency, layout });
      const doc = await vscode.workspace.openTextDocument({ language: 'nianbao', content });
      await vscode.window.showTextDocument(doc);
    }),
    vscode.commands.registerCommand('nianbao.checkWorkspace', async () => {
      if (!client) return;
      const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking reports…') }, () =>
        request(client!, REQUESTS.checkWorkspace, undefined),
      );
      if (r.available === false) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Checking unopened files needs the desktop VS Code; here, open a report to check it.'));
        return;
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Nianbao checked {0} report(s) in {1} file(s); their problems are in the Problems panel.', r.reports, r.files));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand('nianbao.showModel', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      const model = await request(client, REQUESTS.model, { uri: editor.document.uri.toString() });
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(model, null, 2) });
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('nianbao.detect') && client) {
        await client.stop();
        await startClient(context);
      }
    }),
  );

  if (p.loadSources) registerOpenAsReport(context, p.loadSources);

  registerTablePreview(context, async (uri) => (client ? request(client, REQUESTS.tableView, { uri: uri.toString() }) : null));

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = 'nianbao.showOutput';
  context.subscriptions.push(status);
  const updateStatus = async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !client || !['nianbao', 'plaintext', 'markdown'].includes(doc.languageId)) {
      status.hide();
      return;
    }
    try {
      const s = await request(client, REQUESTS.summary, { uri: doc.uri.toString() });
      if (!s) {
        status.hide();
        return;
      }
      status.text = `$(checklist) 年报 ${s.template}${s.year ? ` · ${s.year}` : ''}`;
      status.tooltip = vscode.l10n.t('Nianbao: template {0}, year {1}, {2} error(s), {3} warning(s). Click for the output.', s.template, s.year ?? '?', s.errors, s.warnings);
      status.show();
    } catch {
      status.hide();
    }
  };
  let pending: ReturnType<typeof setTimeout> | undefined;
  const scheduleStatus = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => void updateStatus(), 150);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(scheduleStatus),
    vscode.languages.onDidChangeDiagnostics(scheduleStatus),
  );

  await startClient(context);
  scheduleStatus();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
