// The rule registry: every rule of spec §9, one declaration each.
// Add a rule by declaring it in its file and listing it here.

import { columnBalance, litigationTotal, resultTotal, reviewTotal, rowTotal, totalBlank } from './arithmetic';
import { cellBlank, cellValue, feeMagnitude, feePrecision, labelVariant, rowMissing, stockFlow, tableUnreadable, templateVersion } from './cells';
import { basisCitation, carryOver, feeStatement, narrativeMismatch, publishDate, yearMismatch } from './content';
import { sectionDuplicate, sectionMissing, sectionNumbering, sectionOrder, sectionTitle, tableMissing, titlePosition } from './structure';
import { invalidCharacter, placeholderLeft } from './text';
import type { Rule } from './types';

export const rules: Rule[] = [
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  sectionNumbering,
  sectionTitle,
  titlePosition,
  tableMissing,
  tableUnreadable,
  templateVersion,
  rowMissing,
  labelVariant,
  rowTotal,
  resultTotal,
  columnBalance,
  reviewTotal,
  litigationTotal,
  stockFlow,
  cellValue,
  cellBlank,
  totalBlank,
  feePrecision,
  feeMagnitude,
  feeStatement,
  narrativeMismatch,
  carryOver,
  yearMismatch,
  publishDate,
  basisCitation,
  placeholderLeft,
  invalidCharacter,
];

export function ruleByCode(code: string): Rule | undefined {
  return rules.find((r) => r.code === code);
}
