// Scores the engine against the development corpus (../shared/corpus): every form of every
// report is read and checked, and compared with the report's truth.json (cells read from the
// page's HTML structure, the relations that really fail, the narrative claims).
//
// Per report and form it counts:
// - cells: right / unreadable (cell, row or table not read) / wrong (a value that differs);
// - noise: warnings and errors that truth.json does not explain;
// - found / real: real failures (relations, narrative claims, missing sections) reported;
// - unreadableFindings: `table-unreadable` warnings (honest "cannot read", kept apart from noise).
// Used by `npm run corpus` (scripts/corpus.ts) and the ratchet test (test/corpus/).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkModel, parse, type Cell, type Finding, type ReportModel, type Row, type Span } from '../../server/src/engine';
import { readAnyReportFile } from '../../server/src/cli/load';

/** The forms of a report users hold, as files in each report's folder (see the corpus README). */
const CORPUS_FORMS = ['copy.txt', 'clipboard.txt', 'pdf.txt', 'pdf-raw.txt', 'word.txt', 'pandoc.md', 'page.html', 'page.docx', 'print.pdf'] as const;

export function corpusDir(): string | null {
  const dir = process.env.NIANBAO_CORPUS ?? path.resolve(__dirname, '../../../shared/corpus');
  return fs.existsSync(dir) ? dir : null;
}

export function corpusReports(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, 'truth.json')))
    .sort();
}

export interface FormScore {
  report: string;
  form: string;
  cells: number;
  right: number;
  unreadable: number;
  wrong: number;
  noise: number;
  found: number;
  real: number;
  unreadableFindings: number;
  /** What went wrong, for people: wrong cells and noisy findings. */
  details: string[];
}

interface Truth {
  template: string;
  sections: { numeral: string; present: boolean; match?: string }[];
  table2: { rows: { label: string; values: (number | string | null)[] }[] }[];
  table3: { rows: { key: string | null; values: (number | string | null)[] }[] } | null;
  table4: { values: (number | null)[] } | null;
  relations: { failures: { rule: string; row?: string }[] };
  narrative_claims: { match: boolean | null }[];
}

const ARITHMETIC = new Set(['row-total', 'result-total', 'column-balance', 'review-total', 'litigation-total']);
const T4_CODES = new Set(['review-total', 'litigation-total']);
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** truth.json's table-3 row keys → the template's row ids. */
function t3RowId(key: string): string {
  const simple: Record<string, string> = { new: 'R1', carry_in: 'R2', granted: 'R3_1', partial: 'R3_2', other: 'R3_6', total: 'R3_7', carry_out: 'R4' };
  if (simple[key]) return simple[key]!;
  const m = /^(denied|unable|not_processed|other)_(\d)$/.exec(key);
  if (!m) return key;
  const group = { denied: 'R3_3', unable: 'R3_4', not_processed: 'R3_5', other: 'R3_6' }[m[1] as 'denied'];
  return `${group}_${m[2]}`;
}

/** truth.json's table-2 labels → the template's row ids. */
function t2RowId(label: string): string | null {
  const l = label.replace(/\s/g, '');
  if (l.includes('规范性文件')) return 'NORM';
  const table: [string, string][] = [
    ['规章', 'REG'],
    ['行政许可', 'LIC'],
    ['对外管理服务', 'OMS'],
    ['行政处罚', 'PEN'],
    ['行政强制', 'COE'],
    ['事业性收费', 'FEE'],
    ['集中采购', 'PROC'],
  ];
  return table.find(([k]) => l.includes(k))?.[1] ?? null;
}

type Verdict = 'right' | 'unreadable' | 'wrong';

function numericOf(v: number | string): number | null {
  if (typeof v === 'number') return v;
  const m = /^(减|-|−)?\s*(\d+(?:\.\d+)?)/.exec(v.trim());
  if (!m) return null;
  return (m[1] ? -1 : 1) * Number(m[2]);
}

