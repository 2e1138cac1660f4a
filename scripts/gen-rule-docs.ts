// Writes docs/rules/<code>.md for every registered rule from its declaration plus the
// explanations and examples below. Run: node --import tsx scripts/gen-rule-docs.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../server/src/engine/index.ts';

interface Doc { why: string; bad: string; fix: string; notes?: string }
const DOCS: Record<string, Doc> = {
  'section-missing': { why: '《条例》第五十条 lists the contents every report must have and the national format fixes six parts; 30号 says they may not be omitted (spec SEC-1).', bad: '一、总体情况 … 五、存在的主要问题及改进情况 …（no 六）', fix: 'Quick fix inserts `六、其他需要报告的事项` with a placeholder line where the section belongs (before a trailing signature).' },
  'section-order': { why: 'The template orders the parts 一→六 (spec SEC-2).', bad: '一、… 三、… 二、…', fix: 'Move the section; no automatic fix (moving prose is the author’s call).' },
  'section-duplicate': { why: 'Each part appears once (SEC-2). A sub-heading numbered like a part (`一、工作情况` inside 一) confuses readers and checkers.', bad: '一、总体情况\n一、工作情况', fix: 'Number sub-headings （一）（二）…' },
  'section-numbering': { why: 'The template numbers parts with Chinese numerals and `、` (SEC-3). Kangxi-radical numerals from PDF exports (`⼀`) are accepted.', bad: '2、 主动公开政府信息情况', fix: 'Quick fix (safe): `二、主动公开政府信息情况`.' },
  'section-title': { why: 'Titles follow the template (§1.1). Known variants (the 条例 wording) are info; unknown wording or typos are warnings.', bad: '四、政府信息公开行政法复议、行政诉讼情况', fix: 'Quick fix: the template title.' },
  'title-position': { why: 'The report title (`<机关><年份>年政府信息公开工作年度报告`) comes before `一、` (SEC-4).', bad: '一、总体情况\n政府办公室2021年政府信息公开工作年度报告', fix: 'Move the title to the top.' },
  'table-missing': { why: 'Sections 二, 三, 四 hold the template tables (SEC-5).', bad: '三、收到和处理政府信息公开申请情况 followed by prose only', fix: 'Insert the table from the template (`nianbao new` prints one).' },
  'table-unreadable': { why: 'Exports lose merged cells. When the reader cannot tell which value belongs to which column it says so and skips the arithmetic that depends on the row, instead of reporting a false sum error (spec §7.3). Rows whose alignment was reconstructed from the arithmetic are reported once per table as info.', bad: '（七）总计 3 0 0 16 19   (5 numbers for 7 columns, several alignments fit)', fix: 'Re-export the table, or write every cell (0 for none).' },
  'template-version': { why: 'Reports for 2019–2020 use the 2019 format (60号), from 2021 the 2021 format (30号) (spec §2.5).', bad: 'A 2022 report whose table 2 has 本年新制作数量 / 上一年项目数量', fix: 'Use the tables of the right template (`nianbao new --year`).' },
  'row-missing': { why: 'Template rows may not be deleted (重庆 notice “严禁擅自删减报告事项”; R-TEMPLATE). One exception is only a note (info): table 2’s `规章` deleted beside `行政规范性文件`, since only bodies with rule-making power make 规章 and the others often drop the row.', bad: 'Table 3 without `3.补正后申请内容仍不明确`', fix: 'Restore the row with its values (0 where none).' },
  'label-variant': { why: 'Labels follow the template (R-LABEL); known variants such as `社会组织` for `社会公益组织` are info.', bad: '社会组织', fix: 'Quick fix: `社会公益组织`.' },
  'row-total': { why: 'The 总计 column of table 3 is the sum of the six applicant columns (EQ-T3-ROW).', bad: '一、本年新收政府信息公开申请数量  3 0 0 0 0 16 20', fix: 'Quick fix (safe, fix-all phase 1): set 总计 to 19. Leaves are never edited.' },
  'result-total': { why: '（七）总计 is the sum of the result leaves — never of the group rows （三）（四）（五）（六） — because each application falls in exactly one leaf (“只计这一情形”) (EQ-T3-RES).', bad: '（七）总计 18 while the leaves add up to 19', fix: 'Quick fix (safe, phase 2): set （七）总计 to the sum; the row total of （七） is re-checked after.' },
  'column-balance': { why: 'The note printed in table 3: 第一项加第二项之和，等于第三项加第四项之和 — per column (EQ-T3-BAL, the only equation printed in the template).', bad: '一 20 + 二 0 ≠ 三（七） 19 + 四 0', fix: 'Suggestion only: the error may be in 一, 二 or 三; the quick fix proposes 四 = 一 + 二 − 三 when that is ≥ 0.' },
  'review-total': { why: '行政复议 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (EQ-T4-RV).', bad: '3 0 0 0 4', fix: 'Quick fix (safe): set 总计 to 3.' },
  'litigation-total': { why: 'Both 行政诉讼 blocks (未经复议直接起诉, 复议后起诉): 总计 = the four results (EQ-T4-LD, EQ-T4-LR).', bad: '18 5 1 0 25', fix: 'Quick fix (safe): set 总计 to 24.' },
  'stock-flow': { why: 'Table 2 (F2021): documents valid at year end ≥ made − repealed this year (EQ-T2-STOCK); F2019: 本年新公开数量 ≤ 对外公开总数量 (EQ-T2-PUB).', bad: '行政规范性文件 6 0 4', fix: 'Check the counts.' },
  'cell-value': { why: 'Counts are non-negative whole numbers; the fee is a non-negative amount (R-INT). F2019’s 本年增/减 may be negative, also written with a word (`减12`, `增3`); F2019’s 采购总金额, whose header names no unit, may carry one (`38518699.09元`).', bad: '1.属于国家秘密  —  0 0 …', fix: 'Write the number (0 for none).' },
  'cell-blank': { why: 'A blank where a number is expected is counted as 0 in every sum (R-BLANK); writing 0 makes the table unambiguous. Reported once per row.', bad: '（一）予以公开  15 (blank ×5) 15', fix: 'Quick fix: write 0 into the blank cells of the row (not part of fix-all: it edits leaf cells).' },
  'total-blank': { why: 'A 总计 left blank while its parts are filled is a missing total, not a sum error (R-BLANK-TOTAL).', bad: '（一）予以公开  258 12 · · 1 1 ·', fix: 'Quick fix (safe): fill in the sum.' },
  'fee-precision': { why: 'The fee is in 万元; 4 decimals are exact to one yuan, more is an error. When the header asks 保留4位小数 and fewer are given, info (R-FEE).', bad: '行政事业性收费  144.43991', fix: 'Round to 4 decimals.' },
  'fee-magnitude': { why: 'A county-level body with more than 10 000 万元 of fees is implausible: probably 元 written in a 万元 column (R-FEE-MAG, a hint).', bad: '行政事业性收费  60585   (header: 单位：万元)', fix: 'Check the unit.' },
  'fee-statement': { why: 'Since the 信息处理费 rules (国办函〔2020〕109号) took effect, 六 is expected to say whether a fee was charged (R-FEE-SEC6).', bad: '六、其他需要报告的事项\n无。', fix: 'Write e.g. `本年度未收取信息处理费。`' },
  'narrative-mismatch': { why: 'Numbers in the prose that clearly refer to table cells must equal them (R-NARR). Only sentences about 政府信息公开申请 are compared; letters, mailboxes, 留言, 咨询 never are; a number that could mean several cells is not compared.', bad: '共收到政府信息公开申请21件 while 一、本年新收 总计 is 20', fix: 'Correct the prose or the table.' },
  'carry-over': { why: 'This year’s 上年结转 equals last year’s 结转下年度继续办理, per column (EQ-X-CARRY). Needs last year’s report (CLI `--previous`, or pairing by agency and year; editor setting `nianbao.previousReport`).', bad: '2024: 二、上年结转 … 0   2023: 四、结转下年度继续办理 … 2', fix: 'Check both reports.' },
  'year-mismatch': { why: 'The statistics period names the report year (R-YEAR).', bad: '2024年度报告 … 统计期限自2023年1月1日起至2023年12月31日止', fix: 'Quick fix: the report year.' },
  'publish-date': { why: '《条例》第四十九条: departments publish by 31 January, governments by 31 March of the next year (R-DATE).', bad: '2021年度报告 dated 2022年5月8日', fix: 'Publish on time; check the date.' },
  'basis-citation': { why: 'Reports from 2021 on follow 国办公开办函〔2021〕30号; citing the 2019 notice (60号) is outdated (R-BASIS).', bad: '2021年度报告 citing 国办公开办函〔2019〕60号', fix: 'Cite 国办公开办函〔2021〕30号.' },
};

