// The table preview's webview script (loaded with a nonce under a strict CSP). It shows the
// HTML the extension posts (rendered by engine/view/html.ts, no scripts inside), posts
// `reveal` when a cell is clicked (or Enter/Space on a focused cell), and outlines the cell
// under the editor cursor when the extension posts `highlight`.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  if (!root) return;
  /** @type {number | null} */
  let offset = null;

  /** @param {Element} el */
  function spanOf(el) {
    const v = (el.getAttribute('data-span') || '').split('-');
    const s = Number(v[0]);
    const e = Number(v[1]);
    return Number.isFinite(s) && Number.isFinite(e) ? [s, e] : null;
  }

  /** @param {boolean} scroll */
  function highlight(scroll) {
    for (const el of Array.from(root.querySelectorAll('.nb-current'))) el.classList.remove('nb-current');
    if (offset === null) return;
    /** @type {Element | null} */
    let best = null;
    let bestSize = Infinity;
    for (const el of Array.from(root.querySelectorAll('.nb-grid [data-span]'))) {
      const sp = spanOf(el);
      if (!sp) continue;
      const [s, e] = sp;
      if (offset < s || offset > e) continue;
      // Prefer value cells over labels, then the smallest span.
      const size = (e - s) + (el.tagName === 'TD' ? 0 : 1e6);
      if (size < bestSize) {
        best = el;
        bestSize = size;
      }
    }
    if (!best) return;
    best.classList.add('nb-current');
    if (scroll) best.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update' && typeof m.html === 'string') {
      const x = window.scrollX;
      const y = window.scrollY;
      root.innerHTML = m.html;
      window.scrollTo(x, y);
      highlight(false);
      vscode.setState({ uri: m.uri });
    } else if (m.type === 'highlight') {
      offset = typeof m.offset === 'number' ? m.offset : null;
      highlight(true);
    }
  });

  /** @param {Event} e */
  function reveal(e) {
    const target = /** @type {Element | null} */ (e.target instanceof Element ? e.target.closest('[data-span]') : null);
    if (!target) return;
    const sp = spanOf(target);
    if (!sp) return;
    e.preventDefault();
    vscode.postMessage({ type: 'reveal', start: sp[0], end: sp[1] });
  }
  root.addEventListener('click', reveal);
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') reveal(e);
  });

  vscode.postMessage({ type: 'ready' });
})();
