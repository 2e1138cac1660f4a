// node/decode.ts: which encoding a report file is read in, and what is said about bad bytes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as iconv from 'iconv-lite';
import { decode, DecodeError, describeDecoding, scanUtf8 } from '../../../server/src/node/decode';
import { encode } from '../../../server/src/node/encode';
import { renderReport } from '../../support/reports';

const REPORT = renderReport({ year: 2023, agency: '某某局' });
const utf8 = Buffer.from(REPORT, 'utf-8');

test('valid UTF-8 is UTF-8, clean GB18030 is GB18030; encode reverses decode', () => {
  for (const [buf, enc] of [
    [utf8, 'utf-8'],
    [iconv.encode(REPORT, 'gb18030'), 'gb18030'],
  ] as const) {
    const d = decode(buf);
    assert.deepEqual([d.encoding, d.invalid], [enc, 0]);
    assert.equal(d.text, REPORT);
    assert.deepEqual(encode(d.text, d.encoding), buf);
  }
});

test('one stray byte appended to a UTF-8 report keeps it UTF-8, with the bad byte counted', () => {
  const d = decode(Buffer.concat([utf8, Buffer.from([0x80])]));
  assert.deepEqual([d.encoding, d.invalid], ['utf-8', 1]);
  assert.equal(d.text, REPORT + '\ufffd');
});

test('a UTF-8 report cut in the middle of a character stays UTF-8', () => {
  const cut = utf8.subarray(0, utf8.indexOf(Buffer.from('二、主动公开', 'utf-8')) + 1); // one byte of a 3-byte character
  const d = decode(cut);
  assert.deepEqual([d.encoding, d.invalid], ['utf-8', 1]);
  assert.ok(d.text.endsWith('\ufffd'));
});

test('GB18030 with a damaged byte is still GB18030 when UTF-8 reads far worse', () => {
  const d = decode(Buffer.concat([iconv.encode(REPORT, 'gb18030'), Buffer.from([0x81, 0x20])]));
  assert.equal(d.encoding, 'gb18030');
  assert.equal(d.invalid, 1);
});

test('BOMs decide: UTF-8, UTF-16 LE and BE; the BOM is not part of the text', () => {
  assert.deepEqual(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])).encoding, 'utf-8-bom');
  const le = decode(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(REPORT, 'utf-16le')]));
  const be = decode(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(REPORT, 'utf-16be')]));
  assert.deepEqual([le.encoding, le.text === REPORT, be.encoding, be.text === REPORT], ['utf-16le', true, 'utf-16be', true]);
});

test('many NUL bytes mean binary; one stray NUL in a text does not', () => {
  assert.throws(() => decode(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1, 2])), DecodeError);
  const d = decode(Buffer.concat([utf8.subarray(0, 100), Buffer.from([0]), utf8.subarray(100)]));
  assert.equal(d.encoding, 'utf-8');
  assert.ok(d.text.includes('\u0000'));
});

test('scanUtf8 counts maximal invalid subparts as TextDecoder replaces them', () => {
  for (const bytes of [[0x80], [0xe4, 0xb8], [0xe4, 0x41], [0xf0, 0x80, 0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
    const replaced = [...new TextDecoder().decode(Buffer.from(bytes))].filter((c) => c === '\ufffd').length;
    assert.equal(scanUtf8(Buffer.from(bytes)).invalid, replaced, bytes.join(' '));
  }
});

test('describeDecoding names the encoding and the bad bytes', () => {
  assert.equal(describeDecoding({ encoding: 'utf-8', invalid: 0 }), 'utf-8');
  assert.match(describeDecoding({ encoding: 'utf-8', invalid: 2 }), /^utf-8 \(2 invalid byte sequences/);
});
