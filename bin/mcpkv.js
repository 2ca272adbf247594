#!/usr/bin/env node
// Entry of the mcpkv command: runs the bundled CLI that `npm install` builds (npm run build:cli).
import { existsSync } from 'node:fs';

const bundle = new URL('../out/cli/mcpkv.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('mcpkv: the CLI is not built yet; run `npm run build:cli` in the mcp-key-vault folder.\n');
  process.exit(1);
}
await import(bundle.href);
