// Decoding report files read from disk by the server (last year's report): UTF-8 (with or
// without BOM), UTF-16 with BOM, and otherwise GB18030 — the usual encoding of reports
// saved on Chinese Windows — with the runtime's own TextDecoder (no encoding tables bundled).

export function decodeReport(buf: Buffer): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}
