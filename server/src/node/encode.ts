// Encoding text back into the bytes of its file (--fix, `new`): the inverse of decode.ts for
// every encoding it detects, BOM included. iconv-lite supplies GB18030, which TextEncoder
// cannot write; only the CLI imports this module, so the language server bundles no tables.

import * as iconv from 'iconv-lite';
import type { EncodingName } from './decode';

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
