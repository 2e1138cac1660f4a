// The offline page's engine side (web/reports.ts, run in its Web Worker): files by kind,
// decoding, edits, one fix, fix-all and the HTML summary — all through the engine.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, LIMITS, SOURCE_LIMITS } from '../../../server/src/engine/index';
import { kindOf, Reports, UnreadableFile } from '../../../web/reports';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const BROKEN = readFileSync(join(EXAMPLES, '某某市某某局2024年政府信息公开工作年度报告（有错误）.txt'), 'utf8');
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('offline page: reports in the worker', () => {
  it('tells the kinds of file it reads by their extension', () => {
    assert.deepEqual(['a.txt', 'b.MD', 'c.htm', 'd.html', 'e.docx', 'f.PDF', 'g.doc', 'h'].map(kindOf), ['text', 'text', 'html', 'html', 'docx', 'pdf', null, null]);
  });

  it('checks a text file as the engine does, with 1-based line and column', async () => {
    const r = await new Reports().openBytes(1, 'r.txt', utf8(BROKEN));
    const want = check(BROKEN).findings;
    assert.deepEqual(r.findings.map((f) => [f.code, f.span.start]), want.map((f) => [f.code, f.span.start]));
    const numbering = r.findings.find((f) => f.code === 'section-numbering')!;
    assert.deepEqual([numbering.line, numbering.column], [10, 1]);
    assert.equal(r.editable, true);
    assert.equal(r.view.summary.year, 2024);
  });

  it('decodes a GB18030 file (Chinese Windows) like a UTF-8 one', async () => {
    // 年报 in GB18030: C4EA B1A8.
    const r = await new Reports().openBytes(1, 'r.txt', new Uint8Array([0xc4, 0xea, 0xb1, 0xa8]));
    assert.equal(r.text, '年报');
  });

  it('refuses a file it cannot read, with a message in both languages', async () => {
    await assert.rejects(
      new Reports().openBytes(1, 'r.doc', utf8('x')),
      (e: unknown) => e instanceof UnreadableFile && /docx/.test(e.reason.zh) && /docx/.test(e.reason.en),
    );
  });

  it('refuses a file over the engine’s limit for its kind: LIMITS.fileBytes for text, SOURCE_LIMITS.maxInputBytes for a structured file', async () => {
    const tooLarge = (e: unknown) => e instanceof UnreadableFile && /上限/.test(e.reason.zh) && /limit/.test(e.reason.en);
    await assert.rejects(new Reports().openBytes(1, 'r.txt', new Uint8Array(LIMITS.fileBytes + 1)), tooLarge);
    await assert.rejects(new Reports().openBytes(1, 'r.pdf', new Uint8Array(SOURCE_LIMITS.maxInputBytes + 1)), tooLarge);
    await assert.rejects(new Reports().openBytes(1, 'r.pdf', new Uint8Array(LIMITS.fileBytes + 1)), (e: unknown) => e instanceof UnreadableFile && !tooLarge(e));
  });

  it('re-checks an edit and bumps the version', () => {
    const reports = new Reports();
    const first = reports.openText(1, 'p', BROKEN);
    const second = reports.edit(1, BROKEN.replace('2、', '二、'));
    assert.equal(second.version, first.version + 1);
    assert.ok(first.findings.some((f) => f.code === 'section-numbering'));
    assert.ok(!second.findings.some((f) => f.code === 'section-numbering'));
  });

  it('applies one finding’s preferred fix', () => {
    const reports = new Reports();
    const r = reports.openText(1, 'p', BROKEN);
    const i = r.findings.findIndex((f) => f.code === 'row-total');
    const j = r.findings[i]!.fixes.findIndex((x) => x.isPreferred);
    const fixed = reports.applyFix(1, i, j);
    assert.equal(fixed.findings.filter((f) => f.code === 'row-total').length, r.findings.filter((f) => f.code === 'row-total').length - 1);
  });

  it('fixes all safe problems', () => {
    const reports = new Reports();
    const r = reports.openText(1, 'p', BROKEN);
    assert.ok(r.safeFixes > 0);
    assert.equal(reports.fixAll(1).safeFixes, 0);
  });

  it('pairs reports opened together for carry-over, as the CLI does, and re-checks the later one when the earlier changes', () => {
    const reports = new Reports();
    const y2024 = BROKEN;
    const y2025 = BROKEN.replace(/2024/g, '2025');
    const later = reports.openText(2, '2025.txt', y2025);
    assert.equal(later.view.summary.carryOver, 'no-previous');
    reports.openText(1, '2024.txt', y2024);
    const [rechecked] = reports.takeChanged();
    assert.equal(rechecked?.doc, 2);
    assert.equal(rechecked?.view.summary.previous, '2024.txt');
    assert.notEqual(rechecked?.view.summary.carryOver, 'no-previous');
    reports.close(1);
    assert.equal(reports.takeChanged()[0]?.view.summary.carryOver, 'no-previous');
  });

  it('writes one HTML summary for the given reports', () => {
    const reports = new Reports();
    reports.openText(1, '甲.txt', BROKEN);
    reports.openText(2, '乙.txt', BROKEN);
    const html = reports.summaryPage([1, 2], 'zh', '检查结果');
    assert.equal(html.match(/<section class="nb-report"/g)?.length, 2);
    assert.match(html, /<title>检查结果<\/title>/);
  });
});
