// cli/portable.ts: a structured source's pieces as data across threads, locating as before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locate } from '../../../server/src/engine';
import { renderDocument } from '../../../server/src/engine/sources';
import { readHtml } from '../../../server/src/engine/sources/html';
import { fromPortable, toPortable } from '../../../server/src/cli/portable';
import { BROKEN_REPORT } from '../../support/reports.ts';
import { reportToHtml } from '../../support/structured.ts';

test('every offset of a web page’s rendering locates the same line:column after the pieces went through a thread', () => {
  // Entities and collapsed whitespace make a paragraph's columns jump within a line.
  const html = reportToHtml(BROKEN_REPORT).replace('<p>', '<p>&nbsp;&amp;  \n  ');
  const { text, pieces } = renderDocument(readHtml(html));
  const back = fromPortable(structuredClone(toPortable(pieces)));
  for (let o = 0; o <= text.length; o++) assert.deepEqual(locate(back, o), locate(pieces, o), `offset ${o}`);
});
