// --fix: apply every safe fix with the engine's fix-all (engine/fix.ts: safe fixes by
// phase, re-checking between phases), then write atomically in the original encoding.
// Line endings are kept because the edits are applied to the original text.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../engine';
import { encode, type EncodingName } from './encoding';

export { fixAll } from '../engine';

/** Whether fix-all would change something for this finding (JSON `fixable`). */
export function isFixable(f: Finding): boolean {
  return f.fixes.some((x) => x.safe && x.edits.length > 0);
}

export class UnsafeWriteError extends Error {}

/**
 * Write fixed text over `file` only if the file still holds exactly `original` in `encoding`:
 * a file changed since it was read, or one whose bytes do not survive decoding (invalid
 * sequences), is left alone rather than silently altered.
 */
export function writeFixed(file: string, original: string, fixed: string, encoding: EncodingName): void {
  if (!fs.readFileSync(file).equals(encode(original, encoding)))
    throw new UnsafeWriteError(`the file changed since it was read, or does not decode losslessly as ${encoding}; not written`);
  writeAtomically(file, fixed, encoding);
}

/** Write `text` to `file` in `encoding` via a temporary file in the same folder + rename. */
export function writeAtomically(target: string, text: string, encoding: EncodingName): void {
  const file = fs.realpathSync(target); // keep a symlink a symlink: replace what it points to
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.nianbao-${process.pid}-${Date.now()}.tmp`);
  const mode = fs.statSync(file).mode;
  try {
    fs.writeFileSync(tmp, encode(text, encoding), { mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}
