// How the Node server process is started (the VS Code client, the memory bench; docs for
// other editors). Node's defaults let V8's young generation grow to 2 × 16 MB under the
// steady allocation of re-checking on every keystroke, and never shrink it while the editor
// waits: RSS went from ~50 MB to ~110 MB over 1,000 edits with no object retained
// (bench/memory.mts measures heap after GC and RSS). Capping the semi-space at 2 MB keeps
// the young generation at 4 MB; the scavenges it adds cost no measurable keystroke latency.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
