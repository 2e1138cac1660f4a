// The offline page's Web Worker: the engine off the main thread, so a batch of large
// reports never blocks typing or scrolling. One message in, one answer out, in order.

import type { FromWorker, ToWorker } from './protocol';
import { Reports, UnreadableFile } from './reports';

interface WorkerScope {
  onmessage: ((e: { data: ToWorker }) => void) | null;
  postMessage(m: FromWorker): void;
}
const scope = globalThis as unknown as WorkerScope;
const reports = new Reports();

function answer(m: ToWorker): FromWorker | null {
  switch (m.type) {
    case 'open':
      return { type: 'result', result: reports.openBytes(m.doc, m.name, new Uint8Array(m.bytes)) };
    case 'text':
      return { type: 'result', result: reports.openText(m.doc, m.name, m.text) };
    case 'edit':
      return { type: 'result', result: reports.edit(m.doc, m.text) };
    case 'applyFix':
      return { type: 'result', result: reports.applyFix(m.doc, m.finding, m.fix) };
    case 'fixAll':
      return { type: 'result', result: reports.fixAll(m.doc) };
    case 'close':
      reports.close(m.doc);
      return null;
    case 'summaryPage':
      return { type: 'summaryPage', html: reports.summaryPage(m.docs, m.lang, m.title) };
  }
}

scope.onmessage = (e) => {
  const m = e.data;
  try {
    const a = answer(m);
    if (a) scope.postMessage(a);
  } catch (err) {
    const message = err instanceof UnreadableFile ? err.reason : { zh: `读取失败：${String((err as Error)?.message ?? err)}`, en: `could not read: ${String((err as Error)?.message ?? err)}` };
    scope.postMessage({ type: 'error', doc: 'doc' in m ? m.doc : -1, name: 'name' in m ? m.name : '', message });
  }
};
