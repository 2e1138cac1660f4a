// Editor features as plain data with spans (outline, folding, hover, inlay hints, code
// actions): the LSP server only maps them to the protocol, and any other front end (a web
// page, another editor) reuses them. Re-exported by the engine's façade (engine/index.ts).

export { fixAllAction, quickFixes, type ActionInfo } from './actions';
export { foldingRanges, type FoldingRange } from './folding';
export { hoverAt, type HoverInfo } from './hover';
export { inlayHints, type InlayHintInfo } from './inlay';
export { outline, type OutlineKind, type OutlineNode } from './outline';
