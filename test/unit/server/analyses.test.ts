// server/src/lsp/analyses.ts: the language server's per-document state stays bounded —
// one analysis per open document, of its current version, and nothing once it is closed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIMITS, parse } from '../../../server/src/engine';
import { Analyses, withConfig, type AnalysisContext } from '../../../server/src/lsp/analyses';
import type { PreviousReport } from '../../../server/src/lsp/host';
import { renderReport } from '../../support/reports';

const URI = 'file:///w/2024.txt';

function analyses(over: Partial<AnalysisContext> = {}) {
  const told: string[] = [];
  const a = new Analyses({
    settings: () => ({ rules: {}, localStructures: [], previousReport: 'auto' }),
    previousReport: () => null,
    tooLarge: (uri) => told.push(uri),
    failed: (e) => assert.fail(String(e)),
    ...over,
  });
  return { a, told };
}

/** Version `v` of a report whose first table-3 total changes with the version. */
const doc = (v: number, uri = URI, text = renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, v] } })) => ({ uri, version: v, getText: () => text });

test('one analysis per open document: after many versions only the current one is held', () => {
  const { a } = analyses();
  const first = a.of(doc(1));
  a.fixed(first);
  for (let v = 2; v <= 50; v++) a.fixed(a.of(doc(v)));
  assert.deepEqual(a.held(), [URI]);
  const current = a.of(doc(50));
  assert.equal(current.version, 50);
  assert.equal(a.of(doc(50)), current, 'the same version is analysed once');
  assert.notEqual(a.of(doc(1)), first, 'an older version was not kept');
});

test('didClose forgets the document', () => {
  const { a } = analyses();
  a.fixed(a.of(doc(1)));
  a.of(doc(1, 'file:///w/other.txt'));
  a.close(URI);
  assert.deepEqual(a.held(), ['file:///w/other.txt']);
  a.close('file:///w/other.txt');
  assert.deepEqual(a.held(), []);
});

test('a file of "check all reports" that is not open is analysed without being kept', () => {
  const { a } = analyses();
  assert.ok(a.once(doc(0)).model.isReport);
  assert.deepEqual(a.held(), []);
});

test('a document longer than LIMITS.checkChars is told once per opening; closing forgets that too', () => {
  const { a, told } = analyses();
  const long = 'x'.repeat(LIMITS.checkChars + 1);
  a.of(doc(1, URI, long));
  a.of(doc(2, URI, long + 'y'));
  assert.deepEqual(told, [URI]);
  a.close(URI);
  assert.deepEqual(a.held(), []);
  a.of(doc(3, URI, long));
  assert.deepEqual(told, [URI, URI]);
});

test("last year's line index is made once per loaded report, not once per version", () => {
  const text = renderReport({ year: 2023 });
  const prev: PreviousReport = { model: parse(text), uri: 'file:///w/2023.txt', text };
  const { a } = analyses({ previousReport: () => prev });
  const v1 = a.of(doc(1));
  const v2 = a.of(doc(2));
  assert.equal(v1.previous?.uri, prev.uri);
  assert.equal(v2.previous?.lines, v1.previous?.lines);
});

test('.nianbaorc.json under the editor settings: a set setting wins, local structures add up', () => {
  const config = { file: '/w/.nianbaorc.json', rules: { 'cell-blank': 'off', 'row-total': 'warning' } as const, localStructures: ['fee-section'], previousReport: '/w/2023.txt' };
  const editor = { rules: { 'row-total': 'error' } as const, localStructures: [], previousReport: 'auto', inlayHints: true };
  assert.deepEqual(withConfig(editor, config), { rules: { 'cell-blank': 'off', 'row-total': 'error' }, localStructures: ['fee-section'], previousReport: '/w/2023.txt', inlayHints: true });
  assert.equal(withConfig({ ...editor, previousReport: 'off' }, config).previousReport, 'off');
  assert.equal(withConfig(editor, null), editor);
});
