// Normalisation with an offset map back to the original text (spec §7.1).
//
// Matching (headings, labels, numbers) runs on the normalised text; every position found
// there is mapped back with `toOriginal` so that findings point at the original
// characters. The map is per UTF-16 unit of the normalised text.
//
// What is normalised:
// - CJK Radicals Supplement (U+2E80–U+2EFF), which NFKC leaves alone, via an explicit table;
// - Kangxi radicals, full-width digits/letters/brackets/punctuation, NBSP, ideographic space
//   … via NFKC, character by character (so that the map stays exact);
// - traditional forms produced by NFKC from Kangxi radicals (`戶` → `户`);
// - BOM and zero-width characters are dropped; Word `[bookmark: …]` markers are dropped;
// - line breaks are kept as they are (\r\n stays two units), so line structure survives.
// What is NOT done here: removing spaces inside labels (matching does that where it is
// safe), because spaces separate numbers in PDF layouts.

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** map[i] = offset in the original of normalised unit i; map[text.length] = original length. */
  map: Int32Array;
  original: string;
}

/** CJK Radicals Supplement characters seen in exports, mapped to the unified ideograph. */
const RADICALS_SUPPLEMENT: Record<string, string> = {
  '\u2E80': '丶', '\u2E81': '厂', '\u2E82': '乛', '\u2E83': '乚', '\u2E84': '乙', '\u2E85': '亻',
  '\u2E86': '冂', '\u2E87': '几', '\u2E88': '刀', '\u2E89': '刂', '\u2E8A': '卜', '\u2E8B': '㔾',
  '\u2E8C': '小', '\u2E8D': '小', '\u2E8E': '兀', '\u2E8F': '尣', '\u2E90': '尢', '\u2E91': '尣',
  '\u2E92': '巳', '\u2E93': '幺', '\u2E94': '彑', '\u2E95': '彐', '\u2E96': '忄', '\u2E97': '㣺',
  '\u2E98': '扌', '\u2E99': '攵', '\u2E9B': '旡', '\u2E9C': '日', '\u2E9D': '月', '\u2E9E': '歹',
  '\u2E9F': '母', '\u2EA0': '民', '\u2EA1': '氵', '\u2EA2': '氺', '\u2EA3': '灬', '\u2EA4': '爫',
  '\u2EA5': '爫', '\u2EA6': '丬', '\u2EA7': '牛', '\u2EA8': '犭', '\u2EA9': '王', '\u2EAA': '疋',
  '\u2EAB': '目', '\u2EAC': '示', '\u2EAD': '礻', '\u2EAE': '竹', '\u2EAF': '纟', '\u2EB0': '纟',
  '\u2EB1': '网', '\u2EB2': '罒', '\u2EB3': '罒', '\u2EB4': '罒', '\u2EB5': '罒', '\u2EB6': '羊',
  '\u2EB7': '羊', '\u2EB8': '羊', '\u2EB9': '老', '\u2EBA': '肀', '\u2EBB': '肀', '\u2EBC': '月',
  '\u2EBD': '臼', '\u2EBE': '艹', '\u2EBF': '艹', '\u2EC0': '艹', '\u2EC1': '虎', '\u2EC2': '衤',
  '\u2EC3': '西', '\u2EC4': '西', '\u2EC5': '见', '\u2EC6': '角', '\u2EC7': '角', '\u2EC8': '讠',
  '\u2EC9': '贝', '\u2ECA': '足', '\u2ECB': '车', '\u2ECC': '辶', '\u2ECD': '辶', '\u2ECE': '辶',
  '\u2ECF': '阝', '\u2ED0': '钅', '\u2ED1': '长', '\u2ED2': '长', '\u2ED3': '长', '\u2ED4': '门',
  '\u2ED5': '阜', '\u2ED6': '阝', '\u2ED7': '雨', '\u2ED8': '青', '\u2ED9': '韦', '\u2EDA': '页',
  '\u2EDB': '风', '\u2EDC': '飞', '\u2EDD': '食', '\u2EDE': '食', '\u2EDF': '饣', '\u2EE0': '饣',
  '\u2EE1': '首', '\u2EE2': '马', '\u2EE3': '骨', '\u2EE4': '鬼', '\u2EE5': '鱼', '\u2EE6': '鱼',
  '\u2EE7': '鸟', '\u2EE8': '麦', '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEB': '斉', '\u2EEC': '齐',
  '\u2EED': '歯', '\u2EEE': '齿', '\u2EEF': '竜', '\u2EF0': '龙', '\u2EF1': '龜', '\u2EF2': '亀',
  '\u2EF3': '龟',
};

