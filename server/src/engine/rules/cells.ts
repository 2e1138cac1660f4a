// Cell and table rules: values (R-INT, R-BLANK), what the reader could not read,
// template rows and labels (R-TEMPLATE, R-LABEL), table 2's fee and stock columns.

import { columnName, rowName as rowNameOf, t2Rows, t2Template, t3Def, t3Variant, tableName } from '../format/vocabulary';
import type { Fix } from '../findings';
import type { ReportModel, Row, Table } from '../model';
import type { Rule } from './types';

const tables = (m: ReportModel): Table[] => [m.tables.T2, m.tables.T3, m.tables.T4].filter((t): t is Table => !!t);
const rowName = (t: Table, r: Row) => rowNameOf(t.id, r.templateLabel);
const colName = (t: Table, col: string) => columnName(t.id, col, t.template);

/** More than half of the template rows not found: the table's layout was not understood. */
function mostRowsMissing(t: Table): boolean {
  return t.id !== 'T4' && t.missingRows.length > (t.rows.length + t.missingRows.length) / 2;
}

export const cellBlank: Rule = {
  code: 'cell-blank',
  defaultSeverity: 'info',
  spec: ['R-BLANK'],
  description: { zh: '应填数字的单元格为空（按 0 计算）', en: 'A cell that should hold a number is blank (counted as 0)' },
  docs: {
    why: 'A blank where a number is expected is counted as 0 in every sum (R-BLANK); writing 0 makes the table unambiguous. Reported once per row.',
    bad: '（一）予以公开  15 (blank ×5) 15',
    fix: 'Quick fix: write 0 into the blank cells of the row (not part of fix-all: it edits leaf cells).',
  },
  check({ model, report }) {
    for (const t of tables(model)) {
      for (const r of t.rows) {
        const blanks = r.cells.filter((c) => c.state === 'blank' && c.span);
        if (blanks.length === 0) continue;
        const first = blanks[0]!.span!;
        // Table 4's one data row has no label; a blank cell is zero-width, so point at the row's cells.
        const cellSpans = r.cells.flatMap((c) => (c.span ? [c.span] : []));
        const rowCells = { start: Math.min(...cellSpans.map((x) => x.start)), end: Math.max(...cellSpans.map((x) => x.end)) };
        const span = r.labelSpan && t.id !== 'T4' ? r.labelSpan : first.end > first.start ? first : rowCells;
        const fix: Fix = {
          title: { zh: `空白单元格填 0（${blanks.length} 个）`, en: `Fill ${blanks.length} blank cell(s) with 0` },
          edits: blanks.map((c) => ({ span: c.span!, newText: '0' })),
          isPreferred: false,
          safe: false,
        };
        const cols = blanks.map((c) => colName(t, c.col).zh).join('、');
        const colsEn = blanks.map((c) => colName(t, c.col).en).join(', ');
        const rn = rowName(t, r);
        report({
          code: 'cell-blank',
          span,
          message: {
            zh: `${rn.zh}有 ${blanks.length} 个空白单元格（${cols}），按 0 计算；建议填写 0`,
            en: `${rn.en} has ${blanks.length} blank cell(s) (${colsEn}), counted as 0; write 0 instead`,
          },
          fixes: [fix],
          location: { kind: 'cells', table: t.id, row: r.id, cols: blanks.map((c) => c.col) },
        });
      }
    }
  },
};

