// Reading inputs into decoded texts and parsed models (node/read.ts); I/O problems become
// one-line errors, and so does a named file that is not an annual report.

import * as path from 'node:path';
import { parse, SOURCE_LIMITS, sourceKindOf, type Localized, type Piece, type ReportModel, type SourceKind } from '../engine';
import * as fs from 'node:fs';
import type { EncodingName } from '../node/decode';
import { identify, type Identity } from '../node/lastYear';
import { runInWorkers, workerCount } from '../node/pool';
import { fromPortable, toPortable, type PortablePiece } from './portable';
import { decodeBuffer, ioMessage, readReportFile, type ReadResult } from '../node/read';
import type { Input, InputError } from './inputs';
import type { CliIo } from './io';
import { nodeCMaps } from '../node/cmaps';

export interface LoadedReport {
  /** Path as shown to the user: relative to cwd with `/`, or `<stdin>`. */
  display: string;
  /** Absolute path, null for stdin. */
  abs: string | null;
  text: string;
  encoding: EncodingName;
  /** Invalid byte sequences met while decoding (each is a U+FFFD in the text). */
  invalid: number;
  model: ReportModel;
  /** Web page, Word or PDF: `text` is its rendering; pieces map it back to the source file. */
  source?: StructuredSource;
}

export interface StructuredSource {
  kind: SourceKind;
  pieces: Piece[];
}

export type AnyReadResult = ReadResult | ({ ok: true; text: string; encoding: EncodingName; invalid: number; model: ReportModel; source: StructuredSource });

/** The one loading function: text files are decoded (node/read.ts); web pages, Word and PDF
 *  files are read by their structure (engine/sources, loaded on first use) into a rendering
 *  and a model. */
export async function readAnyReportFile(abs: string): Promise<AnyReadResult> {
  const kind = sourceKindOf(abs);
  if (!kind) return readReportFile(abs);
  let bytes: Buffer;
  try {
    const st = fs.statSync(abs);
    if (st.isDirectory()) return { ok: false, message: { zh: '这是文件夹，不是文件', en: 'is a folder, not a file' } };
    if (st.size > SOURCE_LIMITS.maxInputBytes) {
      const mb = (st.size / 1024 / 1024).toFixed(1);
      return { ok: false, message: { zh: `文件过大（${mb} MB），不像是年度报告，未读取`, en: `file too large (${mb} MB); not a report, not read` } };
    }
    bytes = fs.readFileSync(abs);
  } catch (e) {
    return { ok: false, message: ioMessage(e) };
  }
  return readStructured(kind, bytes);
}

export async function readStructured(kind: SourceKind, bytes: Uint8Array): Promise<AnyReadResult> {
  const { readSource, SourceError } = await import('../engine/sources');
  try {
    const r = await readSource(kind, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'markdown', { cmaps: nodeCMaps() });
    return { ok: true, text: r.rendering.text, encoding: 'utf-8', invalid: 0, model: r.model, source: { kind, pieces: r.rendering.pieces } };
  } catch (e) {
    if (e instanceof SourceError) return { ok: false, message: e.userMessage };
    const what = kind === 'pdf' ? 'PDF' : kind === 'docx' ? 'Word' : 'HTML';
    const why = String((e as Error)?.message ?? e).slice(0, 200);
    return { ok: false, message: { zh: `无法读取 ${what} 文件（${why}）`, en: `cannot read the ${what} file (${why})` } };
  }
}

export const STDIN_NAME = '<stdin>';

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  const p = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  return p.split(path.sep).join('/');
}

export const NOT_A_REPORT = { zh: '未识别为政府信息公开工作年度报告（没有报告标题，也没有“一、总体情况”等部分）', en: 'not recognised as an annual report (no report title and no sections such as 一、总体情况)' };
export const EMPTY_FILE = { zh: '空文件', en: 'empty file' };

/** A report given on the command line, with its body and year for pairing (node/lastYear.ts). */
interface InputReport extends LoadedReport {
  identity: Identity;
}

export interface Loaded {
  reports: InputReport[];
  /** Inputs that could not be checked (I/O, decoding, a named file that is not a report). */
  errors: InputError[];
  /** Files found in a folder or by a glob that are not reports (display paths). */
  skipped: string[];
}

/** One file read and parsed: the work per file, the same in this thread and in a worker. */
export type FileLoad = { ok: false; message: Localized } | { ok: true; text: string; encoding: EncodingName; invalid: number; model: ReportModel; identity: Identity; source?: StructuredSource };

