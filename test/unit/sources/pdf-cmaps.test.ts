// PDFs whose Chinese font is not embedded (Word/WPS leaving 宋体 out): the text is encoded
// through Adobe's predefined CMaps (UniGB-UCS2-H over Adobe-GB1), which the reader gets from
// its environment (node/cmaps.ts), never from the network.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDocument, renderDocument, SourceError } from '../../../server/src/engine/sources';
import { nodeCMaps } from '../../../server/src/node/cmaps';
import { CLEAN_REPORT } from '../../support/reports.ts';
import { reportToPdf } from '../../support/pdf.ts';

const rendering = async (font: 'identity' | 'unigb', cmaps?: ReturnType<typeof nodeCMaps>) => renderDocument(await readDocument('pdf', reportToPdf(CLEAN_REPORT, { font }), { cmaps })).text;

test('a PDF with an unembedded Chinese font (UniGB-UCS2-H) reads exactly as one with an embedded font, given the CMaps', async () => {
  assert.equal(await rendering('unigb', nodeCMaps()), await rendering('identity'));
});

test('without the CMaps, such a PDF gets a message naming the missing map, not "no readable text"', async () => {
  await assert.rejects(rendering('unigb', nodeCMaps([])), (e: unknown) => {
    assert.ok(e instanceof SourceError);
    assert.match(e.userMessage.zh, /字体未嵌入.*UniGB-UCS2-H/);
    assert.match(e.userMessage.en, /not embedded.*UniGB-UCS2-H/);
    return true;
  });
});

test('a CMap name that is not a plain identifier never reaches the disk', async () => {
  const cmaps = nodeCMaps();
  assert.ok(await cmaps('UniGB-UCS2-H'));
  assert.equal(await cmaps('../../package'), null);
  assert.equal(await cmaps('UniGB-UCS2-H/../x'), null);
});
