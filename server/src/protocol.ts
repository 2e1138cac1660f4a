// The server's custom requests, typed once for the server (server.ts) and its clients
// (client/src, tests): method names, parameters and results. Types only, plus the method
// names; no protocol library, so every side can import it.

import type { ReportModel, TableGridView } from './engine/index';

export interface DocumentParams {
  /** The document's URI, as the client knows it. */
  uri: string;
}

/** Template, year and counts for the status bar. */
export interface ReportSummary {
  template: string;
  year: number | null;
  errors: number;
  warnings: number;
}

/** What "check all reports in the workspace" did; `available: false` where the server reads no files. */
export interface CheckWorkspaceResult {
  files: number;
  reports: number;
  available: boolean;
}

/** The parsed model without its text ("Show parsed model"). */
export type ModelWithoutText = Omit<ReportModel, 'text'>;

/** Every custom request: its parameters and its result. */
export interface NianbaoRequests {
  'nianbao/tableView': { params: DocumentParams; result: TableGridView | null };
  'nianbao/model': { params: DocumentParams; result: ModelWithoutText | null };
  'nianbao/summary': { params: DocumentParams; result: ReportSummary | null };
  'nianbao/checkWorkspace': { params: void; result: CheckWorkspaceResult };
}

export type RequestMethod = keyof NianbaoRequests;
export type RequestParams<M extends RequestMethod> = NianbaoRequests[M]['params'];
export type RequestResult<M extends RequestMethod> = NianbaoRequests[M]['result'];

export const REQUESTS = {
  tableView: 'nianbao/tableView',
  model: 'nianbao/model',
  summary: 'nianbao/summary',
  checkWorkspace: 'nianbao/checkWorkspace',
} as const satisfies Record<string, RequestMethod>;
