// The offline page (dist/nianbao.html): drop, pick or paste reports; see each report's
// summary, its tables as grids with the wrong cells marked and the findings; edit a text
// report with live re-checking, apply fixes, download the corrected text and an HTML
// summary. The engine runs in a Web Worker (web/worker.ts, inlined in the page as text and
// started from a blob: URL), so a batch of large files never freezes the page.
// No network: the page's Content-Security-Policy allows nothing remote (scripts/build.mjs).

import { escapeHtml, summaryHtml, tableHtml, viewHtml, type Localized } from '../server/src/engine/index';
import { STRINGS, t, type Lang, type StringKey } from './i18n';
import type { FindingItem, FromWorker, ReportResult, ToWorker } from './protocol';

interface Entry {
  doc: number;
  name: string;
  state: 'pending' | 'done' | 'error';
  result?: ReportResult;
  error?: Localized;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const entries: Entry[] = [];
let selected: number | null = null;
let nextDoc = 1;
let pastedCount = 0;
let lang: Lang = initialLang();
/** Files sent to the worker and not answered yet, and the size of the current batch. */
let pending = 0;
let batch = 0;

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem('nianbao.lang');
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage unavailable (file:// in some browsers): Chinese */
  }
  return 'zh';
}

// ————— worker —————

function startWorker(): Worker {
  const source = $('nb-worker').textContent ?? '';
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(url);
}

let worker: Worker;
function send(m: ToWorker, transfer: Transferable[] = []): void {
  worker.postMessage(m, transfer);
}

function onWorkerMessage(m: FromWorker): void {
  if (m.type === 'summaryPage') {
    download(lang === 'en' ? 'nianbao-summary.html' : '年报检查结果.html', m.html, 'text/html');
    return;
  }
  const e = entries.find((x) => x.doc === (m.type === 'result' ? m.result.doc : m.doc));
  if (!e) return; // closed meanwhile
  if (e.state === 'pending') finishOne();
  if (m.type === 'error') {
    e.state = 'error';
    e.error = m.message;
  } else {
    // Results come in the order the changes were sent; an older one never follows a newer.
    e.state = 'done';
    e.result = m.result;
  }
  renderList();
  const fixed = m.type === 'result' && m.request !== undefined && fixesInFlight.get(e.doc) === m.request;
  if (fixed) fixesInFlight.delete(e.doc);
  if (selected === e.doc) renderResult(e, fixed);
}

// ————— opening reports —————

async function openFiles(files: File[]): Promise<void> {
  if (files.length === 0) return;
  const added = files.map((f) => addEntry(f.name));
  startBatch(files.length);
  if (selected === null || !entries.some((x) => x.doc === selected)) select(added[0]!.doc);
  renderList();
  for (let i = 0; i < files.length; i++) {
    const bytes = await files[i]!.arrayBuffer();
    send({ type: 'open', doc: added[i]!.doc, name: files[i]!.name, bytes }, [bytes]);
  }
}

function openText(text: string): void {
  pastedCount++;
  const name = `${t(lang, 'pastedName')} ${pastedCount}`;
  const e = addEntry(name);
  startBatch(1);
  select(e.doc);
  send({ type: 'text', doc: e.doc, name, text });
  renderList();
}

function addEntry(name: string): Entry {
  const e: Entry = { doc: nextDoc++, name, state: 'pending' };
  entries.push(e);
  return e;
}

function startBatch(n: number): void {
  if (pending === 0) batch = 0;
  pending += n;
  batch += n;
  renderProgress();
}

function finishOne(): void {
  pending = Math.max(0, pending - 1);
  renderProgress();
}

function renderProgress(): void {
  const box = $('progress');
  box.hidden = pending === 0;
  const bar = $<HTMLProgressElement>('progress-bar');
  bar.max = Math.max(1, batch);
  bar.value = batch - pending;
  $('progress-text').textContent = `${t(lang, 'reading')} ${batch - pending} / ${batch}`;
}

function closeEntry(doc: number): void {
  const i = entries.findIndex((x) => x.doc === doc);
  if (i < 0) return;
  if (entries[i]!.state === 'pending') finishOne();
  entries.splice(i, 1);
  send({ type: 'close', doc });
  if (selected === doc) select(entries[Math.min(i, entries.length - 1)]?.doc ?? null);
  renderList();
}

// ————— the list of reports —————

