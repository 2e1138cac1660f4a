// The offline page's Web Worker: the engine off the main thread, so a batch of large
// reports never blocks typing or scrolling. One message in, one answer out, in order.

import type { FromWorker, ToWorker } from './protocol';
import { Reports, UnreadableFile } from './reports';
import { pageCMaps } from './cmaps';

interface WorkerScope {
  onmessage: ((e: { data: ToWorker }) => void) | null;
  postMessage(m: FromWorker): void;
}
const scope = globalThis as unknown as WorkerScope;
const reports = new Reports({ cmaps: pageCMaps });

async function answer(m: ToWorker): Promise<FromWorker | null> {
  switch (m.type) {
    case 'open':
      return { type: 'result', result: await reports.openBytes(m.doc, m.name, new Uint8Array(m.bytes)) };
    case 'text':
      return { type: 'result', result: reports.openText(m.doc, m.name, m.text) };
    case 'edit':
      return { type: 'result', result: reports.edit(m.doc, m.text) };
    case 'applyFix':
      return { type: 'result', result: reports.applyFix(m.doc, m.finding, m.fix), request: m.request };
    case 'fixAll':
      return { type: 'result', result: reports.fixAll(m.doc), request: m.request };
    case 'close':
      reports.close(m.doc);
      return null;
    case 'summaryPage':
      return { type: 'summaryPage', html: reports.summaryPage(m.docs, m.lang, m.title) };
  }
}

// Messages are answered one after the other (a file being read never lets a later edit of
// the same document overtake it).
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(() => handle(e.data));
};

async function handle(m: ToWorker): Promise<void> {
  try {
    const a = await answer(m);
    if (a) scope.postMessage(a);
    // Reports paired with this one for carry-over, re-checked.
    for (const result of reports.takeChanged()) scope.postMessage({ type: 'result', result });
  } catch (err) {
    const message = err instanceof UnreadableFile ? err.reason : { zh: `读取失败：${String((err as Error)?.message ?? err)}`, en: `could not read: ${String((err as Error)?.message ?? err)}` };
    scope.postMessage({ type: 'error', doc: 'doc' in m ? m.doc : -1, name: 'name' in m ? m.name : '', message });
  }
}
