#!/usr/bin/env node
// `npm start` / `npm run dev` run this first (prestart, predev). Electron 42+ no longer downloads its binary when
// it is installed, and electron-vite only reads node_modules/electron/path.txt ("Electron uninstall" when it is
// missing), so on a fresh clone nothing would ever fetch it. This runs Electron's own installer (`install-electron`,
// i.e. node_modules/electron/install.js) once: it honours everything Electron documents (ELECTRON_MIRROR,
// ELECTRON_CUSTOM_DIR, ELECTRON_GET_USE_PROXY with HTTPS_PROXY/NO_PROXY, electron_config_cache, checksums),
// and returns at once when the binary is already there. A failure is told in a few lines, without a stack trace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The same test Electron's installer makes: the right version, path.txt, and the executable it names. */
function installed(dir, version) {
  try {
    const distVersion = fs.readFileSync(path.join(dir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '');
    const executable = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
    const distPath = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
    return distVersion === version && fs.existsSync(path.join(distPath, executable));
  } catch {
    return false;
  }
}

/** The line of the installer's output that says what went wrong (it prints a stack trace; we keep its first line). */
function failureReason(output) {
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const message = lines.find((line) => /error/i.test(line) && !line.startsWith('at ')) ?? lines.find((line) => !line.startsWith('at '));
  return (message ?? 'the installer gave no reason').replace(/^Error:\s*/, '').slice(0, 300);
}

function fail(lines) {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

const dir = electronDir();
if (!dir) fail(['MCP Key Vault: Electron is not installed in node_modules. Run `npm install` first.']);
const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
if (installed(dir, version)) process.exit(0);

const target = `${process.env.ELECTRON_INSTALL_PLATFORM || process.platform}-${process.env.ELECTRON_INSTALL_ARCH || process.arch}`;
process.stderr.write(`Downloading Electron ${version} (${target}), first start only…\n`);
const child = spawn(process.execPath, [path.join(dir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'] });
let output = '';
child.stderr.on('data', (chunk) => {
  // Progress and warnings go through; the stack trace of a failure is kept back and summed up below.
  output += chunk;
});
child.on('error', (error) => fail([`MCP Key Vault: could not run Electron's installer: ${error.message}`]));
child.on('close', (code, signal) => {
  if (code === 0 && installed(dir, version)) process.exit(0);
  const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror;
  fail([
    `MCP Key Vault could not download Electron ${version} for ${target}${mirror ? ` from ${mirror}` : ''}:`,
    `  ${signal ? `the installer was stopped (${signal})` : failureReason(output)}`,
    '',
    'Retry:         npm start   (a finished download is cached and not fetched again)',
    'From a mirror: ELECTRON_MIRROR=https://your-mirror/electron/ npm start',
    'Via a proxy:   ELECTRON_GET_USE_PROXY=1 HTTPS_PROXY=http://proxy:8080 npm start',
    'More:          https://www.electronjs.org/docs/latest/tutorial/installation',
  ]);
});