export const cellValue: Rule = {
  code: 'cell-value',
  defaultSeverity: 'error',
  spec: ['R-INT'],
  description: { zh: '单元格应为非负整数（金额为非负数）', en: 'Cells hold non-negative integers (amounts: non-negative numbers)' },
  docs: {
    why: 'Counts are non-negative whole numbers; the fee is a non-negative amount (R-INT). F2019’s 本年增/减 may be negative, also written with a word (`减12`, `增3`); F2019’s 采购总金额, whose header names no unit, may carry one (`38518699.09元`).',
    bad: '1.属于国家秘密  —  0 0 …',
    fix: 'Write the number (0 for none).',
  },
  check({ model, report }) {
    for (const t of tables(model)) {
      for (const r of t.rows) {
        for (const c of r.cells) {
          if (c.state !== 'invalid' || !c.span) continue;
          const rn = rowName(t, r);
          const cn = colName(t, c.col);
          report({
            code: 'cell-value',
            span: c.span,
            message: {
              zh: `${rn.zh}（${cn.zh}）的值“${c.raw}”不是有效数字：${t.id === 'T2' && c.col === 'AMT' ? '应为非负的金额（万元）' : '应为非负整数（件数）'}`,
              en: `${rn.en} (${cn.en}): “${c.raw}” is not a valid value; ${t.id === 'T2' && c.col === 'AMT' ? 'expected a non-negative amount (万元)' : 'expected a non-negative whole number'}`,
            },
            location: { kind: 'cells', table: t.id, row: r.id, cols: [c.col] },
          });
        }
      }
    }
  },
};

export const tableUnreadable: Rule = {
  code: 'table-unreadable',
  defaultSeverity: 'warning',
  spec: ['§7.3'],
  description: { zh: '表格某行无法可靠读取，相关勾稽检查已跳过', en: 'A table row cannot be read reliably; checks depending on it are skipped' },
  docs: {
    why: 'Exports lose merged cells. When the reader cannot tell which value belongs to which column it says so and skips the arithmetic that depends on the row, instead of reporting a false sum error (spec §7.3). Rows whose alignment was reconstructed from the arithmetic are reported once per table as info.',
    bad: '（七）总计 3 0 0 16 19   (5 numbers for 7 columns, several alignments fit)',
    fix: 'Re-export the table, or write every cell (0 for none).',
  },
  check({ model, report }) {
    for (const t of tables(model)) {
      for (const p of t.problems) report({ code: 'table-unreadable', span: p.span, message: p.message });
      if (mostRowsMissing(t)) {
        report({
          code: 'table-unreadable',
          span: t.span,
          message: {
            zh: `${tableName(t.id).zh}只识别出 ${t.rows.length} 行（模板 ${t.rows.length + t.missingRows.length} 行），表格格式无法可靠读取`,
            en: `${tableName(t.id).en}: only ${t.rows.length} of ${t.rows.length + t.missingRows.length} template rows were recognised; the layout cannot be read reliably`,
          },
        });
      }
      const reconstructed: Row[] = [];
      for (const r of t.rows) {
        if (r.alignment === 'ambiguous') {
          const span = r.labelSpan ?? r.cells.find((c) => c.span)?.span ?? t.span;
          const rn = rowName(t, r);
          report({
            code: 'table-unreadable',
            span,
            message: {
              zh: `无法读取${rn.zh}：${r.alignmentNote?.zh ?? ''}相关勾稽检查已跳过`,
              en: `Cannot read ${rn.en}: ${r.alignmentNote?.en ?? ''} Checks that depend on it are skipped.`,
            },
            location: { kind: 'row', table: t.id, row: r.id },
          });
        } else if (r.alignment === 'reconstructed') reconstructed.push(r);
      }
      if (reconstructed.length > 0) {
        const r = reconstructed[0]!;
        report({
          code: 'table-unreadable',
          severity: 'info',
          span: r.labelSpan ?? t.span,
          message: {
            zh: `${tableName(t.id).zh}有 ${reconstructed.length} 行的单元格数与列数不符（导出时合并单元格丢失），已按勾稽关系重建对齐，请核对`,
            en: `${tableName(t.id).en}: ${reconstructed.length} row(s) have a cell count that does not fit the columns (merged cells lost in the export); the alignment was reconstructed from the arithmetic — please check`,
          },
          location: { kind: 'table', table: t.id, rows: reconstructed.map((x) => x.id) },
        });
      }
    }
  },
};

