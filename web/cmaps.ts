/// <reference path="./cmaps.d.ts" />
// Adobe's CMaps for PDFs whose Chinese font is not embedded (engine/sources/pdf.ts), inside the
// offline page: the build embeds pdf.js's horizontal GB set (the virtual module below, ≈0.4 MB
// as base64) since the page may fetch nothing. Decoded on first use, one map at a time.

import type { CMapSource } from '../server/src/engine/sources';
// The build (scripts/build.mjs, `nianbao-cmaps`) provides `{ [name]: base64 }`.
import packed from 'nianbao-cmaps';

const decoded = new Map<string, Uint8Array>();

export const pageCMaps: CMapSource = async (name) => {
  const b64 = Object.hasOwn(packed, name) ? packed[name] : undefined;
  if (b64 === undefined) return null;
  let bytes = decoded.get(name);
  if (!bytes) {
    const bin = atob(b64);
    bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    decoded.set(name, bytes);
  }
  return bytes;
};
