/**
 * `npm run dist`'s configuration (electron-builder.yml), run by electron-builder itself as far as this machine
 * allows: `--dir --linux` with `electronDist` pointing at a TEST-ONLY stand-in for Electron's folder (Electron's
 * binary cannot be downloaded here). The stand-in carries Electron's fuse wire (sentinel + version + the eight
 * fuses in Electron's default state), so @electron/fuses flips them as it would in the real binary. Checked:
 * the fuses, what goes into app.asar, and that keytar's native addon is unpacked next to it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/process';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as typeof import('@electron/asar');
const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses') as typeof import('@electron/fuses');

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults, in FuseV1Options order: RunAsNode on, cookie encryption off, NODE_OPTIONS on,
// --inspect on, asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on.
const DEFAULT_WIRE = '10110001';

let work: string;
let appDir: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(repoRoot, 'out/main/index.js'))) {
    const built = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
    expect(built.status).toBe(0);
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-package-'));
  const electronDist = path.join(work, 'electron-dist');
  fs.mkdirSync(electronDist);
  const standIn = Buffer.concat([
    Buffer.from('#!/bin/sh\n# TEST ONLY: stand-in for the Electron binary (test/integration/package.test.ts). Fuse wire: '),
    Buffer.from(SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
    Buffer.from('\nexit 0\n'),
  ]);
  fs.writeFileSync(path.join(electronDist, 'electron'), standIn, { mode: 0o755 });
  fs.writeFileSync(path.join(electronDist, 'version'), require('electron/package.json').version);
  execFileSync(
    'npx',
    ['electron-builder', '--dir', '--linux', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${path.join(work, 'dist')}`],
    { cwd: repoRoot, stdio: 'pipe' },
  );
  appDir = path.join(work, 'dist', 'linux-unpacked');
}, 240_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the packaged app (npm run dist)', () => {
  it('has the security checklist\'s fuses flipped in its executable', async () => {
    const executable = path.join(appDir, 'mcp-key-vault');
    const wire = await getCurrentFuseWire(executable);
    const state = (fuse: number) => String.fromCharCode((wire as unknown as Record<number, number>)[fuse]!);
    expect(state(FuseV1Options.RunAsNode)).toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1');
  });

  it('puts only the built app and its runtime dependencies into app.asar', () => {
    const archive = path.join(appDir, 'resources', 'app.asar');
    const files = asar.listPackage(archive, { isPack: false }).map((file) => file.split(path.sep).join('/'));
    const own = files.filter((file) => !file.startsWith('/node_modules/'));
    expect(own).toEqual(
      // The CLI bundle too: the launcher in MCP clients' configs is the app's executable running it (--mcpkv-cli).
      expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/cli/mcpkv.js']),
    );
    // Nothing but package.json and the build: no sources, tests, the test bridge, benchmarks or maps.
    const folders = ['/node_modules', '/out'];
    expect(own.filter((file) => file !== '/package.json' && !folders.includes(file) && !/^\/out\/(main|preload|renderer|cli)(\/|$)/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.map$|\/test\/|\/e2e\/|\/bridge\/|\/bench\//.test(file))).toEqual([]);
    // Dev-only packages stay out (React is bundled into the renderer; Electron itself is the runtime).
    for (const dev of ['electron', 'electron-vite', 'vite', 'vitest', '@playwright', 'react', 'typescript', 'esbuild']) {
      expect(files, dev).not.toContain(`/node_modules/${dev}`);
    }
    for (const runtime of ['keytar', 'electron-store', 'zod', 'dotenv']) expect(files).toContain(`/node_modules/${runtime}`);
    // The built files point at no source map (the maps would carry our sources, and nothing is to be debugged there).
    for (const file of own.filter((f) => /\.(js|cjs)$/.test(f))) {
      expect(asar.extractFile(archive, file.slice(1)).toString('utf8'), file).not.toContain('sourceMappingURL');
    }
  });

  it('keeps keytar\'s native addon outside the archive, where it can be loaded', () => {
    const addon = path.join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node');
    expect(fs.existsSync(addon)).toBe(true);
    // Loadable as it is: keytar is an N-API addon (what Electron loads too), so no rebuild is needed.
    const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(addon)}); console.log('loaded')`], { encoding: 'utf8' });
    expect(probe.stdout.trim(), probe.stderr).toBe('loaded');
  });
});
