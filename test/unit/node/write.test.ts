// node/write.ts: --fix keeps the file what it was (owner, mode, links), refuses read-only
// files, and loses nothing when a write fails half-way.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { replaceFileContents, writeOutputFile, WriteRefused, type Fs } from '../../../server/src/node/write';
import { tempDir } from '../cli/helpers';

const OLD = Buffer.from('旧内容\n');
const NEW = Buffer.from('新内容，更长一些\n');

test('the mode is kept (whatever the umask)', () => {
  const dir = tempDir({ 'a.txt': OLD });
  const f = path.join(dir, 'a.txt');
  fs.chmodSync(f, 0o640);
  replaceFileContents(f, NEW, OLD);
  assert.equal(fs.statSync(f).mode & 0o7777, 0o640);
  assert.deepEqual(fs.readFileSync(f), NEW);
});

test('a read-only file (0444) is refused and left unchanged', () => {
  const dir = tempDir({ 'a.txt': OLD });
  const f = path.join(dir, 'a.txt');
  fs.chmodSync(f, 0o444);
  assert.throws(() => replaceFileContents(f, NEW, OLD), (e: unknown) => e instanceof WriteRefused && /read-only/.test(e.why.en));
  assert.deepEqual(fs.readFileSync(f), OLD);
});

test('hard links stay linked: both names see the new contents', () => {
  const dir = tempDir({ 'a.txt': OLD });
  const f = path.join(dir, 'a.txt');
  fs.linkSync(f, path.join(dir, 'b.txt'));
  assert.equal(replaceFileContents(f, NEW, OLD), 'in-place');
  assert.deepEqual(fs.readFileSync(path.join(dir, 'b.txt')), NEW);
  assert.equal(fs.statSync(f).ino, fs.statSync(path.join(dir, 'b.txt')).ino);
});

test('the owner and group are kept', { skip: process.getuid?.() !== 0 && 'needs root to create a file owned by someone else' }, () => {
  const dir = tempDir({ 'a.txt': OLD });
  const f = path.join(dir, 'a.txt');
  fs.chownSync(f, 1234, 5678);
  replaceFileContents(f, NEW, OLD);
  assert.deepEqual([fs.statSync(f).uid, fs.statSync(f).gid], [1234, 5678]);
});

test('a writable file in a folder where no temporary file can be made is written in place', () => {
  const dir = tempDir({ 'a.txt': OLD });
  const f = path.join(dir, 'a.txt');
  const noTempFiles: Fs = { ...fs, openSync: ((p: string, flags: string, mode?: number) => (flags === 'wx' ? thrower('EACCES')() : fs.openSync(p, flags, mode))) as Fs['openSync'] };
  assert.equal(replaceFileContents(f, NEW, OLD, noTempFiles), 'in-place');
  assert.deepEqual(fs.readFileSync(f), NEW);
  assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
});

test('a write that fails half-way loses nothing: the original bytes are put back', () => {
  const dir = tempDir({ 'a.txt': OLD });
  const f = path.join(dir, 'a.txt');
  fs.linkSync(f, path.join(dir, 'b.txt')); // forces the in-place path
  let writes = 0;
  const diskFull: Fs = {
    ...fs,
    writeSync: ((fd: number, buf: Uint8Array, off: number, len: number, pos: number) => {
      if (++writes === 1) {
        fs.writeSync(fd, buf, off, 2, pos); // a partial write, then the disk is full
        return thrower('ENOSPC')();
      }
      return fs.writeSync(fd, buf, off, len, pos);
    }) as Fs['writeSync'],
  };
  assert.throws(() => replaceFileContents(f, NEW, OLD, diskFull), (e: unknown) => e instanceof WriteRefused && /unchanged/.test(e.why.en));
  assert.deepEqual(fs.readFileSync(f), OLD);
});

test('a file changed since it was read is not written', () => {
  const dir = tempDir({ 'a.txt': OLD });
  assert.throws(() => replaceFileContents(path.join(dir, 'a.txt'), NEW, Buffer.from('其他')), /changed since it was read/);
});

test('output files: a folder, a missing folder and an existing file without --force are clean messages', () => {
  const dir = tempDir({ 'x.txt': 'x' });
  const why = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      return (e as WriteRefused).why.en;
    }
    return null;
  };
  assert.equal(why(() => writeOutputFile(dir, 'x', true)), 'is a folder, not a file');
  assert.equal(why(() => writeOutputFile(path.join(dir, 'no/such/x.html'), 'x', true)), 'the folder does not exist');
  assert.equal(why(() => writeOutputFile(path.join(dir, 'x.txt'), 'y', false)), 'already exists (use --force to overwrite)');
});

function thrower(code: string) {
  return (): never => {
    throw Object.assign(new Error(code), { code });
  };
}
