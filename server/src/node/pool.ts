// A small pool of worker threads for work that is the same for every item (reading and parsing
// one report file): results come back in the items' order whatever order the threads finish
// in, so output does not depend on scheduling. A thread that dies (an uncaught exception, a
// crash) costs only the item it was working on — that item gets `onCrash`'s result — and is
// replaced. Node only: the engine stays pure; a worker entry calls `serveTasks`.

import * as os from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

export interface PoolOptions<R> {
  /** The worker entry (a bundled .js, or a .ts source run through tsx in tests). */
  file: string;
  /** Threads to start (at most one per item). */
  size: number;
  /** After each item finishes (done counts up from 1). */
  onDone?: (done: number, total: number) => void;
  /** The result of an item whose thread died. */
  onCrash: (error: Error) => R;
}

interface Reply<R> {
  id: number;
  result: R;
}

/** Runs `tasks` in `size` threads; results in the order of `tasks`. */
export function runInWorkers<T, R>(tasks: readonly T[], opts: PoolOptions<R>): Promise<R[]> {
  const results = new Array<R>(tasks.length);
  const total = tasks.length;
  if (total === 0) return Promise.resolve(results);
  let next = 0;
  let done = 0;
  const live = new Set<Worker>();
  return new Promise<R[]>((resolve) => {
    const finish = (id: number, result: R) => {
      results[id] = result;
      done++;
      opts.onDone?.(done, total);
      if (done === total) {
        const idle = [...live];
        live.clear();
        for (const w of idle) void w.terminate();
        resolve(results);
      }
    };
    const start = () => {
      const worker = startWorker(opts.file);
      live.add(worker);
      let current = -1;
      const feed = () => {
        if (next >= total) {
          current = -1;
          live.delete(worker);
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ id: current, task: tasks[current] });
      };
      worker.on('message', (m: Reply<R>) => {
        finish(m.id, m.result);
        feed();
      });
      // A thread that dies mid-item: that item fails alone; a fresh thread takes the rest.
      const died = (error: Error) => {
        if (!live.delete(worker)) return;
        const lost = current;
        current = -1;
        if (next < total) start();
        if (lost >= 0) finish(lost, opts.onCrash(error));
      };
      worker.on('error', died);
      worker.on('exit', (code) => died(new Error(`worker thread exited with code ${code}`)));
      feed();
    };
    for (let i = 0; i < Math.max(1, Math.min(opts.size, total)); i++) start();
  });
}

/** The worker side: answers each posted task with `handle`'s result. */
export function serveTasks<T, R>(handle: (task: T) => Promise<R> | R): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks: not in a worker thread');
  port.on('message', async ({ id, task }: { id: number; task: T }) => {
    port.postMessage({ id, result: await handle(task) } satisfies Reply<R>);
  });
}

/** A worker from the bundle, or from the TypeScript sources through tsx (tests run those). */
function startWorker(file: string): Worker {
  if (!file.endsWith('.ts')) return new Worker(file);
  // tsx's hooks for require() and import() (a lazily loaded module) of .ts, then the entry.
  const from = `require('node:module').createRequire(${JSON.stringify(file)})`;
  const api = `require('node:url').pathToFileURL(${from}.resolve('tsx/esm/api')).href.replace(/\\.cjs$/, '.mjs')`;
  return new Worker(`import(${api}).then((m) => { m.register(); ${from}('tsx/cjs'); require(${JSON.stringify(file)}); });`, { eval: true });
}

/**
 * Threads for `items` items: `NIANBAO_WORKERS` forces a number (0: none); otherwise, when there
 * are more than `WORKERS_MIN_ITEMS` items and at least `WORKERS_MIN_CPUS` CPUs, one per CPU but
 * the main thread's (which still does its own share: pairing, checking, output), at most 4.
 * On two CPUs the bench measured threads slower (copying each model across costs more than the
 * one extra thread gains), so there they are used only when asked for.
 */
export function workerCount(items: number, env: Record<string, string | undefined>): number {
  const forced = env.NIANBAO_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced.trim())) return Math.min(Number(forced), items);
  const cpus = os.availableParallelism();
  if (items <= WORKERS_MIN_ITEMS || cpus < WORKERS_MIN_CPUS) return 0;
  return Math.min(cpus - 1, WORKERS_MAX, items);
}

export const WORKERS_MIN_ITEMS = 8;
const WORKERS_MIN_CPUS = 3;
const WORKERS_MAX = 4;