const idx: string[] = ['# Rules', '', 'Every diagnostic Nianbao reports has a stable code. Set any of them to `off`, `hint`, `info`, `warning` or `error` with `nianbao.rules` (editor), `.nianbaorc.json` or `--rule code=level` (CLI).', '', '| code | default | what |', '|---|---|---|'];
for (const r of rules) {
  const d = DOCS[r.code];
  if (!d) throw new Error(`no documentation for ${r.code}`);
  const md = [
    `# ${r.code}`,
    '',
    `**${r.description.zh}** — ${r.description.en}.`,
    '',
    `Default severity: \`${r.defaultSeverity}\`. Spec: ${r.spec.join(', ')} (\`shared/spec/format.md\`).`,
    '',
    '## Why',
    '',
    d.why,
    '',
    '## Example that fails',
    '',
    '```text',
    d.bad,
    '```',
    '',
    '## Fix',
    '',
    d.fix,
    '',
    '## Turn it off or change its level',
    '',
    '```json',
    `{ "nianbao.rules": { "${r.code}": "off" } }`,
    '```',
    '',
  ];
  writeFileSync(join('docs/rules', `${r.code}.md`), md.join('\n'));
  idx.push(`| [${r.code}](${r.code}.md) | ${r.defaultSeverity} | ${r.description.zh} — ${r.description.en} |`);
}
writeFileSync('docs/rules/README.md', idx.join('\n') + '\n');
console.log(`wrote ${rules.length} rule pages`);
