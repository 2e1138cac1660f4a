// The VS Code extension: starts the bundled language server over IPC and stays thin.
// Everything a user sees about a report (diagnostics, outline, fixes, hover) comes from
// the server; the client adds commands, the status bar and settings plumbing.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

function documentSelector(): LanguageClientOptions['documentSelector'] {
  const detect = vscode.workspace.getConfiguration('nianbao').get<boolean>('detect', true);
  const selector: { language: string; scheme?: string }[] = [
    { language: 'nianbao', scheme: 'file' },
    { language: 'nianbao', scheme: 'untitled' },
  ];
  if (detect) {
    // Plain text and Markdown too: the server publishes nothing unless the text is a report.
    for (const language of ['plaintext', 'markdown']) {
      selector.push({ language, scheme: 'file' }, { language, scheme: 'untitled' });
    }
  }
  return selector;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: 'nianbao' },
    initializationOptions: { locale: vscode.env.language },
    outputChannel: output,
  };
  client = new LanguageClient('nianbao', 'Nianbao 年报助手', serverOptions, clientOptions);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
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
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('nianbao.detect') && client) {
        await client.stop();
        await startClient(context);
      }
    }),
  );

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = 'nianbao.showOutput';
  context.subscriptions.push(status);
  const updateStatus = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && doc.languageId === 'nianbao') {
      status.text = '$(checklist) 年报';
      status.tooltip = vscode.l10n.t('Nianbao: checking this report');
      status.show();
    } else status.hide();
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(updateStatus));
  updateStatus();

  await startClient(context);
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