/** Traditional forms that NFKC yields for some Kangxi radicals, in simplified-Chinese text. */
const POST_NFKC: Record<string, string> = {
  '戶': '户', '見': '见', '貝': '贝', '車': '车', '長': '长', '門': '门', '頁': '页', '風': '风',
  '飛': '飞', '食': '食', '馬': '马', '魚': '鱼', '鳥': '鸟', '麥': '麦', '黃': '黄', '齊': '齐',
  '齒': '齿', '龍': '龙', '龜': '龟', '韋': '韦', '糸': '纟', '言': '言', '金': '金',
};

/** Characters dropped entirely: BOM, zero-width space/joiners, soft hyphen, word joiner. */
function isDropped(c: number): boolean {
  return c === 0xfeff || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0x00ad;
}

const BOOKMARK = '[bookmark:';

/**
 * A Kangxi radical (U+2F00–U+2FDF) or CJK radical-supplement character as the ideograph it
 * stands for; any other character unchanged. PDF text layers are full of them (`⼀` for `一`).
 */
export function foldRadical(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x2e80 || c > 0x2fdf) return ch;
  const sup = RADICALS_SUPPLEMENT[ch];
  if (sup !== undefined) return sup;
  const rep = ch.normalize('NFKC');
  return POST_NFKC[rep] !== undefined && rep !== ch ? POST_NFKC[rep]! : rep;
}

export function normalize(original: string): NormalizedText {
  const n = original.length;
  // Unchanged runs are copied as slices; the map is filled in place (identity within a run).
  const parts: string[] = [];
  let map = new Int32Array(n + 1);
  let outLen = 0;
  let runStart = 0;
  const ensure = (extra: number) => {
    if (outLen + extra + 1 > map.length) {
      const bigger = new Int32Array(Math.max(map.length * 2, outLen + extra + 1));
      bigger.set(map);
      map = bigger;
    }
  };
  const flush = (end: number) => {
    if (end > runStart) {
      parts.push(original.slice(runStart, end));
      ensure(end - runStart);
      for (let k = runStart; k < end; k++) map[outLen++] = k;
    }
  };
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c < 0x80 && c !== 0x5b /* [ */) {
      i++;
      continue;
    }
    if (c >= 0x4e00 && c <= 0x9fff) {
      i++;
      continue;
    }
    // Word bookmark markers: `[bookmark: _GoBack]` (no nested brackets, bounded length).
    if (c === 0x5b) {
      if (original.startsWith(BOOKMARK, i)) {
        const close = original.indexOf(']', i + BOOKMARK.length);
        const nl = original.indexOf('\n', i);
        if (close !== -1 && (nl === -1 || close < nl) && close - i < 200) {
          flush(i);
          i = close + 1;
          runStart = i;
          continue;
        }
      }
      i++;
      continue;
    }
    if (isDropped(c)) {
      flush(i);
      i++;
      runStart = i;
      continue;
    }
    // One code point (a surrogate pair stays together).
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    let rep = RADICALS_SUPPLEMENT[ch];
    if (rep === undefined) {
      rep = ch.normalize('NFKC');
      if (rep.length === 1 && POST_NFKC[rep] !== undefined && rep !== ch) rep = POST_NFKC[rep]!;
      if (rep === '\u00a0' || rep === '\u3000') rep = ' ';
    }
    if (rep === ch) {
      i += width;
      continue;
    }
    flush(i);
    parts.push(rep);
    ensure(rep.length);
    for (let k = 0; k < rep.length; k++) map[outLen++] = i;
    i += width;
    runStart = i;
  }
  flush(n);
  map[outLen] = n;
  const text = parts.length === 1 ? parts[0]! : parts.join('');
  return { text, map: map.length === outLen + 1 ? map : map.slice(0, outLen + 1), original };
}

/** Original offset of normalised offset `i` (0 ≤ i ≤ text.length). */
export function toOriginal(nt: NormalizedText, i: number): number {
  if (i <= 0) return nt.map.length > 1 ? Math.min(nt.map[0]!, nt.original.length) : 0;
  if (i >= nt.map.length - 1) return nt.map[nt.map.length - 1]!;
  return nt.map[i]!;
}

/**
 * Original span of the normalised range [start, end). The end maps to just after the
 * original character that produced the last normalised unit, so that a span never
 * splits a surrogate pair or stops inside a replaced character.
 */
export function spanToOriginal(nt: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = toOriginal(nt, start);
  if (end <= start) return { start: s, end: s };
  const lastSrc = toOriginal(nt, end - 1);
  // Length of the original code point at lastSrc.
  const cp = nt.original.codePointAt(lastSrc);
  const w = cp !== undefined && cp > 0xffff ? 2 : 1;
  return { start: s, end: Math.max(s, lastSrc + w) };
}