function judgeCell(cell: Cell | undefined, truth: number | string | null): Verdict {
  if (!cell || cell.state === 'unreadable') return 'unreadable';
  // An empty cell: written empty (blank), or gone from an export that drops empty cells (absent).
  if (truth === null) return cell.state === 'blank' || cell.state === 'absent' ? 'right' : 'wrong';
  if (cell.state === 'number') return cell.value === numericOf(truth) ? 'right' : 'wrong';
  // A non-numeric truth (`减12`, `38518699.09元`) read as the text it is.
  if (cell.state === 'invalid' && typeof truth === 'string') return cell.raw.replace(/\s/g, '') === truth.replace(/\s/g, '') ? 'right' : 'wrong';
  return 'wrong';
}

function rowExtent(row: Row): Span | null {
  const spans = [row.labelSpan, ...row.cells.map((c) => c.span)].filter((s): s is Span => !!s);
  if (spans.length === 0) return null;
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end || (a.start === a.end && a.start >= b.start && a.start <= b.end);

function scoreCells(model: ReportModel, truth: Truth, s: FormScore) {
  const tally = (v: Verdict, what: string, cell?: Cell) => {
    s.cells++;
    s[v]++;
    if (v === 'wrong') s.details.push(`wrong ${what}: read ${cell ? (cell.state === 'number' ? cell.value : cell.state) : '-'}`);
  };
  const t2 = model.tables.T2;
  for (const block of truth.table2 ?? []) {
    for (const r of block.rows) {
      const id = t2RowId(r.label);
      const row = t2?.rows.find((x) => x.id === id);
      r.values.forEach((v, i) => tally(judgeCell(row?.cells[i], v), `T2 ${r.label}[${i}]=${v}`, row?.cells[i]));
    }
  }
  const t3 = model.tables.T3;
  for (const r of truth.table3?.rows ?? []) {
    // A row without a key is a header row truth.json took for data (the note row of a table
    // whose note reads 钩稽, not 勾稽): it holds no cell to read.
    if (r.key === null) continue;
    const key = r.key;
    const row = t3?.rows.find((x) => x.id === t3RowId(key));
    r.values.forEach((v, i) => tally(judgeCell(row?.cells[i], v), `T3 ${r.key}[C${i + 1}]=${v}`, row?.cells[i]));
  }
  const t4 = model.tables.T4?.rows[0];
  (truth.table4?.values ?? []).forEach((v, i) => tally(judgeCell(t4?.cells[i], v), `T4[${i}]=${v}`, t4?.cells[i]));
}

function scoreFindings(model: ReportModel, findings: Finding[], truth: Truth, s: FormScore) {
  const loud = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  const noisy = (f: Finding) => {
    s.noise++;
    const line = model.text.slice(0, f.span.start).split('\n').length;
    s.details.push(`noise ${f.code} (l.${line}): ${f.message.en}`);
  };
  const failures = truth.relations.failures;
  const t3Failures = failures.filter((f) => f.rule !== 'R4');
  const t4Failures = failures.filter((f) => f.rule === 'R4');

  // Arithmetic: a finding is explained when its table really fails, up to one per real failure.
  const arithmetic = loud.filter((f) => ARITHMETIC.has(f.code));
  const budget = { T3: t3Failures.length, T4: t4Failures.length };
  for (const f of arithmetic) {
    const table = T4_CODES.has(f.code) ? 'T4' : 'T3';
    if (budget[table] > 0) budget[table]--;
    else noisy(f);
  }
  for (const fail of failures) {
    s.real++;
    let hit: boolean;
    if (fail.rule === 'R4') hit = arithmetic.some((f) => T4_CODES.has(f.code));
    else if (fail.rule === 'R1' && fail.row) {
      const row = model.tables.T3?.rows.find((r) => r.id === t3RowId(fail.row!));
      const ext = row && rowExtent(row);
      hit = !!ext && arithmetic.some((f) => !T4_CODES.has(f.code) && overlaps(f.span, ext));
    } else hit = arithmetic.some((f) => !T4_CODES.has(f.code));
    if (hit) s.found++;
    else s.details.push(`missed relation ${fail.rule}${fail.row ? ' ' + fail.row : ''}`);
  }

  // Narrative: one finding per contradicted claim.
  const falseClaims = truth.narrative_claims.filter((c) => c.match === false).length;
  const narrative = loud.filter((f) => f.code === 'narrative-mismatch');
  narrative.slice(falseClaims).forEach(noisy);
  s.real += falseClaims;
  s.found += Math.min(falseClaims, narrative.length);
  if (narrative.length < falseClaims) s.details.push(`missed ${falseClaims - narrative.length} narrative claim(s)`);

  // Sections: a missing section is real; a local structure (五/六 with other titles) is one
  // structural deviation, reported at most once.
  const missing = truth.sections.filter((x) => !x.present).map((x) => x.numeral);
  const local = truth.sections.some((x) => x.match === 'different');
  let structureBudget = local ? 1 : 0;
  const missingFound = new Set<string>();
  for (const f of loud.filter((x) => x.code === 'section-missing')) {
    const numeral = NUMERALS.find((n) => f.message.zh.includes(`“${n}、`) || f.message.zh.includes(`${n}、`));
    if (numeral && missing.includes(numeral) && !missingFound.has(numeral)) missingFound.add(numeral);
    else if (structureBudget > 0) structureBudget--;
    else noisy(f);
  }
  s.real += missing.length;
  s.found += missingFound.size;
  for (const n of missing) if (!missingFound.has(n)) s.details.push(`missed section-missing ${n}`);

  // A mixed template is one real template-version warning.
  let templateBudget = truth.template === 'mixed' ? 1 : 0;
  for (const f of loud) {
    if (ARITHMETIC.has(f.code) || f.code === 'narrative-mismatch' || f.code === 'section-missing') continue;
    if (f.code === 'table-unreadable') {
      s.unreadableFindings++;
      continue;
    }
    if (f.code === 'template-version' && templateBudget > 0) templateBudget--;
    else if ((f.code === 'section-title' || f.code === 'template-version') && structureBudget > 0) structureBudget--;
    else noisy(f);
  }
}

async function scoreForm(dir: string, report: string, form: string): Promise<FormScore | null> {
  const file = path.join(dir, report, form);
  if (!fs.existsSync(file)) return null;
  const truth = JSON.parse(fs.readFileSync(path.join(dir, report, 'truth.json'), 'utf8')) as Truth;
  const s: FormScore = { report, form, cells: 0, right: 0, unreadable: 0, wrong: 0, noise: 0, found: 0, real: 0, unreadableFindings: 0, details: [] };
  // The CLI's one loading function: text decoded, web pages / Word / PDF read by their structure.
  const read = await readAnyReportFile(file);
  if (!read.ok) {
    s.details.push(`cannot read: ${read.message.en}`);
    s.noise++;
    return s;
  }
  const model = 'model' in read ? read.model : parse(read.text);
  const findings = checkModel(model);
  scoreCells(model, truth, s);
  scoreFindings(model, findings, truth, s);
  return s;
}

export async function scoreCorpus(dir: string): Promise<FormScore[]> {
  const out: FormScore[] = [];
  for (const report of corpusReports(dir))
    for (const form of CORPUS_FORMS) {
      const s = await scoreForm(dir, report, form);
      if (s) out.push(s);
    }
  return out;
}

/** The ratchet's stored numbers for one report and form. */
export type BaselineEntry = Pick<FormScore, 'wrong' | 'unreadable' | 'noise' | 'found' | 'unreadableFindings'>;

export function toBaseline(scores: FormScore[]): Record<string, BaselineEntry> {
  const out: Record<string, BaselineEntry> = {};
  for (const s of scores) out[`${s.report}/${s.form}`] = { wrong: s.wrong, unreadable: s.unreadable, noise: s.noise, found: s.found, unreadableFindings: s.unreadableFindings };
  return out;
}

export const BASELINE_FILE = path.resolve(__dirname, '../corpus/baseline.json');
