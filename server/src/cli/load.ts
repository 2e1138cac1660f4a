// Reading inputs into decoded texts and parsed models (node/read.ts); I/O problems become
// one-line errors, and so does a named file that is not an annual report.

import * as path from 'node:path';
import { parse, type ReportModel } from '../engine';
import type { EncodingName } from '../node/decode';
import { decodeBuffer, ioMessage, readReportFile, type ReadResult } from '../node/read';
import type { Input, InputError } from './inputs';
import type { CliIo } from './io';

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
}

export const STDIN_NAME = '<stdin>';

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  const p = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  return p.split(path.sep).join('/');
}

export const NOT_A_REPORT = { zh: '未识别为政府信息公开工作年度报告（没有报告标题，也没有“一、总体情况”等部分）', en: 'not recognised as an annual report (no report title and no sections such as 一、总体情况)' };
export const EMPTY_FILE = { zh: '空文件', en: 'empty file' };

export interface Loaded {
  reports: LoadedReport[];
  /** Inputs that could not be checked (I/O, decoding, a named file that is not a report). */
  errors: InputError[];
  /** Files found in a folder or by a glob that are not reports (display paths). */
  skipped: string[];
}

export async function loadInputs(inputs: Input[], io: CliIo): Promise<Loaded> {
  const reports: LoadedReport[] = [];
  const errors: InputError[] = [];
  const skipped: string[] = [];
  for (const input of inputs) {
    let r: ReadResult;
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
      r = decodeBuffer(buf);
    } else {
      abs = input.path;
      display = displayPath(abs, io.cwd);
      r = readReportFile(abs);
    }
    if (!r.ok) {
      errors.push({ path: display, message: r.message });
      continue;
    }
    const model = parse(r.text);
    if (!model.isReport) {
      // Files found by walking a folder that are not reports (a README, notes…) are skipped;
      // a file named on the command line must be one.
      if (input.kind === 'file' && input.discovered) skipped.push(display);
      else errors.push({ path: display, message: r.text.trim() === '' ? EMPTY_FILE : NOT_A_REPORT });
      continue;
    }
    reports.push({ display, abs, text: r.text, encoding: r.encoding, invalid: r.invalid, model });
  }
  return { reports, errors, skipped };
}

/** One file read for a side purpose (--previous, previousReport): errors prefixed by `what`. */
export function loadFile(abs: string, cwd: string): { ok: true; report: LoadedReport } | { ok: false; error: InputError } {
  const display = displayPath(abs, cwd);
  const r = readReportFile(abs);
  if (!r.ok) return { ok: false, error: { path: display, message: r.message } };
  return { ok: true, report: { display, abs, text: r.text, encoding: r.encoding, invalid: r.invalid, model: parse(r.text) } };
}
