// Headless Chromium for the browser tests (test:vscode, test:browser): the Debian package,
// installed with apt-get when missing and we are root (CI), else a clear message.

import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless run that contacts nothing on its own. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${(r.stdout ?? '').slice(-2000)}\n${(r.stderr ?? '').slice(-3000)}`);
  return r.stdout;
}

/** The Debian packages of `packages` that are not installed. */
export function missingApt(packages) {
  return packages.filter((p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.includes('install ok installed') !== true);
}

/** Installs the missing ones (as root, unless NIANBAO_NO_APT=1); throws with the command to run otherwise. */
export function ensureApt(packages, log = console.log) {
  const missing = missingApt(packages);
  if (missing.length === 0) return;
  if (process.getuid?.() === 0 && process.env.NIANBAO_NO_APT !== '1') {
    log(`apt-get install ${missing.join(' ')}`);
    sh('apt-get', ['update', '-qq']);
    sh('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else throw new Error(`missing Debian packages: ${missing.join(' ')}\n  install them with: sudo apt-get install ${missing.join(' ')}`);
}