function renderList(): void {
  const ul = $('list-items');
  $('download-summary').toggleAttribute('disabled', !entries.some((e) => e.state === 'done'));
  $('list').hidden = entries.length === 0;
  ul.innerHTML = entries
    .map((e) => {
      const c = e.result?.view.summary.counts;
      const status =
        e.state === 'pending'
          ? `<span class="status pending">…</span>`
          : e.state === 'error'
            ? `<span class="status failed">${escapeHtml(t(lang, 'failed'))}</span>`
            : !e.result!.view.summary.isReport
              ? `<span class="status muted">${escapeHtml(t(lang, 'notReport'))}</span>`
              : `<span class="status${c!.error ? ' has-errors' : ''}">${escapeHtml(t(lang, 'errorsWarnings', c!.error, c!.warning))}</span>`;
      return `<li><button type="button" class="entry${e.doc === selected ? ' selected' : ''}" data-doc="${e.doc}" aria-current="${e.doc === selected}"><span class="name">${escapeHtml(e.name)}</span>${status}</button></li>`;
    })
    .join('');
}

// ————— one report —————

let editTimer: ReturnType<typeof setTimeout> | undefined;
/** Documents with a fix (or fix-all) sent and not answered, with its request number: the answer replaces the editor's text. */
const fixesInFlight = new Map<number, number>();
let nextRequest = 1;

function select(doc: number | null): void {
  flushEdit();
  selected = doc;
  renderList();
  renderReport();
}

function selectedEntry(): Entry | undefined {
  return entries.find((x) => x.doc === selected);
}

/** The document whose editor is on the page, and whether the editor holds its text yet (a file still being read: not). */
let shownDoc: number | null = null;
let editorFilled = false;

/** The report pane: header, editor (kept while the report is shown) and results. */
function renderReport(): void {
  const pane = $('report');
  const e = selectedEntry();
  $('welcome').hidden = !!e;
  pane.hidden = !e;
  if (!e) {
    shownDoc = null;
    pane.innerHTML = '';
    return;
  }
  const editable = e.result?.editable ?? e.state === 'pending';
  // Re-rendering the same report (language switch) keeps what is in the editor.
  const old = document.getElementById('editor') as HTMLTextAreaElement | null;
  const kept = old && shownDoc === e.doc ? { value: old.value, top: old.scrollTop } : null;
  shownDoc = e.doc;
  pane.innerHTML = `<div class="report-head"><h2 class="report-name"></h2><div class="report-actions">
<button type="button" id="fix-all" class="primary" hidden></button>
<button type="button" id="download-text" hidden>${escapeHtml(t(lang, 'downloadText'))}</button>
<button type="button" id="close-report">${escapeHtml(t(lang, 'close'))}</button></div></div>
<div class="report-body">
<div class="text-pane"><label for="editor" id="editor-label"></label><textarea id="editor" spellcheck="false" autocomplete="off" wrap="soft"></textarea></div>
<div class="result-pane" id="result"></div></div>`;
  pane.querySelector('.report-name')!.textContent = e.name;
  const editor = $<HTMLTextAreaElement>('editor');
  editor.readOnly = !editable;
  editor.placeholder = t(lang, 'pasteHere');
  $('editor-label').textContent = t(lang, editable ? 'editor' : 'readOnly');
  editorFilled = !!kept || !!e.result;
  if (kept) {
    editor.value = kept.value;
    editor.scrollTop = kept.top;
  } else if (e.result) editor.value = e.result.text;
  renderResult(e, false);
}

function renderResult(e: Entry, replaceText: boolean): void {
  const box = document.getElementById('result');
  if (!box) return;
  const editor = $<HTMLTextAreaElement>('editor');
  if (e.state === 'pending' && !e.result) {
    box.innerHTML = `<p class="nb-absent">${escapeHtml(t(lang, 'reading'))}…</p>`;
    return;
  }
  if (e.state === 'error' || !e.result) {
    box.innerHTML = `<p class="error-box">${escapeHtml(t(lang, 'failed'))}：${escapeHtml(e.error ? e.error[lang] : '')}</p>`;
    return;
  }
  const r = e.result;
  editor.readOnly = !r.editable;
  $('editor-label').textContent = t(lang, r.editable ? 'editor' : 'readOnly');
  // The answer to a fix carries the new text; an answer to typing must not undo newer typing.
  if ((replaceText || !editorFilled) && editor.value !== r.text && editTimer === undefined) {
    const top = editor.scrollTop;
    editor.value = r.text;
    editor.scrollTop = top;
  }
  editorFilled = true;
  const fixAll = $('fix-all');
  fixAll.hidden = !r.editable || r.safeFixes === 0;
  fixAll.textContent = `${t(lang, 'fixAll')}（${r.safeFixes}）`;
  $('download-text').hidden = !r.editable;
  const view = r.view;
  const html = lang === 'en' ? 'en' : 'zh';
  const grids = view.summary.isReport ? summaryHtml(view.summary, html) + view.tables.map((x) => tableHtml(x, view, html)).join('') : viewHtml(view, html);
  box.innerHTML = `${grids}<section class="findings-block"><h2>${escapeHtml(t(lang, 'findings'))}（${r.findings.length}）</h2>${findingsHtml(r)}</section>`;
  highlightCaret(false);
}

