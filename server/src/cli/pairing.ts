// Carry-over pairing: among the reports given together, this year's report of a body is
// paired with the same body's report of the year before (same agency in the title).

import type { ReportModel } from '../engine';

/** Agency name reduced for comparison: NFKC, no spaces or punctuation. */
export function agencyKey(model: ReportModel): string | null {
  const a = model.title?.agency;
  if (!a) return null;
  const k = a.normalize('NFKC').replace(/[\s、,，.．。:：;；“”"'‘’()（）《》\-—_·]/g, '');
  return k || null;
}

/** For each index, the index of last year's report of the same body (or absent). */
export function pairConsecutiveYears(models: ReportModel[]): Map<number, number> {
  const byKey = new Map<string, number>();
  models.forEach((m, i) => {
    const k = agencyKey(m);
    if (k && m.year && !byKey.has(`${k}|${m.year.value}`)) byKey.set(`${k}|${m.year.value}`, i);
  });
  const out = new Map<number, number>();
  models.forEach((m, i) => {
    const k = agencyKey(m);
    if (!k || !m.year) return;
    const prev = byKey.get(`${k}|${m.year.value - 1}`);
    if (prev !== undefined && prev !== i) out.set(i, prev);
  });
  return out;
}
