// A structured source's pieces sent from a worker thread (cli/load.ts) as data. A piece's
// location may be a function of the offset within it (a web page's paragraph maps each
// character to its line:column), which a thread cannot post; it travels as its values at every
// offset, in runs, and comes back as a function that gives the same location for every offset.

import type { Piece, SourceLocation } from '../engine';

/** Consecutive offsets whose locations are the first one's, or the first one's with the column counting up. */
interface Run {
  from: number;
  loc: SourceLocation;
  step: 0 | 1;
}

export type PortablePiece = Omit<Piece, 'at'> & { at: SourceLocation | { runs: Run[]; length: number } };

export function toPortable(pieces: Piece[]): PortablePiece[] {
  return pieces.map((p) => {
    if (typeof p.at !== 'function') return p as PortablePiece;
    const length = Math.max(1, p.end - p.start);
    const runs: Run[] = [];
    for (let o = 0; o < length; o++) {
      const loc = p.at(o);
      const last = runs[runs.length - 1];
      if (last && continues(last, o, loc)) {
        if (last.from === o - 1 && last.step === 0 && !same(last.loc, loc)) last.step = 1;
        continue;
      }
      runs.push({ from: o, loc, step: 0 });
    }
    return { ...p, at: { runs, length } };
  });
}

export function fromPortable(pieces: PortablePiece[]): Piece[] {
  return pieces.map((p) => {
    const at = p.at;
    if (!('runs' in at)) return p as Piece;
    const { runs, length } = at;
    return {
      ...p,
      // Offsets outside the piece are clamped to it, as the reader's own function does.
      at: (offset: number) => {
        const o = Math.max(0, Math.min(offset, length - 1));
        let lo = 0;
        let hi = runs.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (runs[mid]!.from <= o) lo = mid;
          else hi = mid - 1;
        }
        const run = runs[lo]!;
        return run.step && run.loc.kind === 'html' ? { ...run.loc, column: run.loc.column + (o - run.from) } : { ...run.loc };
      },
    };
  });
}

const same = (a: SourceLocation, b: SourceLocation) => JSON.stringify(a) === JSON.stringify(b);

/** Whether `loc` at offset `o` is what `run` gives there (a run of one may still choose its step). */
function continues(run: Run, o: number, loc: SourceLocation): boolean {
  const k = o - run.from;
  if (run.step === 0 && same(run.loc, loc)) return true;
  if (run.loc.kind !== 'html' || loc.kind !== 'html' || loc.line !== run.loc.line) return false;
  if (run.step === 1 || k === 1) return loc.column === run.loc.column + k;
  return false;
}
