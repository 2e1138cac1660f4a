// Decoding report files: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, GB18030 (a
// superset of GBK/GB2312). Detection: a BOM decides; else valid UTF-8 is UTF-8; else
// GB18030. Text is encoded back in the same encoding (and BOM) by --fix.

import * as iconv from 'iconv-lite';

export type EncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: EncodingName;
}

/** Files larger than this are refused (a report is a few hundred KB at most). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export class DecodeError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decode(buf: Buffer): Decoded {
  let d: Decoded;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    d = { text: iconv.decode(buf.subarray(3), 'utf-8'), encoding: 'utf-8-bom' };
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    d = { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    d = { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  } else {
    if (buf.includes(0)) throw new DecodeError('binary');
    try {
      d = { text: utf8.decode(buf), encoding: 'utf-8' };
    } catch {
      d = { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
    }
  }
  if (looksBinary(d.text)) throw new DecodeError('binary');
  return d;
}

export function encode(text: string, encoding: EncodingName): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf-8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf-8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}

/** NULs or many control characters (other than tab, CR, LF, FF) mean "not a text file". */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return n > 0 && bad / n > 0.1;
}