const SEV: Record<string, StringKey> = { error: 'sevError', warning: 'sevWarning', info: 'sevInfo', hint: 'sevHint' };

function findingsHtml(r: ReportResult): string {
  if (r.findings.length === 0) return `<p class="nb-absent">${escapeHtml(t(lang, 'noFindings'))}</p>`;
  const items = r.findings.map((f: FindingItem, i) => {
    const fixes = r.editable
      ? f.fixes
          .map((x, j) => (x.isPreferred ? `<button type="button" class="fix" data-finding="${i}" data-fix="${j}">${escapeHtml(t(lang, 'fixPrefix') + x.title[lang])}</button>` : ''))
          .join('')
      : '';
    return `<li class="finding sev-${f.severity}" data-index="${i}" data-code="${escapeHtml(f.code)}" data-severity="${f.severity}" data-line="${f.line}" data-column="${f.column}" data-span="${f.span.start}-${f.span.end}" tabindex="0"><span class="nb-sev ${f.severity}">${escapeHtml(t(lang, SEV[f.severity] ?? 'sevInfo'))}</span> <span class="msg">${escapeHtml(f.message[lang])}</span> <span class="loc">${escapeHtml(f.location ? f.location[lang] : t(lang, 'location', f.line, f.column))}</span> <code>${escapeHtml(f.code)}</code>${fixes}</li>`;
  });
  return `<ol class="finding-list">${items.join('')}</ol>`;
}

// ————— editing —————

function flushEdit(): void {
  if (editTimer === undefined) return;
  clearTimeout(editTimer);
  editTimer = undefined;
  const e = selectedEntry();
  const editor = document.getElementById('editor') as HTMLTextAreaElement | null;
  if (e && editor && !editor.readOnly) send({ type: 'edit', doc: e.doc, text: editor.value });
}

function onEditorInput(): void {
  editorFilled = true; // the user's text from now on
  if (editTimer !== undefined) clearTimeout(editTimer);
  editTimer = setTimeout(flushEdit, 150);
}

function applyFix(finding: number, fix: number): void {
  const e = selectedEntry();
  if (!e) return;
  flushEdit();
  const request = nextRequest++;
  fixesInFlight.set(e.doc, request);
  send({ type: 'applyFix', doc: e.doc, finding, fix, request });
}

function fixAll(): void {
  const e = selectedEntry();
  if (!e) return;
  flushEdit();
  const request = nextRequest++;
  fixesInFlight.set(e.doc, request);
  send({ type: 'fixAll', doc: e.doc, request });
}

/** Select a span of the report's text in the editor and scroll it into view. */
function reveal(start: number, end: number): void {
  const editor = document.getElementById('editor') as HTMLTextAreaElement | null;
  if (!editor) return;
  editor.focus({ preventScroll: true });
  editor.setSelectionRange(start, end);
  const line = editor.value.slice(0, start).split('\n').length - 1;
  const lh = parseFloat(getComputedStyle(editor).lineHeight) || 20;
  editor.scrollTop = Math.max(0, (line - 3) * lh);
  highlightCaret(true);
}

