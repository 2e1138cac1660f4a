// node/pool.ts: worker threads for work per item, results in the items' order.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { runInWorkers, workerCount, WORKERS_MIN_ITEMS } from '../../../server/src/node/pool';

const WORKER = path.resolve(__dirname, '../../support/pool-worker.ts');

test('results come back in the order of the items, and progress counts every item once', async () => {
  const ticks: number[] = [];
  const items = [...Array(12).keys()].filter((n) => n !== 3 && n !== 5);
  const out = await runInWorkers(items, { file: WORKER, size: 2, onDone: (done) => ticks.push(done), onCrash: () => -1 });
  assert.deepEqual(out, items.map((n) => n * n));
  assert.deepEqual(ticks, items.map((_, i) => i + 1));
});

test('an item whose thread dies (a thrown error, an exit) gets the crash result alone; the others finish', async () => {
  const out = await runInWorkers([1, 3, 4, 5, 6, 7], { file: WORKER, size: 2, onCrash: (e) => `crash: ${e.message}` });
  assert.deepEqual(out.map((r) => (typeof r === 'string' ? r.split(':')[0] : r)), [1, 'crash', 16, 'crash', 36, 49]);
  assert.match(String(out[1]), /three/);
});

test('threads: NIANBAO_WORKERS forces a number (0: none); otherwise none for a few items', () => {
  assert.equal(workerCount(100, { NIANBAO_WORKERS: '0' }), 0);
  assert.equal(workerCount(2, { NIANBAO_WORKERS: '3' }), 2);
  assert.equal(workerCount(WORKERS_MIN_ITEMS, {}), 0);
});