export const rowMissing: Rule = {
  code: 'row-missing',
  defaultSeverity: 'error',
  spec: ['R-TEMPLATE'],
  description: { zh: '模板中的行不得删减', en: 'Template rows must not be deleted' },
  docs: {
    why: 'Template rows may not be deleted (重庆 notice “严禁擅自删减报告事项”; R-TEMPLATE). One exception is only a note (info): table 2’s `规章` deleted beside `行政规范性文件`, since only bodies with rule-making power make 规章 and the others often drop the row.',
    bad: 'Table 3 without `3.补正后申请内容仍不明确`',
    fix: 'Restore the row with its values (0 where none).',
  },
  check({ model, report }) {
    for (const t of tables(model)) {
      // A table missing most of its rows was not read (table-unreadable says so), not cut.
      if (t.missingRows.length === 0 || t.id === 'T4' || mostRowsMissing(t)) continue;
      const labels = new Map((t.id === 'T3' ? t3Def(model).rows : t2Rows(t2Template(model))).map((r) => [r.id, r.label]));
      const t2 = t.id === 'T2' ? new Map(t2Rows(t2Template(model)).map((r) => [r.id, r])) : null;
      for (const id of t.missingRows) {
        const label = labels.get(id) ?? id;
        // A row a body may delete, missing beside the other rows of its block: a note.
        const def = t2?.get(id);
        const omitted = def?.omissible && t.rows.some((r) => t2!.get(r.id)?.block === def.block) ? def.omissible : null;
        report({
          code: 'row-missing',
          span: t.rows[0]?.labelSpan ?? t.span,
          message: omitted
            ? { zh: `${tableName(t.id).zh}缺少模板行“${label}”（${omitted.zh}）`, en: `${tableName(t.id).en} lacks the template row “${label}” (${omitted.en})` }
            : { zh: `${tableName(t.id).zh}缺少模板行“${label}”`, en: `${tableName(t.id).en} lacks the template row “${label}”` },
          ...(omitted ? { severity: 'info' as const } : {}),
          location: { kind: 'row', table: t.id, row: id },
        });
      }
    }
  },
};

export const labelVariant: Rule = {
  code: 'label-variant',
  defaultSeverity: 'info',
  spec: ['R-LABEL'],
  description: { zh: '行、列标签应与模板一致', en: 'Row and column labels match the template' },
  docs: {
    why: 'Labels follow the template (R-LABEL); known variants such as `社会组织` for `社会公益组织` are info.',
    bad: '社会组织',
    fix: 'Quick fix: `社会公益组织`.',
  },
  check({ model, report }) {
    for (const t of tables(model)) {
      for (const h of t.headerVariants) {
        report({
          code: 'label-variant',
          span: h.span,
          message: { zh: `列标题“${h.text}”与模板“${h.expected}”不一致`, en: `Column header “${h.text}” differs from the template “${h.expected}”` },
          fixes: [{ title: { zh: `改为“${h.expected}”`, en: `Change to “${h.expected}”` }, edits: [{ span: h.span, newText: h.expected }], isPreferred: true, safe: false }],
        });
      }
      for (const r of t.rows) {
        if (r.labelMatch !== 'variant' || !r.labelSpan) continue;
        report({
          code: 'label-variant',
          span: r.labelSpan,
          message: { zh: `行标签“${r.label}”与模板“${r.templateLabel}”不一致`, en: `Row label “${r.label}” differs from the template “${r.templateLabel}”` },
          fixes: [{ title: { zh: `改为“${r.templateLabel}”`, en: `Change to “${r.templateLabel}”` }, edits: [{ span: r.labelSpan, newText: r.templateLabel }], isPreferred: true, safe: false }],
        });
      }
    }
  },
};

