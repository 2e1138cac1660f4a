// The extension manifest (package.json) as a new user meets it: settings for Chinese prose,
// commands only where they apply, a walkthrough, the metadata the Marketplace shows.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = (lang: '' | '.zh-cn') => JSON.parse(readFileSync(join(ROOT, `package.nls${lang}.json`), 'utf8'));

test('Chinese prose gets no ambiguous-character boxes and wraps long lines in report files', () => {
  const d = pkg.contributes.configurationDefaults['[nianbao]'];
  assert.equal(d['editor.unicodeHighlight.ambiguousCharacters'], false);
  assert.equal(d['editor.wordWrap'], 'on');
  assert.equal(d['editor.wordBasedSuggestions'], 'off');
});

test('every palette command but "new report" has a when clause', () => {
  const when = new Map(pkg.contributes.menus.commandPalette.map((m: any) => [m.command, m.when]));
  for (const c of pkg.contributes.commands) if (c.command !== 'nianbao.newReport') assert.ok(when.get(c.command), c.command);
});

test('Markdown files keep Markdown mode (reports among them are found by content)', () => {
  assert.ok(!pkg.contributes.languages[0].filenamePatterns.some((p: string) => p.endsWith('.md')));
  assert.ok(pkg.activationEvents.includes('onLanguage:markdown'));
});

test('repository, homepage, bugs, categories and keywords are set', () => {
  assert.match(pkg.repository.url, /^https:\/\//);
  assert.match(pkg.homepage, /^https:\/\//);
  assert.match(pkg.bugs.url, /^https:\/\//);
  assert.ok(pkg.categories.includes('Linters'));
  assert.ok(pkg.keywords.length >= 5);
});

test('the Getting Started walkthrough opens a report, shows a problem, fixes it and opens the table preview', () => {
  const [w] = pkg.contributes.walkthroughs;
  assert.deepEqual(w.steps.map((s: any) => s.id), ['open', 'squiggle', 'fix', 'preview']);
  const events = w.steps.flatMap((s: any) => s.completionEvents);
  for (const e of ['onCommand:nianbao.newReport', 'onCommand:nianbao.fixAll', 'onCommand:nianbao.openTablePreview']) assert.ok(events.includes(e), e);
  for (const s of w.steps) {
    assert.ok(existsSync(join(ROOT, s.media.markdown)), s.media.markdown);
    for (const key of [s.title, s.description].map((x: string) => x.slice(1, -1))) {
      assert.ok(nls('')[key] && nls('.zh-cn')[key], key);
    }
  }
});

test('the icon is a PNG drawn from its SVG source', () => {
  assert.deepEqual([...readFileSync(join(ROOT, pkg.icon)).subarray(1, 4)], [0x50, 0x4e, 0x47]);
  assert.match(readFileSync(join(ROOT, 'images/icon.svg'), 'utf8'), /<svg/);
});

test('commands that need Node show wherever a Node extension host runs: the desktop, or a remote such as code-server', () => {
  // code-server and Codespaces are VS Code for the web (isWeb) over a remote with a Node
  // extension host (remoteName): "Open as Annual Report" works there and must be offered.
  const menus = [...pkg.contributes.menus.commandPalette, ...pkg.contributes.menus['explorer/context']] as { command: string; when?: string }[];
  for (const m of menus.filter((x) => x.command === 'nianbao.openAsReport' || x.command === 'nianbao.checkWorkspace')) {
    assert.match(m.when ?? '', /^\(?!isWeb \|\| remoteName\)?( && |$)/, `${m.command}: ${m.when}`);
  }
});
