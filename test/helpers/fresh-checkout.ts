/**
 * A fresh checkout of the working tree in a temp folder (the files git tracks, plus untracked ones it does not
 * ignore: what a clone of this commit holds), for tests that run npm scripts as a new user would. Its
 * node_modules links every installed package back to ours, except the ones named in `ownCopies`, which are
 * copied, so that whatever the scripts write into them (Electron's binary, for one) stays in the temp folder.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './process';

export interface FreshCheckout {
  dir: string;
  cleanup(): void;
}

export function freshCheckout(ownCopies: string[]): FreshCheckout {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-checkout-'));
  const dir = path.join(base, 'mcp-key-vault');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const from = path.join(repoRoot, file);
    if (!fs.existsSync(from)) continue; // deleted in the work tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.cpSync(from, path.join(dir, file), { verbatimSymlinks: true });
  }
  linkNodeModules(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), new Set(ownCopies));
  return { dir, cleanup: () => fs.rmSync(base, { recursive: true, force: true }) };
}

function linkNodeModules(from: string, to: string, ownCopies: Set<string>): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from)) {
    const source = path.join(from, entry);
    const target = path.join(to, entry);
    if (entry === '.bin') {
      // The same relative links, so each command runs from this node_modules (and its own copies).
      fs.mkdirSync(target);
      for (const bin of fs.readdirSync(source)) fs.symlinkSync(fs.readlinkSync(path.join(source, bin)), path.join(target, bin));
    } else if (ownCopies.has(entry)) {
      // A fresh install has no Electron binary: leave out one a developer's machine may have downloaded.
      const skip = entry === 'electron' ? [path.join(source, 'dist'), path.join(source, 'path.txt')] : [];
      fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true, filter: (src) => !skip.some((s) => src === s || src.startsWith(s + path.sep)) });
    } else if (!entry.startsWith('.')) {
      fs.symlinkSync(source, target);
    }
  }
}
