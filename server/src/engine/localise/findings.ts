// Findings from the localiser: a reviewer thinks in wrong cells, so
// - one minimum: ONE finding per wrong cell, naming every relation it breaks, with one
//   preferred, safe fix that changes the whole set at once (every relation then holds);
// - several minima: one finding per broken relation (merged where they sit on one cell),
//   listing the candidates, a fix per candidate, none preferred or safe;
// - too many inconsistencies: one finding per broken relation, suggestions only.
// A finding keeps the code of its relation family; `data.relations` lists every relation.

import type { CellRef, Equation } from '../format/equations';
import { TEMPLATES } from '../format/templates';
import { columnName, shortLabel } from '../format/vocabulary';
import type { CellChange, Fix, Localized, RelatedLocation } from '../findings';
import type { Cell } from '../model';
import type { Report } from '../rules/types';
import type { Component } from './model';
import type { Candidate, Change } from './search';

const ROWS = new Map([...TEMPLATES.F2021.T3.rows, ...TEMPLATES.F2019.T3.rows].map((r) => [r.id, r]));

/** A cell's name for messages: “（三）不予公开 1.属于国家秘密”（自然人）, 行政复议·总计. */
function cellName(ref: CellRef): Localized {
  if (ref.table !== 'T3') return columnName(ref.table, ref.col);
  const row = ROWS.get(ref.row);
  const parent = row?.level === 3 && row.parent ? ROWS.get(row.parent) : undefined;
  const label = row ? (parent ? `${shortLabel(parent.label)} ${shortLabel(row.label)}` : shortLabel(row.label)) : ref.row;
  const col = columnName('T3', ref.col);
  return { zh: `“${label}”（${col.zh}）`, en: `“${label}” (${col.en})` };
}

const val = (c: Cell) => (c.state === 'number' ? c.value! : 0);
const shown = (c: Cell, zh = true) => (c.state === 'number' ? String(c.value) : zh ? '空' : 'blank');

const CODE_RANK: Record<string, number> = { 'result-total': 0, 'row-total': 1, 'review-total': 2, 'litigation-total': 3, 'column-balance': 4 };

/** The relation a wrong cell is reported under: one it is the total of, else the first it is in. */
function primary(ref: CellRef, broken: Equation[]): Equation {
  const isTarget = (e: Equation) => !!e.target && e.target.row === ref.row && e.target.col === ref.col && e.target.table === ref.table;
  const targets = broken.filter(isTarget).sort((a, b) => CODE_RANK[a.code]! - CODE_RANK[b.code]!);
  return targets[0] ?? broken[0]!;
}

const has = (eq: Equation, ref: CellRef) => [...eq.left, ...eq.right].some((r) => r.table === ref.table && r.row === ref.row && r.col === ref.col);

/** “一 + 二 = 20 + 0 = 20 ≠ 三 + 四 = 18 + 0 = 18” for a relation, with the current values. */
function relationText(c: Component, eq: Equation): Localized {
  const valueOf = (ref: CellRef) => {
    const i = c.refs.findIndex((r) => r.table === ref.table && r.row === ref.row && r.col === ref.col);
    return i < 0 ? 0 : val(c.cells[i]!);
  };
  const l = eq.left.reduce((a, r) => a + valueOf(r), 0);
  const rs = eq.right.map(valueOf);
  const r = rs.reduce((a, x) => a + x, 0);
  if (eq.target) return { zh: `${eq.name.zh} ${l} ≠ 各项之和 ${r}（${rs.join('+')}）`, en: `${eq.name.en} ${l} ≠ sum of its parts ${r} (${rs.join('+')})` };
  const [a, b] = eq.left.map(valueOf);
  const [x, y] = eq.right.map(valueOf);
  return { zh: `${eq.name.zh}：一 + 二 = ${a}+${b} = ${l}，三 + 四 = ${x}+${y} = ${r}，应相等`, en: `${eq.name.en}: 一 + 二 = ${a}+${b} = ${l} but 三 + 四 = ${x}+${y} = ${r}` };
}

