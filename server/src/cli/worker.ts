// A worker thread of `check`/`summary` over many files (cli/load.ts, node/pool.ts): reads and
// parses one file per task. Bundled as dist/cli-worker.js.

import { serveTasks } from '../node/pool';
import { loadPath, toPortableLoad } from './load';

serveTasks(async (abs: string) => toPortableLoad(await loadPath(abs)));
