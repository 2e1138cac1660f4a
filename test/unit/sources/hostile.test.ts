// Hostile files get a clear message in bounded time and memory: nothing in them is run or fetched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { readSource, SourceError } from '../../../server/src/engine/sources';
import { readDocumentXml } from '../../../server/src/engine/sources/docx';
import { readHtml } from '../../../server/src/engine/sources/html';

const refused = async (p: Promise<unknown>, re: RegExp) => {
  await assert.rejects(p, (e: unknown) => e instanceof SourceError && re.test(e.userMessage.en) && e.userMessage.zh.length > 0);
};

test('a .docx zip bomb (a small file inflating past the limit) is refused without inflating it all', async () => {
  const bomb = zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
  assert.ok(bomb.length < 200_000);
  await refused(readSource('docx', bomb), /zip bomb/);
});

test('a .docx whose document.xml declares an external entity reads without fetching or expanding it', () => {
  const xml = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>x&xxe;&b;y</w:t></w:r></w:p></w:body></w:document>';
  const doc = readDocumentXml(xml);
  const text = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('');
  assert.ok(!text.includes('root:'), 'no file content');
  assert.ok(!text.includes('AAAAAAAAAA'), 'no entity expansion');
});

test('a file that is not a zip, or a zip without word/document.xml, is refused with a message', async () => {
  await refused(readSource('docx', new TextEncoder().encode('PK not really a zip')), /not a valid Word document/);
  await refused(readSource('docx', zipSync({ 'a.txt': new Uint8Array(3) })), /no body/);
});

test('deeply nested HTML is refused with a message, not a stack overflow', () => {
  const html = '<div>'.repeat(200_000) + '一、总体情况';
  assert.throws(() => readHtml(html), (e: unknown) => e instanceof SourceError && /nested too deeply/.test(e.userMessage.en));
});

test('a gigantic web page is refused before it is parsed', () => {
  assert.throws(() => readHtml('<p>' + 'x'.repeat(17 * 1024 * 1024)), (e: unknown) => e instanceof SourceError && /too large/.test(e.userMessage.en));
});

test('a table asking for millions of cells by colspan/rowspan is refused', () => {
  const html = '<table>' + '<tr><td colspan="1000" rowspan="1000">x</td></tr>'.repeat(200) + '</table>';
  assert.throws(() => readHtml(html), (e: unknown) => e instanceof SourceError && /too large/.test(e.userMessage.en));
});

test('a page with no text at all (a scan) says so', async () => {
  await refused(readSource('html', new TextEncoder().encode('<html><body><img src="scan.png"></body></html>')), /no readable text/);
});
