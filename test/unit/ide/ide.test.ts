// Editor features as data (engine/ide): what the LSP server maps to the protocol and any
// other front end reuses. Each test reads one feature off a synthetic report.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  check,
  fixAll,
  fixAllAction,
  foldingRanges,
  hoverAt,
  inlayHints,
  LineIndex,
  outline,
  quickFixes,
  type FixAllResult,
  type OutlineNode,
} from '../../../server/src/engine/index.ts';
import { CLEAN_REPORT, renderReport } from '../../support/reports.ts';

// Two wrong row totals in table 3: （一） says 19 for 18, 7. says 2 for 1 (and so （七） is off).
const BROKEN = renderReport({ t3: { R3_1: [2, 0, 0, 0, 0, 16, 19], R3_3_7: [1, 0, 0, 0, 0, 0, 2] } });

const find = (nodes: OutlineNode[], p: (n: OutlineNode) => boolean): OutlineNode | undefined => {
  for (const n of nodes) {
    if (p(n)) return n;
    const hit = find(n.children, p);
    if (hit) return hit;
  }
  return undefined;
};

test('the outline is the title holding the six sections, each with its sub-headings and table', () => {
  const { model } = check(CLEAN_REPORT);
  const [title] = outline(model, 'zh-CN');
  assert.equal(title!.kind, 'title');
  assert.equal(title!.children.filter((n) => n.kind === 'section').length, 6);
  const three = title!.children[2]!;
  assert.match(three.name, /^三、/);
  assert.ok(three.children.some((n) => n.kind === 'table' && n.name === '表三 收到和处理政府信息公开申请情况'));
});

test('outline table names follow the locale', () => {
  const { model } = check(CLEAN_REPORT);
  assert.ok(find(outline(model, 'en'), (n) => n.name === 'Table 3 Applications received and handled'));
});

test('table 3 in the outline nests items under their group, and a group covers its items', () => {
  const { model } = check(CLEAN_REPORT);
  const group = find(outline(model, 'zh-CN'), (n) => n.kind === 'group' && n.name === '（三）不予公开')!;
  assert.equal(group.children.length, 8);
  assert.equal(group.span.start, group.children[0]!.span.start);
  assert.equal(group.span.end, group.children[7]!.span.end);
  assert.ok(group.children.every((c) => c.kind === 'row'));
});

test('folding ranges cover each section and each table, by lines', () => {
  const { model } = check(CLEAN_REPORT);
  const lines = new LineIndex(model.text);
  const ranges = foldingRanges(model, lines);
  assert.equal(ranges.length, 6 + 3);
  const t3 = model.tables.T3!;
  assert.ok(ranges.some((r) => r.startLine === lines.lineAt(t3.span.start) && r.endLine === lines.lineAt(t3.span.end - 1)));
});

test('hover on a wrong total gives the code and message in both languages', () => {
  const { model, findings } = check(BROKEN);
  const f = findings.find((x) => x.code === 'row-total')!;
  const h = hoverAt(model, findings, f.span.start)!;
  assert.match(h.markdown.zh, /\*\*row-total\*\* — .*19 ≠ 各项之和 18/);
  assert.match(h.markdown.en, /\*\*row-total\*\* — .*19 ≠ sum of its parts 18/);
});

test('hover on a row label gives the template label and how the row is counted', () => {
  const { model, findings } = check(CLEAN_REPORT);
  const r = model.tables.T3!.rows.find((x) => x.id === 'R3_7')!;
  const h = hoverAt(model, findings, r.labelSpan!.start)!;
  assert.deepEqual(h.span, r.labelSpan);
  assert.match(h.markdown.zh, /^模板标签：（七）总计\n\n（七）总计 = 各办理结果/);
  assert.match(h.markdown.en, /^Template label：（七）总计\n\n\(7\) total = the sum/);
});

test('hover elsewhere gives nothing', () => {
  const { model, findings } = check(CLEAN_REPORT);
  assert.equal(hoverAt(model, findings, 0), null);
});

test('inlay hints put the computed value right after each wrong total in range', () => {
  const { findings } = check(BROKEN);
  const hints = inlayHints(findings, 0, BROKEN.length);
  assert.deepEqual(
    hints.map((h) => h.label).sort(),
    [' = 1', ' = 18'],
  );
  const r31 = findings.find((x) => x.code === 'row-total' && x.expected === 18)!;
  assert.ok(hints.some((h) => h.offset === r31.span.end && h.label === ' = 18'));
  assert.deepEqual(inlayHints(findings, 0, 10), []);
});

test('fix-all is one action with the minimal edits, and none for a correct report', () => {
  const a = fixAllAction(fixAll(BROKEN))!;
  assert.equal(a.kind, 'fixAll');
  assert.deepEqual(a.edits.map((e) => e.newText), ['8', '1']); // 19 → 18 changes one digit
  assert.equal(fixAllAction(fixAll(CLEAN_REPORT)), null);
});

test('quick fixes at a wrong total: the table action first, then the finding’s own fix', () => {
  // Two safe fixes in table 3: a blank total to fill, and the wrong total of another row.
  const two = renderReport({ t3: { R3_1: [2, 0, 0, 0, 0, 16, ''], R3_3_7: [1, 0, 0, 0, 0, 0, 2] } });
  const { model, findings } = check(two);
  const i = findings.findIndex((x) => x.code === 'row-total');
  const f = findings[i]!;
  const actions = quickFixes(model, findings, f.span, () => fixAll(two));
  assert.equal(actions[0]!.title.en, 'Fix all totals in this table (2)');
  const own = actions.find((x) => x.finding === i)!;
  assert.equal(own.kind, 'quickfix');
  assert.equal(own.isPreferred, true);
  assert.deepEqual(own.edits, f.fixes[0]!.edits);
});

test('quick fixes compute fix-all only for a table with two or more safe fixes', () => {
  const { model, findings } = check(CLEAN_REPORT);
  let calls = 0;
  const fixed = (): FixAllResult => {
    calls++;
    return fixAll(CLEAN_REPORT);
  };
  assert.deepEqual(quickFixes(model, findings, model.tables.T3!.span, fixed), []);
  assert.equal(calls, 0);
});
