// Reading inputs into decoded texts and parsed models; I/O problems become one-line errors.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, SOURCE_LIMITS, sourceKindOf, type ReportModel } from '../engine';
import type { Piece, SourceKind } from '../engine';
import { decode, DecodeError, MAX_FILE_BYTES, type EncodingName } from './encoding';
import type { Input, InputError } from './inputs';
import type { CliIo } from './io';

export interface LoadedReport {
  /** Path as shown to the user: relative to cwd with `/`, or `<stdin>`. */
  display: string;
  /** Absolute path, null for stdin. */
  abs: string | null;
  text: string;
  encoding: EncodingName;
  model: ReportModel;
  /** Web page, Word or PDF: `text` is its rendering; pieces map it back to the source file. */
  source?: StructuredSource;
}

export interface StructuredSource {
  kind: SourceKind;
  pieces: Piece[];
}

export const STDIN_NAME = '<stdin>';

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  const p = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  return p.split(path.sep).join('/');
}

export type ReadResult = { ok: true; text: string; encoding: EncodingName } | { ok: false; error: InputError };
export type AnyReadResult =
  | { ok: true; text: string; encoding: EncodingName; model?: ReportModel; source?: StructuredSource }
  | { ok: false; error: InputError };

/** The one loading function: text files are decoded; web pages, Word and PDF files are read
 *  by their structure (engine/sources, loaded on first use) into a rendering and a model. */
export async function readAnyReportFile(abs: string, shown: string): Promise<AnyReadResult> {
  const kind = sourceKindOf(abs);
  if (!kind) return readReportFile(abs, shown);
  let bytes: Buffer;
  try {
    const st = fs.statSync(abs);
    if (st.isDirectory()) return fail(shown, { zh: '这是文件夹，不是文件', en: 'is a folder, not a file' });
    if (st.size > SOURCE_LIMITS.maxInputBytes)
      return fail(shown, { zh: `文件过大（${mb(st.size)}），不像是年度报告，已跳过`, en: `file too large (${mb(st.size)}); not a report, skipped` });
    bytes = fs.readFileSync(abs);
  } catch (e) {
    return fail(shown, ioMessage(e));
  }
  return readStructured(kind, bytes, shown);
}

export async function readStructured(kind: SourceKind, bytes: Uint8Array, shown: string): Promise<AnyReadResult> {
  const { readSource, SourceError } = await import('../engine/sources');
  try {
    const r = await readSource(kind, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { ok: true, text: r.rendering.text, encoding: 'utf-8', model: r.model, source: { kind, pieces: r.rendering.pieces } };
  } catch (e) {
    if (e instanceof SourceError) return fail(shown, e.userMessage);
    const what = kind === 'pdf' ? 'PDF' : kind === 'docx' ? 'Word' : 'HTML';
    return fail(shown, { zh: `无法读取 ${what} 文件（${String((e as Error)?.message ?? e).slice(0, 200)}）`, en: `cannot read the ${what} file (${String((e as Error)?.message ?? e).slice(0, 200)})` });
  }
}

export function readReportFile(abs: string, shown: string): ReadResult {
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    return fail(shown, ioMessage(e));
  }
  if (st.isDirectory()) return fail(shown, { zh: '这是文件夹，不是文件', en: 'is a folder, not a file' });
  if (st.size > MAX_FILE_BYTES)
    return fail(shown, {
      zh: `文件过大（${mb(st.size)}，上限 ${mb(MAX_FILE_BYTES)}），不像是年度报告，已跳过`,
      en: `file too large (${mb(st.size)}, limit ${mb(MAX_FILE_BYTES)}); not a report, skipped`,
    });
  let buf: Buffer;
  try {
    buf = fs.readFileSync(abs);
  } catch (e) {
    return fail(shown, ioMessage(e));
  }
  return decodeBuffer(buf, shown);
}

export function decodeBuffer(buf: Buffer, shown: string): ReadResult {
  if (buf.length > MAX_FILE_BYTES)
    return fail(shown, { zh: `输入过大（${mb(buf.length)}，上限 ${mb(MAX_FILE_BYTES)}）`, en: `input too large (${mb(buf.length)}, limit ${mb(MAX_FILE_BYTES)})` });
  try {
    const d = decode(buf);
    return { ok: true, text: d.text, encoding: d.encoding };
  } catch (e) {
    if (e instanceof DecodeError) return fail(shown, { zh: '二进制文件，不是文本报告（请先导出为 .txt）', en: 'binary file, not a text report (export it as .txt first)' });
    throw e;
  }
}

export async function loadInputs(inputs: Input[], io: CliIo): Promise<{ reports: LoadedReport[]; errors: InputError[]; skipped: string[] }> {
  const reports: LoadedReport[] = [];
  const errors: InputError[] = [];
  const skipped: string[] = [];
  for (const input of inputs) {
    let r: AnyReadResult;
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
      r = decodeBuffer(buf, display);
    } else {
      abs = input.path;
      display = displayPath(abs, io.cwd);
      r = await readAnyReportFile(abs, display);
    }
    if (!r.ok) {
      errors.push(r.error);
      continue;
    }
    const model = r.model ?? parse(r.text);
    // Files found by walking a folder that are not reports at all (a README…) are skipped.
    if (input.kind === 'file' && input.discovered && !model.isReport) {
      skipped.push(display);
      continue;
    }
    reports.push({ display, abs, text: r.text, encoding: r.encoding, model, ...(r.source ? { source: r.source } : {}) });
  }
  return { reports, errors, skipped };
}

function fail(p: string, message: { zh: string; en: string }): ReadResult {
  return { ok: false, error: { path: p, message } };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function ioMessage(e: unknown): { zh: string; en: string } {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return { zh: '文件不存在', en: 'no such file' };
    case 'EACCES':
    case 'EPERM':
      return { zh: '没有读取权限', en: 'permission denied' };
    case 'EISDIR':
      return { zh: '这是文件夹，不是文件', en: 'is a folder, not a file' };
    default:
      return { zh: `无法读取（${code ?? String(e)}）`, en: `cannot read (${code ?? String(e)})` };
  }
}
