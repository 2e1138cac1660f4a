// text → ReportModel. Normalises once, then finds the tables (by their anchors), the
// section headings (outside the tables), the title, the year and the template — each on
// the normalised text, with positions mapped back to the original.

import type { ReportModel } from '../model';
import { normalize } from '../text/normalize';
import { detectTemplate, findTitle, findYear } from './meta';
import { findSections } from './sections';
import { readTables } from './tables';

export function parseReport(text: string): ReportModel {
  const nt = normalize(text);
  const { tables, regions } = readTables(nt);
  const sections = findSections(nt, regions);
  const title = findTitle(nt, sections);
  const year = findYear(nt, title);
  const template = detectTemplate(nt, year);
  if (tables.T3 && tables.T3.rows.some((r) => r.id === 'R3_6') && template.id === 'F2021') template.otherHandlingAsOneRow = true;
  const realSections = sections.filter((s) => s.heading.titleMatch !== 'none').length;
  const isReport = title !== null || realSections >= 2 || tables.T3 !== undefined || tables.T2 !== undefined;
  return { text, isReport, template, year, title, sections, tables };
}
