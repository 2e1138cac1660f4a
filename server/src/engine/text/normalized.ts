// The normalised text a model was read from, kept beside the model so that rules reuse it
// instead of normalising again. The reader records it; rules read it (neither imports the other).

import type { ReportModel } from '../model';
import { normalize, type NormalizedText } from './normalize';

const byModel = new WeakMap<ReportModel, NormalizedText>();

/** Called by the reader once the model is built from `nt`. */
export function rememberNormalized(model: ReportModel, nt: NormalizedText): void {
  byModel.set(model, nt);
}

/** The normalised text of a model (normalised afresh for a model the reader did not build). */
export function normalizedText(model: ReportModel): NormalizedText {
  let nt = byModel.get(model);
  if (!nt) {
    nt = normalize(model.text);
    byModel.set(model, nt);
  }
  return nt;
}
