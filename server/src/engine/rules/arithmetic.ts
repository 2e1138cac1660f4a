// Arithmetic rules (spec §3): every equation of format/equations.ts is evaluated by ONE
// function that knows the cell states: blank and absent count as 0; an invalid or
// unreadable operand suppresses the equation (cell-value / table-unreadable explain why).
// A blank total whose parts are filled is `total-blank` (fill it), not a sum error.

import { equationsFor, type Equation } from '../format/equations';
import { t3Def } from '../format/vocabulary';
import type { Fix, Localized } from '../findings';
import { componentReports } from '../localise/findings';
import { localiseModel } from '../localise/model';
import type { Cell, ReportModel } from '../model';
import type { CheckOptions } from '../options';
import { cellAt } from './lookup';
import type { Report, Rule, RuleDocs } from './types';

interface Evaluation {
  eq: Equation;
  status: 'ok' | 'fail' | 'skip' | 'total-blank';
  left: number;
  right: number;
  leftCells: Cell[];
  rightCells: Cell[];
  targetCell?: Cell;
}

const val = (c: Cell) => (c.state === 'number' ? c.value! : 0);

function evaluate(model: ReportModel, eq: Equation): Evaluation {
  const leftCells: Cell[] = [];
  const rightCells: Cell[] = [];
  const res = (status: Evaluation['status'], l = 0, r = 0): Evaluation => ({ eq, status, left: l, right: r, leftCells, rightCells });
  for (const [refs, into] of [
    [eq.left, leftCells],
    [eq.right, rightCells],
  ] as const) {
    for (const ref of refs) {
      const c = cellAt(model, ref);
      if (c === 'no-row') {
        // A missing leaf row counts as lost data: the equation cannot be checked.
        return res('skip');
      }
      if (c.state === 'invalid' || c.state === 'unreadable') return res('skip');
      into.push(c);
    }
  }
  const l = leftCells.reduce((a, c) => a + val(c), 0);
  const r = rightCells.reduce((a, c) => a + val(c), 0);
  const all = [...leftCells, ...rightCells];
  if (all.every((c) => c.state !== 'number')) return res('skip', l, r); // all blank: nothing to check
  const out = res('ok', l, r);
  if (eq.target) {
    const target = leftCells[0]!;
    out.targetCell = target;
    if (target.state === 'blank' && rightCells.some((c) => c.state === 'number')) {
      out.status = 'total-blank';
      return out;
    }
    if (target.state === 'absent' && rightCells.some((c) => c.state === 'number' && c.value !== 0)) {
      // The total's cell was lost in the export: nothing to compare against.
      return res('skip', l, r);
    }
  }
  if (Math.abs(l - r) > 1e-9) out.status = 'fail';
  return out;
}

function operands(cells: Cell[]): string {
  return cells.map((c) => (c.state === 'number' ? String(c.value) : '0')).join('+');
}

function setCellFix(cell: Cell | undefined, value: number, title: Localized, phase: number, safe: boolean): Fix[] {
  if (!cell || !cell.span) return [];
  return [{ title, edits: [{ span: cell.span, newText: String(value) }], isPreferred: true, safe, phase }];
}

/** Every evaluation for the model, computed once per check and shared by the rules. */
const evalCache = new WeakMap<ReportModel, Evaluation[]>();
function evaluations(model: ReportModel): Evaluation[] {
  let ev = evalCache.get(model);
  if (!ev) {
    ev = model.template.id === 'legacy' ? [] : equationsFor(t3Def(model)).map((eq) => evaluate(model, eq));
    // A blank total is reported as total-blank; equations that use it as an operand would
    // only repeat that as a false sum error, so they are skipped.
    const blankTotals = new Set(ev.filter((e) => e.status === 'total-blank').map((e) => e.targetCell!));
    if (blankTotals.size > 0)
      for (const e of ev)
        if (e.status === 'fail' && [...e.leftCells, ...e.rightCells].some((c) => c !== e.targetCell && blankTotals.has(c))) e.status = 'skip';
    evalCache.set(model, ev);
  }
  return ev;
}

const reportCache = new WeakMap<ReportModel, Report[]>();
function localisedReports(model: ReportModel, options: CheckOptions): Report[] {
  let out = reportCache.get(model);
  if (!out) {
    out = localiseModel(model, options).flatMap(componentReports);
    reportCache.set(model, out);
  }
  return out;
}

/** How every arithmetic rule finds and fixes its wrong cells: said once, appended to each rule's fix. */
const LOCALISATION_DOCS =
  ' The wrong cells are found by error localisation (docs/localisation.md): one finding per wrong cell, naming every relation it breaks. When one smallest change makes every relation of the table hold, its quick fix is preferred and safe (fix-all applies it) and changes the whole set at once; when several equally small changes fit, the finding lists them with a quick fix each, none applied by fix-all.';

