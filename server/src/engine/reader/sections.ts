// Finds the six top-level section headings (spec §1, §1.2) and their sub-headings.
// (Stub: the real implementation replaces this body; the signature is the contract
// parse.ts relies on.)

import type { Section } from '../model';
import type { NormalizedText } from '../text/normalize';

/**
 * @param nt the normalised text (positions in the result are ORIGINAL offsets).
 * @param tableRegions ranges of the NORMALISED text occupied by tables; lines inside them
 *   (e.g. `一、本年新收…`, `四、结转下年度继续办理`) are table rows, never headings.
 */
export function findSections(nt: NormalizedText, tableRegions: { start: number; end: number }[]): Section[] {
  void nt;
  void tableRegions;
  return [];
}