function changeText(c: Component, ch: Change): Localized {
  const n = cellName(c.refs[ch.v]!);
  return { zh: `${n.zh} ${shown(c.cells[ch.v]!)} → ${ch.to}`, en: `${n.en} ${shown(c.cells[ch.v]!, false)} → ${ch.to}` };
}

function fixFor(c: Component, cand: Candidate, preferred: boolean, phase: number): Fix {
  const parts = cand.changes.map((ch) => {
    const n = cellName(c.refs[ch.v]!);
    return { zh: `${n.zh}改为 ${ch.to}`, en: `set ${n.en} to ${ch.to}` };
  });
  return {
    title: preferred
      ? { zh: `将${parts.map((p) => p.zh).join('，')}（表中所有关系随之成立）`, en: `${cap(parts.map((p) => p.en).join(', '))} (every relation of the table then holds)` }
      : { zh: `可能的改法：将${parts.map((p) => p.zh).join('，')}（请先核对）`, en: `Possible fix: ${parts.map((p) => p.en).join(', ')} (check first)` },
    edits: cand.changes.map((ch) => ({ span: c.cells[ch.v]!.span!, newText: String(ch.to) })),
    isPreferred: preferred,
    safe: preferred,
    phase,
  };
}

function sumOf(c: Component, refs: CellRef[]): number {
  return refs.reduce((s, r) => {
    const i = c.refs.findIndex((x) => x.table === r.table && x.row === r.row && x.col === r.col);
    return s + (i < 0 ? 0 : val(c.cells[i]!));
  }, 0);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function related(c: Component, eqs: Equation[], except: CellRef[]): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  const seen = new Set<Cell>();
  for (const eq of eqs)
    for (const ref of [...eq.left, ...eq.right]) {
      const i = c.refs.findIndex((r) => r.table === ref.table && r.row === ref.row && r.col === ref.col);
      if (i < 0) continue;
      const cell = c.cells[i]!;
      if (!cell.span || seen.has(cell) || except.some((e) => e.row === ref.row && e.col === ref.col && e.table === ref.table)) continue;
      seen.add(cell);
      const n = cellName(ref);
      out.push({ span: cell.span, message: { zh: `${n.zh}：${shown(cell)}`, en: `${n.en}: ${shown(cell, false)}` } });
    }
  return out;
}

function evidenceNote(c: Component, v: number): Localized | null {
  const ev = c.evidence.get(v);
  if (!ev?.length) return null;
  const zh = ev.map((e) => (e.kind === 'narrative' ? `正文称 ${e.value}` : `上一年度报告的结转下年度为 ${e.value}`)).join('，');
  const en = ev.map((e) => (e.kind === 'narrative' ? `the text says ${e.value}` : `last year’s report carried ${e.value} over`)).join(', ');
  return { zh, en };
}

const relData = (eqs: Equation[]) => eqs.map((e) => ({ equation: e.id, code: e.code }));
const changeOf = (c: Component, ch: Change): CellChange => ({ table: c.refs[ch.v]!.table, row: c.refs[ch.v]!.row, col: c.refs[ch.v]!.col, from: val(c.cells[ch.v]!), to: ch.to });
const cellsAt = (ref: CellRef) => ({ kind: 'cells' as const, table: ref.table, row: ref.row, cols: [ref.col] });
/** The operands of a total's relation as written, for hover and the JSON output. */
const operandsOf = (c: Component, eq: Equation) => (eq.target ? eq.right.map((r) => String(sumOf(c, [r]))).join('+') : undefined);

/** Anchor of a broken relation: its total, or for 一 + 二 = 三 + 四 the 四 cell. */
function anchorOf(c: Component, eq: Equation): number {
  const refs = eq.target ? [eq.target] : [eq.right[1]!, eq.right[0]!, eq.left[0]!];
  for (const ref of refs) {
    const i = c.refs.findIndex((r) => r.table === ref.table && r.row === ref.row && r.col === ref.col);
    if (i >= 0 && c.cells[i]!.span) return i;
  }
  return -1;
}

