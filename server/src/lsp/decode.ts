// Decoding report bytes (last year's report read by the server, files dropped on the offline
// page): UTF-8 (with or without BOM), UTF-16 with BOM, and otherwise GB18030 — the usual
// encoding of reports saved on Chinese Windows — with the runtime's own TextDecoder (no
// encoding tables bundled; the same in Node and in a browser).

export function decodeReport(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
