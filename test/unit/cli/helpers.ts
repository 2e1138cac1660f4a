// In-process runner for the CLI: main(argv, io) with captured output and a chosen cwd.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/src/cli/main';
import type { CliIo } from '../../../server/src/cli/io';
import type { SummaryRow } from '../../../server/src/cli/summary';
import type { Position, ReportModel } from '../../../server/src/engine';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/cli');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  stdin?: Buffer | string;
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  env?: Record<string, string | undefined>;
}

export async function run(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s) => void (stdout += s), isTTY: opts.stdoutTTY ?? false },
    stderr: { write: (s) => void (stderr += s), isTTY: opts.stderrTTY ?? false },
    readStdin: async () => (opts.stdin === undefined ? Buffer.alloc(0) : Buffer.from(opts.stdin)),
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary folder with the named fixtures copied in (same relative paths). */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf-8');
}

/** `check --format json`: the stable contract, version 1 (docs/cli.md). */
export interface CheckJson {
  version: 1;
  files: CheckJsonFile[];
}
export interface CheckJsonFile {
  path: string;
  source?: 'html' | 'docx' | 'pdf';
  template: string;
  year: number | null;
  agency: string | null;
  findings: JsonFinding[];
  /** Only on an input that could not be checked. */
  error?: string;
}
interface JsonFinding {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  range: { start: Position; end: Position };
  /** Where in a web page, Word or PDF file. */
  location?: Record<string, unknown>;
  expected?: number | string;
  actual?: number | string;
  fixable: boolean;
}

/** `summary --format json`. */
export interface SummaryJson {
  version: 1;
  reports: SummaryRow[];
  errors: { path: string; error: string }[];
  skipped: number;
}

/** Every `{ start, end }` span of the model also carries its `range` (cli/modelJson.ts). */
type WithRanges<T> = T extends { start: number; end: number }
  ? T & { range: { start: Position; end: Position } }
  : T extends readonly (infer U)[]
    ? WithRanges<U>[]
    : T extends object
      ? { [K in keyof T]: WithRanges<T[K]> }
      : T;
/** `parse`: the model as JSON without its text. */
export interface ParseJson {
  version: 1;
  path: string;
  /** A text file: how it was decoded, and how many invalid byte sequences it had. */
  encoding?: string;
  invalidBytes?: number;
  /** A web page, Word or PDF file (spans index its text rendering). */
  source?: 'html' | 'docx' | 'pdf';
  model: Omit<WithRanges<ReportModel>, 'text'> & { textLength: number; text?: never };
}

/** The parts of a SARIF 2.1.0 log (`check --format sarif`) the tests read. */
export interface Sarif {
  version: string;
  runs: SarifRun[];
}
interface SarifRun {
  tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } };
  results: SarifResult[];
  artifacts: { location: SarifArtifactLocation }[];
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string }; locations: SarifLocation[] }[] }[];
  originalUriBaseIds: { SRCROOT: { uri: string } };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations: SarifLocation[];
  fixes?: unknown[];
}
interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}
interface SarifLocation {
  physicalLocation: { artifactLocation: SarifArtifactLocation; region?: { startLine: number; startColumn: number } };
  logicalLocations?: { name: string }[];
}

/** The command's stdout parsed as JSON of the given shape (`check --format json` unless told). */
export function json<T = CheckJson>(r: RunResult): T {
  return JSON.parse(r.stdout) as T;
}