export const templateVersion: Rule = {
  code: 'template-version',
  defaultSeverity: 'warning',
  spec: ['§2.5', 'R-TEMPLATE'],
  description: { zh: '表格应使用与报告年度对应的模板', en: 'Tables follow the template of the report year' },
  docs: {
    why: 'Reports for 2019–2020 use the 2019 format (60号), from 2021 the 2021 format (30号) (spec §2.5). A mixed template — a 2021 table 2 with a 2019-style table 3 whose （六）其他处理 is one row — is one warning on that row. Template words in the prose (`政府集中采购项目的目录…2条`) are not table markers.',
    bad: 'A 2022 report whose table 2 has 本年新制作数量 / 上一年项目数量',
    fix: 'Use the tables of the right template (`nianbao new --year`).',
  },
  check({ model, report }) {
    const { byYear, byContent, markers } = model.template;
    if (!byYear || !byContent || byYear === 'legacy') return;
    const has2021 = markers.some((m) => m.template === 'F2021');
    const has2019 = markers.some((m) => m.template === 'F2019');
    if (has2021 && has2019) {
      const m = markers.find((x) => x.template !== byYear) ?? markers[0]!;
      report({
        code: 'template-version',
        span: m.span,
        message: { zh: `表格混用了 2019 年版和 2021 年版模板（“${m.text}”）`, en: `The tables mix the 2019 and 2021 templates (“${m.text}”)` },
      });
      return;
    }
    // A 2021 table 2 with a 2019-style table 3 (（六）其他处理 as one row): one mixed template.
    const oneOther = t3Variant(model) === 'F2021-other-as-one-row' ? model.tables.T3?.rows.find((r) => r.id === 'R3_6') : undefined;
    if (byContent === 'F2021' && oneOther?.labelSpan) {
      report({
        code: 'template-version',
        span: oneOther.labelSpan,
        message: {
          zh: '表格混用了两版模板：表二为 2021 年版，表三“（六）其他处理”却是 2019 年版的一行（2021 年版分为三行）',
          en: 'The tables mix the templates: table 2 is the 2021 version, but table 3 has （六）其他处理 as one row as in 2019 (three rows in 2021)',
        },
      });
      return;
    }
    if (byYear !== byContent) {
      const m = markers[0]!;
      const year = model.year!.value;
      report({
        code: 'template-version',
        span: m.span,
        message:
          byContent === 'F2019'
            ? { zh: `${year} 年度报告应使用 2021 年版格式（国办公开办函〔2021〕30号），表格为 2019 年版（“${m.text}”）`, en: `A ${year} report uses the 2021 format (国办公开办函〔2021〕30号) but its tables are the 2019 version (“${m.text}”)` }
            : { zh: `${year} 年度报告应使用 2019 年版格式（国办公开办函〔2019〕60号），表格为 2021 年版（“${m.text}”）`, en: `A ${year} report uses the 2019 format (国办公开办函〔2019〕60号) but its tables are the 2021 version (“${m.text}”)` },
      });
    }
  },
};

function feeCell(model: ReportModel) {
  const t = model.tables.T2;
  if (!t || t.template === 'F2019') return null;
  const row = t.rows.find((r) => r.id === 'FEE');
  const cell = row?.cells.find((c) => c.col === 'AMT');
  return cell && cell.state === 'number' && cell.span ? { t, cell } : null;
}

export const feePrecision: Rule = {
  code: 'fee-precision',
  defaultSeverity: 'error',
  spec: ['R-FEE'],
  description: { zh: '收费金额以万元为单位，最多保留 4 位小数', en: 'Fee amounts in 万元 have at most 4 decimals' },
  docs: {
    why: 'The fee is in 万元; 4 decimals are exact to one yuan, more is an error. When the header asks 保留4位小数 and fewer are given, info (R-FEE).',
    bad: '行政事业性收费  144.43991',
    fix: 'Round to 4 decimals.',
  },
  check({ model, report }) {
    const f = feeCell(model);
    if (!f) return;
    const dec = /\.(\d+)$/.exec(f.cell.raw)?.[1]?.length ?? 0;
    if (dec > 4) {
      report({
        code: 'fee-precision',
        span: f.cell.span!,
        message: { zh: `收费金额“${f.cell.raw}”万元有 ${dec} 位小数；万元保留 4 位小数即精确到元`, en: `Fee “${f.cell.raw}” 万元 has ${dec} decimals; 4 decimals in 万元 are exact to one yuan` },
      });
    } else if (f.t.feeHeader?.fourDecimals && dec < 4 && f.cell.value !== 0) {
      report({
        code: 'fee-precision',
        severity: 'info',
        span: f.cell.span!,
        message: { zh: `表头要求保留 4 位小数，“${f.cell.raw}”只有 ${dec} 位`, en: `The header asks for 4 decimals; “${f.cell.raw}” has ${dec}` },
        fixes: [{ title: { zh: `写作 ${f.cell.value!.toFixed(4)}`, en: `Write ${f.cell.value!.toFixed(4)}` }, edits: [{ span: f.cell.span!, newText: f.cell.value!.toFixed(4) }], isPreferred: true, safe: false }],
      });
    }
  },
};

