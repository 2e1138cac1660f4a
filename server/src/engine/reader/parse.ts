// text → ReportModel. Normalises once, then finds the tables (by their anchors), the
// section headings (outside the tables), the title, the year and the template — each on
// the normalised text, with positions mapped back to the original.

import type { ReportModel } from '../model';
import { normalize, type NormalizedText } from '../text/normalize';
import { detectTemplate, findTitle, findYear } from './meta';
import { findSections } from './sections';
import { readTables } from './tables';

const normalized = new WeakMap<ReportModel, NormalizedText>();

/** The normalised text the model was read from (rules reuse it instead of normalising again). */
export function normalizedText(model: ReportModel): NormalizedText {
  let nt = normalized.get(model);
  if (!nt) {
    nt = normalize(model.text);
    normalized.set(model, nt);
  }
  return nt;
}

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
  const model: ReportModel = { text, isReport, template, year, title, sections, tables };
  normalized.set(model, nt);
  return model;
}
