/**
 * `npm start` on a fresh checkout, as a new user runs it. Electron's binary cannot be downloaded on this machine,
 * so ELECTRON_MIRROR points Electron's own installer at a loopback server run here. It serves either nothing
 * (the download fails: a short message, no stack trace) or a TEST-ONLY stand-in "Electron" — a zip holding a shell
 * script that records how it was started — with a matching SHASUMS256.txt. Every link of the chain runs for real
 * (prestart → install-electron → @electron/get → checksum → unzip → path.txt → electron-vite build and launch)
 * except the last one: the real Electron binary.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCheckout, type FreshCheckout } from '../helpers/fresh-checkout';
import { runProcess } from '../helpers/process';

const electronVersion: string = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'node_modules/electron/package.json'), 'utf8')).version;
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;
const zipPath = `/v${electronVersion}/${zipName}`;

let checkout: FreshCheckout;
let server: http.Server;
let mirror: string;
const requests: string[] = [];
let serveStandIn = false;
let standInZip: Buffer;

/** TEST ONLY: an "Electron" zip whose executable records its working folder and arguments, then exits 0. */
function buildStandInZip(dir: string): Buffer {
  const record = path.join(dir, 'electron-launch.json');
  const script = `#!/bin/sh\n# TEST ONLY: stand-in for Electron (test/integration/first-run.test.ts)\nnode -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify({ cwd: process.cwd(), args: process.argv.slice(2) }))' '${record}' "$@"\n`;
  const zip = path.join(dir, zipName);
  // Python's zipfile keeps the executable bit (external_attr), as Electron's real zips do.
  execFileSync('python3', [
    '-c',
    'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], "w")\ni = zipfile.ZipInfo("electron"); i.external_attr = 0o100755 << 16\nz.writestr(i, sys.argv[2])\nz.writestr("version", sys.argv[3])\nz.close()',
    zip,
    script,
    electronVersion,
  ]);
  return fs.readFileSync(zip);
}

function startEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ELECTRON_MIRROR: mirror,
    electron_use_remote_checksums: '1',
    electron_config_cache: path.join(checkout.dir, '..', 'electron-cache'),
    ELECTRON_GET_NO_PROGRESS: '1',
    // npm's own environment of the test runner must not leak into the user's `npm start`.
    npm_lifecycle_event: undefined,
    npm_lifecycle_script: undefined,
  };
}

beforeAll(async () => {
  checkout = freshCheckout(['electron', 'electron-vite']);
  standInZip = buildStandInZip(path.join(checkout.dir, '..'));
  const shasums = `${crypto.createHash('sha256').update(standInZip).digest('hex')} *${zipName}\n`;
  server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    if (serveStandIn && request.url === zipPath) return void response.end(standInZip);
    if (serveStandIn && request.url === `/v${electronVersion}/SHASUMS256.txt`) return void response.end(shasums);
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  checkout?.cleanup();
});

describe('npm start on a fresh checkout', () => {
  it('asks for this platform\'s Electron and, when the download fails, says what to do in a few lines', async () => {
    const result = await runProcess('npm', ['start', '--silent'], startEnv(), { cwd: checkout.dir });
    expect(requests).toContain(zipPath);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`could not download Electron ${electronVersion}`);
    expect(result.stderr).toContain('Response code 404');
    expect(result.stderr).toMatch(/Retry: +npm start/);
    expect(result.stderr).toContain('ELECTRON_MIRROR=');
    expect(result.stderr).toContain('ELECTRON_GET_USE_PROXY=1');
    // No stack trace, and not electron-vite's "Electron uninstall": the build never started.
    expect(result.stderr + result.stdout).not.toMatch(/^\s+at /m);
    expect(result.stderr + result.stdout).not.toContain('Electron uninstall');
    expect(fs.existsSync(path.join(checkout.dir, 'out'))).toBe(false);
  }, 120_000);

  it('downloads Electron once, checks it against SHASUMS256.txt, builds, and launches it with the built app', async () => {
    serveStandIn = true;
    requests.length = 0;
    const result = await runProcess('npm', ['start', '--silent'], startEnv(), { cwd: checkout.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(requests).toEqual(expect.arrayContaining([zipPath, `/v${electronVersion}/SHASUMS256.txt`]));

    const launch = JSON.parse(fs.readFileSync(path.join(checkout.dir, '..', 'electron-launch.json'), 'utf8'));
    expect(fs.realpathSync(launch.cwd)).toBe(fs.realpathSync(checkout.dir));
    expect(launch.args[0]).toBe('.');
    // `electron .` runs package.json's main: the main bundle this very start built.
    const main = JSON.parse(fs.readFileSync(path.join(checkout.dir, 'package.json'), 'utf8')).main;
    expect(fs.existsSync(path.join(checkout.dir, main))).toBe(true);
    expect(fs.existsSync(path.join(checkout.dir, 'out/renderer/index.html'))).toBe(true);
  }, 300_000);

  it('does not download again on the next start', async () => {
    requests.length = 0;
    fs.rmSync(path.join(checkout.dir, '..', 'electron-launch.json'));
    const result = await runProcess('npm', ['start', '--silent', '--', '--skipBuild'], startEnv(), { cwd: checkout.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(requests).toEqual([]);
    expect(fs.existsSync(path.join(checkout.dir, '..', 'electron-launch.json'))).toBe(true);
  }, 120_000);
});
