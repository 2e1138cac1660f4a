// The table preview request through LSP: the grids of an open report, live after an edit,
// and null for a document that is not a report.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TableGridView } from '../../server/src/engine/index.ts';
import { REQUESTS } from '../../server/src/protocol.ts';
import { BROKEN_REPORT } from '../support/reports.ts';
import { skipUnlessBuilt, startServer } from '../support/lspClient.ts';

const totalOfR1 = (v: TableGridView) => v.tables[1]!.rows.find((r) => r.id === 'R1')!.cells.find((x) => x.col === 'C7')!;

test('nianbao/tableView returns the grids of an open report, follows edits, and null for a non-report', { skip: skipUnlessBuilt }, async () => {
  const client = await startServer({ pull: false });
  const uri = 'file:///tmp/r.nianbao';
  await client.open(uri, BROKEN_REPORT);
  const v = (await client.request(REQUESTS.tableView, { uri }))!;
  assert.deepEqual(v.tables.map((t) => t.id), ['T2', 'T3', 'T4']);
  const c = totalOfR1(v);
  assert.equal(c.severity, 'error');
  assert.equal(c.computed, '19');
  const fixed = BROKEN_REPORT.slice(0, c.span!.start) + '19' + BROKEN_REPORT.slice(c.span!.end);
  await client.change(uri, 2, fixed);
  assert.equal(totalOfR1((await client.request(REQUESTS.tableView, { uri }))!).severity, null);
  const other = 'file:///tmp/n.txt';
  await client.open(other, '会议纪要\n', 'plaintext');
  assert.equal(await client.request(REQUESTS.tableView, { uri: other }), null);
  await client.shutdown();
});
