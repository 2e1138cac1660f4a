// Writing files safely (the CLI's --fix, `new -o`, `summary -o`). Replacing a report's
// contents must keep it the same file — its owner, group, mode, hard links and symlinks —
// refuse a read-only file, and lose nothing when a write fails half-way.
//
// Strategy for an existing file:
//   - refuse when it is read-only (no write permission bit), not a regular file, or changed
//     since it was read;
//   - atomically (temporary file in the same folder, same owner, group and mode, fsync,
//     rename over) when that keeps the file what it was: one link, a writable folder, and an
//     owner and group the temporary file can be given;
//   - else in place: a backup copy in the system temp folder first, then overwrite and
//     truncate; on failure the original bytes are written back (and the backup kept, its path
//     in the message, if even that fails).

import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Localized } from '../engine';
import { ioMessage } from './read';

/** A write that was not done (the file is unchanged); `message` says why, in both languages. */
export class WriteRefused extends Error {
  constructor(readonly why: Localized) {
    super(why.en);
  }
}

/** The file-system calls used here (tests pass a faulty one to prove nothing is lost). */
export type Fs = Pick<
  typeof nodeFs,
  'realpathSync' | 'statSync' | 'readFileSync' | 'accessSync' | 'openSync' | 'writeSync' | 'ftruncateSync' | 'fsyncSync' | 'closeSync' | 'fchmodSync' | 'fchownSync' | 'renameSync' | 'unlinkSync' | 'writeFileSync'
>;

export type WriteMethod = 'rename' | 'in-place';

/**
 * Replace the contents of the existing file `target` with `bytes`, provided it still holds
 * exactly `expected`. Returns how it was written; throws WriteRefused (file unchanged) or, if
 * the file could not be restored after a failed write, WriteRefused naming the backup.
 */
export function replaceFileContents(target: string, bytes: Uint8Array, expected: Uint8Array, fs: Fs = nodeFs): WriteMethod {
  let file: string;
  let st: nodeFs.Stats;
  try {
    file = fs.realpathSync(target); // through a symlink: write what it points to
    st = fs.statSync(file);
  } catch (e) {
    throw new WriteRefused(ioMessage(e));
  }
  if (!st.isFile()) throw new WriteRefused({ zh: '不是普通文件，未写入', en: 'not a regular file; not written' });
  if ((st.mode & 0o222) === 0 || !accessible(fs, file, nodeFs.constants.W_OK))
    throw new WriteRefused({ zh: '文件是只读的，未写入（如需修复，请先取消只读）', en: 'the file is read-only; not written (make it writable to fix it)' });
  let current: Buffer;
  try {
    current = fs.readFileSync(file);
  } catch (e) {
    throw new WriteRefused(ioMessage(e));
  }
  if (!current.equals(expected)) throw new WriteRefused({ zh: '文件在读取后已被修改，未写入', en: 'the file changed since it was read; not written' });

  if (st.nlink === 1 && accessible(fs, path.dirname(file), nodeFs.constants.W_OK) && writeByRename(fs, file, bytes, st)) return 'rename';
  writeInPlace(fs, file, bytes, current);
  return 'in-place';
}

function accessible(fs: Fs, p: string, mode: number): boolean {
  try {
    fs.accessSync(p, mode);
    return true;
  } catch {
    return false;
  }
}

/** Temporary file + rename; false (nothing changed) when the temporary file cannot be made to match the original's owner, group and mode. */
function writeByRename(fs: Fs, file: string, bytes: Uint8Array, st: nodeFs.Stats): boolean {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.nianbao-${process.pid}-${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'wx', 0o600);
    writeAll(fs, fd, bytes);
    fs.fchownSync(fd, st.uid, st.gid); // fails unless the owner stays the same (or we are root)
    fs.fchmodSync(fd, st.mode & 0o7777);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, file);
    return true;
  } catch {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* never created, or already gone */
    }
    return false;
  }
}

function writeInPlace(fs: Fs, file: string, bytes: Uint8Array, original: Buffer): void {
  const backup = path.join(os.tmpdir(), `nianbao-backup-${process.pid}-${Date.now()}-${path.basename(file)}`);
  let backedUp = false;
  try {
    fs.writeFileSync(backup, original, { mode: 0o600 });
    backedUp = true;
  } catch {
    /* no backup possible: the original bytes in memory are the fallback */
  }
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r+');
    writeAll(fs, fd, bytes);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
  } catch (e) {
    const restored = fd !== null && restore(fs, fd, original);
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        /* nothing more to do */
      }
    }
    const why = ioMessage(e, 'write');
    if (restored || fd === null) {
      if (backedUp) removeQuietly(fs, backup);
      throw new WriteRefused({ zh: `${why.zh}；文件未改动`, en: `${why.en}; the file is unchanged` });
    }
    throw new WriteRefused(
      backedUp
        ? { zh: `${why.zh}；写入失败，原文件内容已备份到 ${backup}`, en: `${why.en}; the write failed, the original contents are saved in ${backup}` }
        : { zh: `${why.zh}；写入失败，原文件可能已损坏`, en: `${why.en}; the write failed and the file may be damaged` },
    );
  }
  if (backedUp) removeQuietly(fs, backup);
}

function restore(fs: Fs, fd: number, original: Buffer): boolean {
  try {
    writeAll(fs, fd, original);
    fs.ftruncateSync(fd, original.length);
    fs.fsyncSync(fd);
    return true;
  } catch {
    return false;
  }
}

function writeAll(fs: Fs, fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off, off);
}

function removeQuietly(fs: Fs, p: string): void {
  try {
    fs.unlinkSync(p);
  } catch {
    /* already gone */
  }
}

/**
 * Write a new file (or, with `overwrite`, over an existing one): `new -o`, `summary -o`.
 * Problems become WriteRefused with a short bilingual message, never Node's own text.
 */
export function writeOutputFile(target: string, bytes: Uint8Array | string, overwrite: boolean): void {
  const st = nodeFs.statSync(target, { throwIfNoEntry: false });
  if (st?.isDirectory()) throw new WriteRefused({ zh: '这是文件夹，不是文件', en: 'is a folder, not a file' });
  if (st && !overwrite) throw new WriteRefused({ zh: '文件已存在（用 --force 覆盖）', en: 'already exists (use --force to overwrite)' });
  try {
    nodeFs.writeFileSync(target, bytes);
  } catch (e) {
    throw new WriteRefused(ioMessage(e, 'write'));
  }
}
