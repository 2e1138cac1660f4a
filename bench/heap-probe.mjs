// Preloaded into the language server by bench/memory.mts only (`node --expose-gc --import
// bench/heap-probe.mjs dist/server.js --stdio`, with an IPC channel beside stdio): on the
// message "sample" it collects garbage fully and answers with the heap after GC and the
// process's RSS; on "snapshot" it also writes a heap snapshot and answers with its path.
import v8 from 'node:v8';

if (process.send && typeof globalThis.gc === 'function') {
  process.channel?.unref(); // the LSP connection, not the probe, keeps the server alive
  process.on('message', (msg) => {
    if (!msg || (msg.type !== 'sample' && msg.type !== 'snapshot')) return;
    globalThis.gc();
    globalThis.gc(); // a second pass collects what the first one's finalisers released
    const spaces = v8.getHeapSpaceStatistics();
    const used = (names) => spaces.filter((s) => names.includes(s.space_name)).reduce((n, s) => n + s.space_used_size, 0);
    const heap = v8.getHeapStatistics();
    const snapshot = msg.type === 'snapshot' ? v8.writeHeapSnapshot(msg.path) : undefined;
    process.send({
      rss: process.memoryUsage.rss(),
      heapUsed: heap.used_heap_size,
      heapTotal: heap.total_heap_size,
      /** Compiled code (grows while the JIT warms up; not data the server keeps). */
      code: used(['code_space', 'code_large_object_space']),
      snapshot,
    });
  });
}
