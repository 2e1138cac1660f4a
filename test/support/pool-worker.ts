// A worker for test/unit/node/pool.test.ts: squares numbers; dies on 3 (an exception nobody
// catches) and on 5 (the thread exits).
import { serveTasks } from '../../server/src/node/pool';

serveTasks(async (n: number) => {
  if (n === 3) throw new Error('three');
  if (n === 5) process.exit(1);
  return n * n;
});