export const feeMagnitude: Rule = {
  code: 'fee-magnitude',
  defaultSeverity: 'hint',
  spec: ['R-FEE-MAG'],
  description: { zh: '收费金额数量级可疑（元与万元混淆？）', en: 'Implausible fee amount (元 vs 万元?)' },
  docs: {
    why: 'A county-level body with more than 10 000 万元 of fees is implausible: probably 元 written in a 万元 column (R-FEE-MAG, a hint).',
    bad: '行政事业性收费  60585   (header: 单位：万元)',
    fix: 'Check the unit.',
  },
  check({ model, report }) {
    const f = feeCell(model);
    if (!f || f.cell.value! < 10000) return;
    report({
      code: 'fee-magnitude',
      span: f.cell.span!,
      message: {
        zh: `收费金额 ${f.cell.raw} 万元（约 ${(f.cell.value! / 10000).toFixed(2)} 亿元）偏大，请确认单位是万元而不是元`,
        en: `Fee ${f.cell.raw} 万元 (about ¥${(f.cell.value! / 100).toFixed(0)} million) looks large; check that the unit is 万元, not 元`,
      },
    });
  },
};

export const stockFlow: Rule = {
  code: 'stock-flow',
  defaultSeverity: 'warning',
  spec: ['EQ-T2-STOCK', 'EQ-T2-PUB'],
  description: { zh: '表二：现行有效件数不小于本年制发减本年废止', en: 'Table 2: valid documents ≥ made − repealed this year' },
  docs: {
    why:
      'F2019: 本年新公开数量 ≤ 对外公开总数量 (EQ-T2-PUB) always holds, so a break is a warning. ' +
      'F2021: documents valid at year end ≥ made − repealed this year (EQ-T2-STOCK) holds only when no document made this year ' +
      'lapsed in another way: a document can also be declared invalid (宣布失效) or reach the end of its term (有效期届满), ' +
      'and table 2 counts neither as 废止. So on F2021 the finding is info: a question to the author, not an error.',
    bad: '行政规范性文件 6 0 4',
    fix: 'Check the counts; if documents made this year lapsed without being repealed, the table is right.',
  },
  check({ model, report }) {
    const t = model.tables.T2;
    if (!t) return;
    for (const r of t.rows) {
      if (r.id !== 'REG' && r.id !== 'NORM') continue;
      const get = (col: string) => r.cells.find((c) => c.col === col);
      if (t.template === 'F2019') {
        const pub = get('NEW_PUB');
        const total = get('TOTAL_PUB');
        if (pub?.state === 'number' && total?.state === 'number' && total.span && pub.value! > total.value!) {
          report({ code: 'stock-flow', span: total.span, message: { zh: `“${r.label}”对外公开总数量 ${total.value} 小于本年新公开数量 ${pub.value}`, en: `“${r.label}”: total published ${total.value} is less than newly published ${pub.value}` } });
        }
        continue;
      }
      const made = get('MADE');
      const rep = get('REPEALED');
      const valid = get('VALID');
      if (made?.state !== 'number' || valid?.state !== 'number' || !valid.span || (rep && rep.state !== 'number' && rep.state !== 'blank')) continue;
      const min = made.value! - (rep?.state === 'number' ? rep.value! : 0);
      if (valid.value! < min) {
        report({
          code: 'stock-flow',
          span: valid.span,
          // Lapsed (失效) documents are not counted as repealed, so this is a question, not a contradiction.
          severity: 'info',
          message: {
            zh: `“${r.label}”现行有效件数 ${valid.value} 小于本年制发 − 本年废止 = ${min}：请确认是否有本年制发的文件已失效`,
            en: `“${r.label}”: ${valid.value} valid is less than made − repealed = ${min}; check whether documents made this year have lapsed`,
          },
        });
      }
    }
  },
};