/** Reads and parses one file; nothing it meets is thrown (an unexpected error is the file's error). */
export async function loadPath(abs: string): Promise<FileLoad> {
  try {
    const r = await readAnyReportFile(abs);
    if (!r.ok) return r;
    const model = 'model' in r ? r.model : parse(r.text);
    return { ...r, model, identity: identify(r.text) };
  } catch (e) {
    return { ok: false, message: internalError(e) };
  }
}

/** A FileLoad as a worker thread posts it: a structured source's pieces as data (cli/portable.ts). */
export type PortableLoad = Extract<FileLoad, { ok: false }> | (Omit<Extract<FileLoad, { ok: true }>, 'source'> & { source?: { kind: SourceKind; pieces: PortablePiece[] } });

export function toPortableLoad(r: FileLoad): PortableLoad {
  if (!r.ok || !r.source) return r as PortableLoad;
  return { ...r, source: { kind: r.source.kind, pieces: toPortable(r.source.pieces) } };
}

function fromPortableLoad(r: PortableLoad): FileLoad {
  if (!r.ok || !r.source) return r as FileLoad;
  return { ...r, source: { kind: r.source.kind, pieces: fromPortable(r.source.pieces) } };
}

function internalError(e: unknown): Localized {
  const why = String((e as Error)?.message ?? e).slice(0, 200);
  return { zh: `内部错误，未能检查（${why}）`, en: `internal error; not checked (${why})` };
}

/** The worker entry beside this module: dist/cli-worker.js in the bundle, worker.ts in the sources. */
const WORKER_FILE = __filename.endsWith('.ts') ? path.join(__dirname, 'worker.ts') : path.join(__dirname, 'cli-worker.js');

/**
 * Read every input, in worker threads when there are many (node/pool.ts; NIANBAO_WORKERS sets
 * how many, 0 for none): the outcome is the same either way, in the inputs' order.
 * `onProgress` after each file (reading is the slow part: PDFs take a second).
 */
export async function loadInputs(inputs: Input[], io: CliIo, onProgress?: (done: number, total: number) => void): Promise<Loaded> {
  const files = inputs.flatMap((input) => (input.kind === 'file' ? [input.path] : []));
  const threads = workerCount(files.length, io.env);
  let loadedFiles: FileLoad[] | null = null;
  if (threads > 0) {
    const portable = await runInWorkers<string, PortableLoad>(files, { file: WORKER_FILE, size: threads, onDone: onProgress, onCrash: (e) => ({ ok: false, message: internalError(e) }) });
    loadedFiles = portable.map(fromPortableLoad);
  }
  const reports: InputReport[] = [];
  const errors: InputError[] = [];
  const skipped: string[] = [];
  let fileIndex = 0;
  for (const [k, input] of inputs.entries()) {
    if (!loadedFiles && k > 0) onProgress?.(k, inputs.length);
    let r: FileLoad;
    let display: string;
    let abs: string | null = null;
    if (input.kind === 'stdin') {
      display = STDIN_NAME;
      let buf: Buffer;
      try {
        buf = await io.readStdin();
      } catch (e) {
        errors.push({ path: display, message: ioMessage(e) });
        continue;
      }
      if (buf.length === 0) {
        errors.push({ path: display, message: { zh: '标准输入为空', en: 'standard input is empty' } });
        continue;
      }
      const d = decodeBuffer(buf);
      r = d.ok ? { ...d, model: parse(d.text), identity: identify(d.text) } : d;
    } else {
      abs = input.path;
      display = displayPath(abs, io.cwd);
      r = loadedFiles ? loadedFiles[fileIndex++]! : await loadPath(abs);
    }
    if (!r.ok) {
      errors.push({ path: display, message: r.message });
      continue;
    }
    if (!r.model.isReport) {
      // Files found by walking a folder that are not reports (a README, notes…) are skipped;
      // a file named on the command line must be one.
      if (input.kind === 'file' && input.discovered) skipped.push(display);
      else errors.push({ path: display, message: r.text.trim() === '' ? EMPTY_FILE : NOT_A_REPORT });
      continue;
    }
    reports.push({ display, abs, text: r.text, encoding: r.encoding, invalid: r.invalid, model: r.model, identity: r.identity, ...(r.source ? { source: r.source } : {}) });
  }
  if (inputs.length && !loadedFiles) onProgress?.(inputs.length, inputs.length);
  return { reports, errors, skipped };
}

/** One file read for a side purpose (--previous, previousReport): errors prefixed by `what`. */
export function loadFile(abs: string, cwd: string): { ok: true; report: LoadedReport } | { ok: false; error: InputError } {
  const display = displayPath(abs, cwd);
  const r = readReportFile(abs);
  if (!r.ok) return { ok: false, error: { path: display, message: r.message } };
  return { ok: true, report: { display, abs, text: r.text, encoding: r.encoding, invalid: r.invalid, model: parse(r.text) } };
}