export function componentReports(c: Component): Report[] {
  const res = c.result;
  if (res.kind === 'consistent') return [];
  if (res.kind === 'unique') return uniqueReports(c, res.best, res.size);
  return relationReports(c, res.kind === 'tie' ? res.candidates : null, res.kind === 'too-many' ? res.reason : null);
}

function uniqueReports(c: Component, best: Candidate, size: number): Report[] {
  const phase = Math.min(...c.broken.map((e) => e.phase));
  const fix = fixFor(c, best, true, phase);
  const all = best.changes.map((ch) => changeText(c, ch));
  const before = { zh: all.map((a) => a.zh).join('；'), en: all.map((a) => a.en).join('; ') };
  const out: Report[] = [];
  for (const ch of best.changes) {
    const ref = c.refs[ch.v]!;
    const cell = c.cells[ch.v]!;
    const breaks = c.broken.filter((e) => has(e, ref));
    const among = breaks.length > 0 ? breaks : c.equations.filter((e) => has(e, ref));
    const main = primary(ref, among);
    const name = cellName(ref);
    const rel = breaks.map((e) => relationText(c, e));
    const others = best.changes.filter((x) => x !== ch).map((x) => cellName(c.refs[x.v]!));
    const note = evidenceNote(c, ch.v);
    out.push({
      code: main.code,
      span: cell.span!,
      message: {
        zh: `${name.zh}应为 ${ch.to}（现为 ${shown(cell)}）：${rel.length ? rel.map((r) => r.zh).join('；') : '需随其他单元格一起改动'}${others.length ? `。与${others.map((o) => o.zh).join('、')}一起改动后表中所有关系成立` : ''}`,
        en: `${name.en} should be ${ch.to} (it is ${shown(cell, false)}): ${rel.length ? rel.map((r) => r.en).join('; ') : 'changes with the other cells'}${others.length ? `. Changed together with ${others.map((o) => o.en).join(', ')}, every relation holds` : ''}`,
      },
      expected: ch.to,
      actual: val(cell),
      related: related(c, breaks, best.changes.map((x) => c.refs[x.v]!)),
      fixes: [fix],
      detail: {
        zh: `改动前 → 改动后：${before.zh}。\n\n为什么是这${size > 1 ? `${size} 个单元格` : '个单元格'}：表中 ${c.broken.length} 个关系不成立；能使全部关系成立的改法中，最少要改 ${size} 个单元格，且只有这一种改法（Fellegi–Holt 最小改动原则）${note ? `；${note.zh}` : ''}。`,
        en: `Before → after: ${before.en}.\n\nWhy ${size > 1 ? `these ${size} cells` : 'this cell'}: ${c.broken.length} relation(s) of the table fail; changing ${size} cell(s) is the least that makes every relation hold, and this is the only such change (Fellegi–Holt minimal change)${note ? `; ${note.en}` : ''}.`,
      },
      location: cellsAt(ref),
      equation: { id: main.id, operands: breaks.includes(main) ? operandsOf(c, main) : undefined },
      localisation: { outcome: 'unique', relations: relData(breaks), set: best.changes.map((x) => changeOf(c, x)) },
    });
  }
  return out;
}

