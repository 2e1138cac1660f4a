// The README's Neovim snippet, run as written in a headless Neovim (the 0.7 Debian installs
// with apt-get install neovim): a report with a wrong total gets its row-total diagnostic,
// in a *年报*.txt file (filetype nianbao) and in a .md report (filetype markdown).
// Skipped where nvim is absent (CI installs it: .ci/run).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROKEN_REPORT } from '../support/reports.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf-8' }).status === 0;
const skip = !hasNvim ? 'nvim not installed (apt-get install neovim)' : !existsSync(SERVER) ? 'run npm run build first' : false;

/** The first ```lua block after the README's "Other editors" heading. */
function readmeSnippet(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf-8');
  const from = readme.indexOf('## Other editors');
  const m = /```lua\n([^]*?)```/.exec(readme.slice(from));
  assert.ok(m, 'README has a Neovim snippet');
  return m[1]!.replace('/path/to/nianbao/dist/server.js', SERVER.replace(/\\/g, '/'));
}

// Appended to the snippet: wait for diagnostics in the opened buffer, write them, quit.
const DRIVER = `
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local out = os.getenv('NIANBAO_OUT')
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(codes, tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code))) end
  local fh = io.open(out, 'w'); fh:write(vim.bo[buf].filetype .. '\\n' .. table.concat(codes, ',')); fh:close()
  vim.cmd('qall!')
end })
`;

for (const name of ['某某局2024年报.txt', '某某局2024年度报告.md']) {
  test(`Neovim ${name}: the README snippet attaches the server and shows the wrong total`, { skip, timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-nvim-'));
    writeFileSync(join(dir, 'init.lua'), readmeSnippet() + DRIVER);
    writeFileSync(join(dir, name), BROKEN_REPORT);
    const out = join(dir, 'out.txt');
    const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(dir, 'init.lua'), name], { cwd: dir, env: { ...process.env, NIANBAO_OUT: out }, encoding: 'utf-8', timeout: 45_000 });
    assert.ok(existsSync(out), `no result; nvim status ${r.status}: ${r.stderr}`);
    const [filetype, codes] = readFileSync(out, 'utf-8').split('\n');
    assert.equal(filetype, name.endsWith('.md') ? 'markdown' : 'nianbao');
    assert.ok(codes!.split(',').includes('row-total'), codes);
  });
}
