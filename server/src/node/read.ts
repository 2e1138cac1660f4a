// Reading one report file from disk: size limit (engine LIMITS), decoding, and every I/O
// problem as a one-line bilingual message — shared by the CLI and the language server.

import * as fs from 'node:fs';
import { LIMITS, type Localized } from '../engine';
import { decode, DecodeError, type Decoded } from './decode';

export type ReadResult = ({ ok: true } & Decoded) | { ok: false; message: Localized };

export function readReportFile(abs: string): ReadResult {
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    return { ok: false, message: ioMessage(e) };
  }
  if (st.isDirectory()) return { ok: false, message: { zh: '这是文件夹，不是文件', en: 'is a folder, not a file' } };
  if (st.size > LIMITS.fileBytes) return { ok: false, message: tooLarge(st.size) };
  let buf: Buffer;
  try {
    buf = fs.readFileSync(abs);
  } catch (e) {
    return { ok: false, message: ioMessage(e) };
  }
  return decodeBuffer(buf);
}

export function decodeBuffer(buf: Uint8Array): ReadResult {
  if (buf.length > LIMITS.fileBytes) return { ok: false, message: tooLarge(buf.length) };
  try {
    return { ok: true, ...decode(buf) };
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, message: { zh: '二进制文件，不是文本报告（请先导出为 .txt）', en: 'binary file, not a text report (export it as .txt first)' } };
    throw e;
  }
}

function tooLarge(size: number): Localized {
  return {
    zh: `文件过大（${mb(size)}，上限 ${mb(LIMITS.fileBytes)}），不像是年度报告，未读取`,
    en: `file too large (${mb(size)}, limit ${mb(LIMITS.fileBytes)}); not a report, not read`,
  };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A Node I/O error as a short bilingual message (never Node's own English text). */
export function ioMessage(e: unknown, action: 'read' | 'write' = 'read'): Localized {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return action === 'read' ? { zh: '文件不存在', en: 'no such file' } : { zh: '所在文件夹不存在', en: 'the folder does not exist' };
    case 'EACCES':
    case 'EPERM':
      return action === 'read' ? { zh: '没有读取权限', en: 'permission denied' } : { zh: '没有写入权限', en: 'permission denied' };
    case 'EISDIR':
      return { zh: '这是文件夹，不是文件', en: 'is a folder, not a file' };
    case 'ENOTDIR':
      return { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' };
    case 'EROFS':
      return { zh: '文件系统只读', en: 'read-only file system' };
    case 'ENOSPC':
      return { zh: '磁盘空间不足', en: 'no space left on the device' };
    default:
      return action === 'read' ? { zh: `无法读取（${code ?? String(e)}）`, en: `cannot read (${code ?? String(e)})` } : { zh: `无法写入（${code ?? String(e)}）`, en: `cannot write (${code ?? String(e)})` };
  }
}
