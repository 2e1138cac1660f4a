// What the language server needs from where it runs, besides the LSP connection: the
// workspace's files. Node (lsp/runtime.ts) reads them; VS Code for the web
// (lsp/runtime.browser.ts) has no file system, so those features say they are unavailable.

import type { Localized, ReportModel, SeveritySetting } from '../engine/index';

export interface PreviousReport {
  model: ReportModel;
  uri: string;
  text: string;
}

/** What a .nianbaorc.json says for a document (node/config.ts; `previousReport` an absolute path or `auto`). */
export interface FileConfig {
  file: string;
  rules: Record<string, SeveritySetting>;
  localStructures: string[];
  previousReport: string | null;
}

export interface WorkspaceFile {
  uri: string;
  /** The file's text, or null when it cannot be read. */
  read(): string | null;
}

export interface ServerHost {
  /** Whether the host reads the workspace's files (false in VS Code for the web). */
  readonly fileSystem: boolean;
  /** Workspace folder URIs from `initialize`. */
  setWorkspaceFolders(uris: string[]): void;
  /** Last year's report for `model` per the `previousReport` setting (`auto` or a path), or null. */
  previousReport(model: ReportModel, setting: string, documentUri: string): PreviousReport | null;
  /** The nearest .nianbaorc.json at or above the document's folder, or null (none, no file system, or unreadable: `problem` says why, once). */
  config(documentUri: string, problem: (message: Localized) => void): FileConfig | null;
  /** A document was saved or a watched file changed: cached workspace indexes and configs are stale. */
  filesChanged(): void;
  /** Report files (.txt/.md) below the workspace folders, bounded, for "check all reports". */
  workspaceFiles(): Iterable<WorkspaceFile>;
}