function relationReports(c: Component, candidates: Candidate[] | null, reason: string | null): Report[] {
  // One finding per anchor cell: relations that sit on the same total are merged.
  const byAnchor = new Map<number, Equation[]>();
  for (const eq of c.broken) {
    const a = anchorOf(c, eq);
    if (a < 0) continue;
    if (!byAnchor.has(a)) byAnchor.set(a, []);
    byAnchor.get(a)!.push(eq);
  }
  const out: Report[] = [];
  const shownCandidates = candidates?.slice(0, 8) ?? [];
  const candText = shownCandidates.map((cand) => {
    const t = cand.changes.map((ch) => changeText(c, ch));
    return { zh: t.map((x) => x.zh).join('，'), en: t.map((x) => x.en).join(', ') };
  });
  for (const [a, eqs] of byAnchor) {
    const ref = c.refs[a]!;
    const main = primary(ref, eqs);
    const rel = eqs.map((e) => relationText(c, e));
    const head = { zh: rel.map((r) => r.zh).join('；'), en: rel.map((r) => r.en).join('; ') };
    let message: Localized;
    let detail: Localized;
    let fixes: Fix[];
    if (candidates) {
      const size = candidates[0]!.changes.length;
      message = {
        zh: `${head.zh}。有 ${candidates.length}${candidates.length > shownCandidates.length ? ' 种以上' : ' 种'}同样小的改法，无法确定哪个单元格有误：${candText.map((t) => t.zh).join('；或 ')}`,
        en: `${head.en}. ${candidates.length}${candidates.length > shownCandidates.length ? '+' : ''} equally small changes fit, so the wrong cell cannot be told: ${candText.map((t) => t.en).join('; or ')}`,
      };
      detail = {
        zh: `无法确定：能使表中全部关系成立的最少改动是 ${size} 个单元格，但有 ${candidates.length} 种这样的改法，且没有正文或上一年度报告等其他依据区分它们。请核对原始台账后选择。`,
        en: `Cannot decide: the least change that makes every relation hold is ${size} cell(s), but ${candidates.length} such changes exist and no other evidence (the text, last year’s report) tells them apart. Check the records, then choose.`,
      };
      fixes = shownCandidates.map((cand) => fixFor(c, cand, false, main.phase));
    } else {
      const why =
        reason === 'not-integer'
          ? { zh: '表中有非整数，无法定位错误单元格', en: 'the table holds non-integers, so the wrong cell cannot be located' }
          : { zh: '表中不一致过多，无法定位错误单元格', en: 'too many inconsistencies to localise the wrong cell' };
      message = { zh: `${head.zh}（${why.zh}）`, en: `${head.en} (${why.en})` };
      detail = {
        zh: `表中 ${c.broken.length} 个关系不成立；在 4 个单元格以内找不到唯一能使全部关系成立的改法（${why.zh}）。请逐项核对。`,
        en: `${c.broken.length} relation(s) fail; no change of at most 4 cells makes every relation hold (${why.en}). Check each one.`,
      };
      fixes = [];
      const cell = c.cells[a]!;
      const eq = eqs.find((e) => e.target && e.target.row === ref.row && e.target.col === ref.col);
      if (eq) {
        const sum = sumOf(c, eq.right);
        fixes.push({ title: { zh: `建议：将总计改为 ${sum}（请先核对各分项）`, en: `Suggestion: set the total to ${sum} (check the parts first)` }, edits: [{ span: cell.span!, newText: String(sum) }], isPreferred: false, safe: false, phase: eq.phase });
      }
    }
    const totalOf = eqs.find((e) => e.target && e.target.row === ref.row && e.target.col === ref.col && e.target.table === ref.table);
    // In a tie nothing says the total is the wrong cell: no “should be” value beside it.
    const partsSum = totalOf && !candidates ? sumOf(c, totalOf.right) : undefined;
    out.push({
      code: main.code,
      span: c.cells[a]!.span!,
      message,
      ...(partsSum !== undefined ? { expected: partsSum, actual: val(c.cells[a]!) } : {}),
      related: related(c, eqs, [ref]),
      fixes,
      detail,
      location: cellsAt(ref),
      equation: { id: main.id, operands: operandsOf(c, main) },
      localisation: {
        outcome: candidates ? 'tie' : 'too-many',
        relations: relData(eqs),
        ...(candidates ? { candidates: candidates.map((cand) => cand.changes.map((ch) => changeOf(c, ch))) } : {}),
      },
    });
  }
  return out;
}