/** Outline the grid cell under the editor's caret (as the editor's table preview does). */
function highlightCaret(scroll: boolean): void {
  const box = document.getElementById('result');
  const editor = document.getElementById('editor') as HTMLTextAreaElement | null;
  if (!box || !editor) return;
  for (const el of Array.from(box.querySelectorAll('.nb-current'))) el.classList.remove('nb-current');
  if (document.activeElement !== editor) return;
  const at = editor.selectionStart;
  let best: Element | null = null;
  let bestSize = Infinity;
  for (const el of Array.from(box.querySelectorAll('.nb-grid [data-span]'))) {
    const [s, e] = (el.getAttribute('data-span') ?? '').split('-').map(Number);
    if (s === undefined || e === undefined || at < s || at > e) continue;
    const size = e - s + (el.tagName === 'TD' ? 0 : 1e6);
    if (size < bestSize) {
      best = el;
      bestSize = size;
    }
  }
  if (!best) return;
  best.classList.add('nb-current');
  if (scroll) best.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

// ————— downloads —————

function download(name: string, content: string, type: string): void {
  const blob = new Blob([type.startsWith('text/plain') ? '\ufeff' : '', content], { type: `${type};charset=utf-8` });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

function correctedName(name: string): string {
  const m = /^(.*?)(\.[^.]*)?$/.exec(name)!;
  const stem = m[1] || name;
  const ext = m[2] && /^\.(txt|md)$/i.test(m[2]) ? m[2] : '.txt';
  return lang === 'en' ? `${stem}.corrected${ext}` : `${stem}（修改后）${ext}`;
}

// ————— language —————

function applyLang(): void {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = t(lang, 'appTitle');
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const key = el.dataset['i18n'] as StringKey;
    if (key in STRINGS) el.textContent = t(lang, key);
  }
  renderProgress();
  renderList();
  renderReport();
}

// ————— wiring —————

function init(): void {
  try {
    worker = startWorker();
  } catch (err) {
    $('welcome').insertAdjacentHTML('beforeend', `<p class="error-box">${escapeHtml(t(lang, 'workerFailed', String(err)))}</p>`);
    return;
  }
  worker.onmessage = (ev: MessageEvent<FromWorker>) => onWorkerMessage(ev.data);
  worker.onerror = (ev) => {
    $('welcome').hidden = false;
    $('welcome').insertAdjacentHTML('beforeend', `<p class="error-box">${escapeHtml(t(lang, 'workerFailed', ev.message))}</p>`);
  };

  const pick = $<HTMLInputElement>('pick');
  pick.addEventListener('change', () => {
    void openFiles(Array.from(pick.files ?? []));
    pick.value = '';
  });
  $('new-text').addEventListener('click', () => {
    openText('');
    document.getElementById('editor')?.focus();
  });
  $('download-summary').addEventListener('click', () => {
    const docs = entries.filter((e) => e.state === 'done').map((e) => e.doc);
    if (docs.length) send({ type: 'summaryPage', docs, lang, title: t(lang, 'summaryTitle') });
  });
  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    try {
      localStorage.setItem('nianbao.lang', lang);
    } catch {
      /* not remembered */
    }
    applyLang();
  });
  $('list-items').addEventListener('click', (ev) => {
    const b = (ev.target as Element).closest<HTMLElement>('[data-doc]');
    if (b) select(Number(b.dataset['doc']));
  });

  const report = $('report');
  report.addEventListener('click', (ev) => {
    const target = ev.target as Element;
    const fix = target.closest<HTMLElement>('button.fix');
    if (fix) return applyFix(Number(fix.dataset['finding']), Number(fix.dataset['fix']));
    const id = target.closest('button')?.id;
    if (id === 'fix-all') return fixAll();
    if (id === 'close-report' && selected !== null) return closeEntry(selected);
    if (id === 'download-text') {
      flushEdit();
      const e = selectedEntry();
      const editor = document.getElementById('editor') as HTMLTextAreaElement | null;
      if (e && editor) download(correctedName(e.name), editor.value, 'text/plain');
      return;
    }
    const spanned = target.closest<HTMLElement>('[data-span]');
    if (spanned && !target.closest('textarea')) {
      const [s, e] = (spanned.dataset['span'] ?? '').split('-').map(Number);
      if (Number.isFinite(s) && Number.isFinite(e)) reveal(s!, e!);
    }
  });
  report.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement;
    if ((ev.key === 'Enter' || ev.key === ' ') && target.matches('[data-span]:not(textarea)')) {
      ev.preventDefault();
      target.click();
    }
  });
  report.addEventListener('input', (ev) => {
    if ((ev.target as Element).id === 'editor') onEditorInput();
  });
  for (const type of ['keyup', 'click', 'select'] as const) {
    report.addEventListener(type, (ev) => {
      if ((ev.target as Element).id === 'editor') highlightCaret(true);
    });
  }

  // Drop anywhere; paste anywhere outside a text field opens the pasted text as a report.
  window.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    document.body.classList.add('dragging');
  });
  window.addEventListener('dragleave', (ev) => {
    if (!ev.relatedTarget) document.body.classList.remove('dragging');
  });
  window.addEventListener('drop', (ev) => {
    ev.preventDefault();
    document.body.classList.remove('dragging');
    void openFiles(Array.from(ev.dataTransfer?.files ?? []));
  });
  document.addEventListener('paste', (ev) => {
    const target = ev.target as Element | null;
    if (target?.closest('textarea, input')) return;
    const files = Array.from(ev.clipboardData?.files ?? []);
    if (files.length) {
      ev.preventDefault();
      void openFiles(files);
      return;
    }
    const text = ev.clipboardData?.getData('text/plain') ?? '';
    if (text.trim()) {
      ev.preventDefault();
      openText(text);
    }
  });
  applyLang();
}

init();
