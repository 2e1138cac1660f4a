// Decoding report files, for the CLI and the language server alike: UTF-8 (with or without
// BOM), UTF-16 LE/BE with BOM, GB18030 (a superset of GBK/GB2312: what Chinese Windows saves
// as "ANSI"). Uses the runtime's TextDecoder only — so it also runs in the browser (web/) and
// the server bundles no encoding tables (encoding back, for --fix, is in encode.ts).
//
// Detection, in order:
//   1. a BOM decides;
//   2. valid UTF-8 is UTF-8;
//   3. MOSTLY valid UTF-8 (a stray byte appended, a file cut in the middle of a character)
//      stays UTF-8: the bad bytes become U+FFFD and are counted in `invalid`, so the caller
//      can say so — decoding such a file as GB18030 would turn a whole report into mojibake
//      that no longer reads as a report (a silent pass);
//   4. GB18030 when it decodes cleanly;
//   5. else whichever of the two leaves fewer bad bytes, counted in `invalid`.
// A file with many NUL bytes or control characters is binary (DecodeError); a few stray NULs
// in a text are kept.

export type EncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: EncodingName;
  /** Byte sequences that are not valid in `encoding`, each decoded as U+FFFD (0 when clean). */
  invalid: number;
}

export class DecodeError extends Error {}

/** UTF-8 multi-byte characters per invalid sequence above which UTF-8 wins although damaged. */
const MOSTLY_UTF8_RATIO = 8;

export function decode(buf: Uint8Array): Decoded {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return checked(lenient('utf-8', buf.subarray(3)), 'utf-8-bom', scanUtf8(buf.subarray(3)).invalid);
  if (buf[0] === 0xff && buf[1] === 0xfe) return checked(lenient('utf-16le', buf.subarray(2)), 'utf-16le', utf16Invalid(buf.subarray(2), true));
  if (buf[0] === 0xfe && buf[1] === 0xff) return checked(lenient('utf-16be', buf.subarray(2)), 'utf-16be', utf16Invalid(buf.subarray(2), false));
  if (looksBinaryBytes(buf)) throw new DecodeError('binary');
  const u = scanUtf8(buf);
  if (u.invalid === 0 || u.multibyte >= MOSTLY_UTF8_RATIO * u.invalid) return checked(lenient('utf-8', buf), 'utf-8', u.invalid);
  try {
    return checked(new TextDecoder('gb18030', { fatal: true }).decode(buf), 'gb18030', 0);
  } catch {
    const gb = lenient('gb18030', buf);
    const gbInvalid = countReplacement(gb);
    return gbInvalid < u.invalid ? checked(gb, 'gb18030', gbInvalid) : checked(lenient('utf-8', buf), 'utf-8', u.invalid);
  }
}

/** A short description of the encoding for -v and `parse`: `utf-8 (2 invalid byte sequences)`. */
export function describeDecoding(d: Pick<Decoded, 'encoding' | 'invalid'>): string {
  return d.invalid ? `${d.encoding} (${d.invalid} invalid byte sequence${d.invalid === 1 ? '' : 's'} shown as U+FFFD)` : d.encoding;
}

function lenient(encoding: string, buf: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(buf);
}

function checked(text: string, encoding: EncodingName, invalid: number): Decoded {
  if (looksBinaryText(text)) throw new DecodeError('binary');
  return { text, encoding, invalid };
}

/** Valid multi-byte characters and invalid sequences (maximal subparts, as TextDecoder replaces them). */
export function scanUtf8(b: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const d = b[i + j];
      if (d === undefined || d < (j === 1 ? lo : 0x80) || d > (j === 1 ? hi : 0xbf)) break;
    }
    if (j > need) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i += j; // the maximal subpart is one replacement character
    }
  }
  return { multibyte, invalid };
}

function utf16Invalid(b: Uint8Array, le: boolean): number {
  let invalid = b.length % 2;
  for (let i = 0; i + 1 < b.length; i += 2) {
    const u = le ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!;
    if (u >= 0xd800 && u <= 0xdbff) {
      const v = i + 3 < b.length ? (le ? b[i + 2]! | (b[i + 3]! << 8) : (b[i + 2]! << 8) | b[i + 3]!) : -1;
      if (v >= 0xdc00 && v <= 0xdfff) i += 2;
      else invalid++;
    } else if (u >= 0xdc00 && u <= 0xdfff) invalid++;
  }
  return invalid;
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Text files have no NUL bytes, or a stray few: more than 1 in 1000 (and more than 2) means binary. */
function looksBinaryBytes(b: Uint8Array): boolean {
  let nul = 0;
  const n = Math.min(b.length, 1 << 20);
  for (let i = 0; i < n; i++) if (b[i] === 0) nul++;
  return nul > 2 && nul * 1000 > n;
}

/** Many control characters (other than tab, CR, LF, FF) or replacement characters mean "not a text file". */
function looksBinaryText(text: string): boolean {
  const n = Math.min(text.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return n > 0 && bad / n > 0.1;
}