function equationRule(code: Equation['code'], description: Localized, spec: string[], docs: RuleDocs): Rule {
  return {
    code,
    defaultSeverity: 'error',
    spec,
    description,
    docs: { ...docs, fix: docs.fix + LOCALISATION_DOCS },
    check(ctx) {
      // The localiser turns broken relations into wrong cells (one finding per cell); each
      // finding is reported by the rule of its relation family.
      for (const f of localisedReports(ctx.model, ctx.options)) if (f.code === code) ctx.report(f);
    },
  };
}

export const rowTotal = equationRule('row-total', { zh: '表三每行的总计等于六类申请人之和', en: 'Each table-3 row total equals the sum of the six applicant columns' }, ['EQ-T3-ROW'], {
  why: 'The 总计 column of table 3 is the sum of the six applicant columns (EQ-T3-ROW).',
  bad: '一、本年新收政府信息公开申请数量  3 0 0 0 0 16 20',
  fix: 'Here 总计 is the one wrong cell: the quick fix (safe) sets it to 19.',
});
export const resultTotal = equationRule('result-total', { zh: '（七）总计等于各办理结果之和', en: '(7) total equals the sum of the result items' }, ['EQ-T3-RES'], {
  why: '（七）总计 is the sum of the result leaves — never of the group rows （三）（四）（五）（六） — because each application falls in exactly one leaf (“只计这一情形”) (EQ-T3-RES).',
  bad: '（七）总计 18 while the leaves add up to 19',
  fix: 'When （七）总计 is the one wrong cell, the quick fix (safe) sets it (and any other cell of the same smallest change, e.g. 一’s 总计) so that every relation holds.',
});
export const columnBalance = equationRule('column-balance', { zh: '每列：一 + 二 = 三 + 四', en: 'Each column: 一 + 二 = 三 + 四' }, ['EQ-T3-BAL'], {
  why: 'The note printed in table 3: 第一项加第二项之和，等于第三项加第四项之和 — per column (EQ-T3-BAL, the only equation printed in the template).',
  bad: '一 20 + 二 0 ≠ 三（七） 19 + 四 0',
  fix: 'The wrong cell may be in 一, 二, 三 or 四: outside evidence decides (a number the text states, last year’s 结转 for 二); otherwise every candidate is offered and none is applied by fix-all.',
});
export const reviewTotal = equationRule('review-total', { zh: '行政复议总计等于四项之和', en: 'Administrative review total equals its four parts' }, ['EQ-T4-RV'], {
  why: '行政复议 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (EQ-T4-RV).',
  bad: '3 0 0 0 4',
  fix: 'The total or any one of the four parts may be the wrong cell: a quick fix per candidate, none applied by fix-all — unless other evidence decides (e.g. the text says 行政复议3件, then setting 总计 to 3 is preferred and safe).',
});
export const litigationTotal = equationRule('litigation-total', { zh: '行政诉讼总计等于四项之和', en: 'Litigation totals equal their four parts' }, ['EQ-T4-LD', 'EQ-T4-LR'], {
  why: 'Both 行政诉讼 blocks (未经复议直接起诉, 复议后起诉): 总计 = the four results (EQ-T4-LD, EQ-T4-LR).',
  bad: '18 5 1 0 25',
  fix: 'As for review-total: a quick fix per candidate (总计 to 24, or one part), applied by fix-all only when one change is the unique smallest.',
});

export const totalBlank: Rule = {
  code: 'total-blank',
  defaultSeverity: 'warning',
  spec: ['R-BLANK-TOTAL'],
  description: { zh: '各项已填写时总计不应为空', en: 'A total is not left blank when its parts are filled' },
  docs: {
    why: 'A 总计 left blank while its parts are filled is a missing total, not a sum error (R-BLANK-TOTAL).',
    bad: '（一）予以公开  258 12 · · 1 1 ·',
    fix: 'Quick fix (safe): fill in the sum.',
  },
  check(ctx) {
    const done = new Set<Cell>();
    for (const e of evaluations(ctx.model)) {
      if (e.status !== 'total-blank' || !e.targetCell?.span || done.has(e.targetCell)) continue;
      done.add(e.targetCell);
      const ops = operands(e.rightCells);
      ctx.report({
        code: 'total-blank',
        span: e.targetCell.span,
        message: { zh: `${e.eq.name.zh}为空，各项之和为 ${e.right}（${ops}）`, en: `${e.eq.name.en} is blank; its parts add up to ${e.right} (${ops})` },
        expected: e.right,
        fixes: setCellFix(e.targetCell, e.right, { zh: `填入总计 ${e.right}`, en: `Fill in the total ${e.right}` }, e.eq.phase, true),
        location: { kind: 'cells', table: e.eq.target!.table, row: e.eq.target!.row, cols: [e.eq.target!.col] },
        equation: { id: e.eq.id, operands: ops },
      });
    }
  },
};
