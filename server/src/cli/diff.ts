// A small unified diff (for --fix-dry-run): common prefix/suffix trimmed, LCS on the rest.

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  // ops over the whole file: ' ' same, '-' removed, '+' added
  const ops: { op: ' ' | '-' | '+'; line: string }[] = [];
  for (let i = 0; i < pre; i++) ops.push({ op: ' ', line: a[i]! });
  ops.push(...lcsOps(am, bm));
  for (let i = a.length - suf; i < a.length; i++) ops.push({ op: ' ', line: a[i]! });

  const out: string[] = [`--- ${oldName}`, `+++ ${newName}`];
  // group changes into hunks with `context` lines around
  let i = 0;
  const oldLineAt: number[] = [];
  const newLineAt: number[] = [];
  let ol = 1;
  let nl = 1;
  for (const o of ops) {
    oldLineAt.push(ol);
    newLineAt.push(nl);
    if (o.op !== '+') ol++;
    if (o.op !== '-') nl++;
  }
  while (i < ops.length) {
    if (ops[i]!.op === ' ') {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // extend while the next change is within 2*context unchanged lines
    for (;;) {
      while (end < ops.length && ops[end]!.op !== ' ') end++;
      let j = end;
      while (j < ops.length && ops[j]!.op === ' ' && j - end < 2 * context) j++;
      if (j < ops.length && ops[j]!.op !== ' ') end = j;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const oldCount = hunk.filter((o) => o.op !== '+').length;
    const newCount = hunk.filter((o) => o.op !== '-').length;
    const oStart = oldCount ? oldLineAt[start]! : oldLineAt[start]! - 1;
    const nStart = newCount ? newLineAt[start]! : newLineAt[start]! - 1;
    out.push(`@@ -${oStart},${oldCount} +${nStart},${newCount} @@`);
    for (const o of hunk) out.push(o.op + o.line);
    i = stop;
  }
  return out.join('\n') + '\n';
}

function splitLines(s: string): string[] {
  const lines = s.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function lcsOps(a: string[], b: string[]): { op: ' ' | '-' | '+'; line: string }[] {
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) return [...a.map((line) => ({ op: '-' as const, line })), ...b.map((line) => ({ op: '+' as const, line }))];
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const ops: { op: ' ' | '-' | '+'; line: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ op: ' ', line: a[i]! });
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) ops.push({ op: '-', line: a[i++]! });
    else ops.push({ op: '+', line: b[j++]! });
  }
  while (i < n) ops.push({ op: '-', line: a[i++]! });
  while (j < m) ops.push({ op: '+', line: b[j++]! });
  return ops;
}
