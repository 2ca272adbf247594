#!/usr/bin/env node
// Entry of the mcpkv command: runs the bundled CLI that `npm install` builds (npm run build:cli).
import { existsSync, mkdirSync, statSync } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

const bundle = new URL('../out/cli/mcpkv.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('mcpkv: the CLI is not built yet; run `npm run build:cli` in the mcp-key-vault folder.\n');
  process.exit(1);
}

/**
 * This user's own cache folder for Node's compile cache, or null when it cannot be trusted. Not the OS temp folder
 * (Node's default): another local user could create that folder first and plant code cache for a tool that reads
 * the keychain. The folder must be ours and writable by us alone.
 */
function privateCacheDir() {
  const base =
    process.platform === 'win32'
      ? process.env.LOCALAPPDATA
      : process.platform === 'darwin'
        ? path.join(os.homedir(), 'Library', 'Caches')
        : process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  if (!base || !path.isAbsolute(base)) return null;
  const dir = path.join(base, 'mcp-key-vault', 'compile-cache');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = statSync(dir);
    if (process.platform !== 'win32' && (stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0)) return null;
    return dir;
  } catch {
    return null;
  }
}

// Node's on-disk compile cache (22.1+): the bundle is compiled once, not on every run. `mcpkv run` starts every
// program that uses a key, so start-up counts (BENCHMARKS.md). NODE_COMPILE_CACHE, when set, is the user's choice.
if (module.enableCompileCache && !process.env.NODE_COMPILE_CACHE && !process.env.NODE_DISABLE_COMPILE_CACHE) {
  const dir = privateCacheDir();
  if (dir) module.enableCompileCache(dir);
}
await import(bundle.href);
