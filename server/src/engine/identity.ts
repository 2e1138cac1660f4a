// Which body and year a report is, for pairing it with the same body's report of the year
// before (carry-over). Pure, so every adapter pairs the same way: the CLI and the language
// server (node/lastYear.ts, over files) and the offline page (web/reports.ts, over open reports).

import type { ReportModel } from './model';

/** Agency name reduced for comparison: NFKC, no spaces or punctuation. */
export function agencyKey(agency: string | null | undefined): string | null {
  if (!agency) return null;
  const k = agency.normalize('NFKC').replace(/[\s、,，.．。:：;；“”"'‘’()（）《》\-—_·]/g, '');
  return k || null;
}

/** A report's identity for pairing: issuing body (as agencyKey) and year. */
export interface Identity {
  key: string | null;
  year: number | null;
}

export function identityOf(model: ReportModel): Identity {
  return { key: agencyKey(model.title?.agency), year: model.year?.value ?? null };
}
