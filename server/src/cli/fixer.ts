// --fix: apply every safe fix with the engine's fix-all (engine/fix.ts: safe fixes by
// phase, re-checking between phases), then write in the original encoding with
// node/write.ts (owner, mode and links kept; read-only files refused; nothing lost on failure).
// Line endings are kept because the edits are applied to the original text.

import type { Finding } from '../engine';
import type { EncodingName } from '../node/decode';
import { encode } from '../node/encode';
import { replaceFileContents, WriteRefused, type WriteMethod } from '../node/write';

export { fixAll } from '../engine';

/** Whether fix-all would change something for this finding (JSON `fixable`). */
export function isFixable(f: Finding): boolean {
  return f.fixes.some((x) => x.safe && x.edits.length > 0);
}

/**
 * Write fixed text over `file` only if the file still holds exactly `original` in `encoding`:
 * a file changed since it was read, or one whose bytes do not survive decoding (invalid
 * sequences), is left alone rather than silently altered.
 */
export function writeFixed(file: string, original: string, fixed: string, encoding: EncodingName, invalid: number): WriteMethod {
  if (invalid > 0)
    throw new WriteRefused({
      zh: `文件含 ${invalid} 处无效的 ${encoding} 字节，重新写入会改变它们；未写入`,
      en: `the file has ${invalid} invalid ${encoding} byte sequence(s) that rewriting would alter; not written`,
    });
  return replaceFileContents(file, encode(fixed, encoding), encode(original, encoding));
}
