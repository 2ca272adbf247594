#!/usr/bin/env node
// Entry of the mcpkv command: runs the bundled CLI that `npm install` builds (npm run build:cli).
import { existsSync } from 'node:fs';
import module from 'node:module';

const bundle = new URL('../out/cli/mcpkv.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('mcpkv: the CLI is not built yet; run `npm run build:cli` in the mcp-key-vault folder.\n');
  process.exit(1);
}
// Node's on-disk compile cache (22.1+; in the OS temp folder, or NODE_COMPILE_CACHE): the bundle is compiled once,
// not on every run. `mcpkv run` starts every program that uses a key, so start-up counts (BENCHMARKS.md).
module.enableCompileCache?.();
await import(bundle.href);
