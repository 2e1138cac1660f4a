// `nianbao parse`: the report model as JSON. Every span { start, end } (UTF-16 offsets into
// the original text) also gets its LSP range { start: {line, character}, end }. The full
// text is not repeated (`textLength` instead).

import { LineIndex, type ReportModel } from '../engine';

export function modelToJson(model: ReportModel): unknown {
  const lines = new LineIndex(model.text);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 2 && typeof o.start === 'number' && typeof o.end === 'number')
        return { start: o.start, end: o.end, range: { start: lines.positionAt(o.start), end: lines.positionAt(o.end) } };
      const out: Record<string, unknown> = {};
      for (const k of keys) out[k] = walk(o[k]);
      return out;
    }
    return v;
  };
  const { text, ...rest } = model;
  return { textLength: text.length, ...(walk(rest) as object) };
}
