// Bundles the mcpkv CLI into one ESM file so it starts fast (no TypeScript at run time, few files to load).
// keytar stays external: it is a native addon loaded from node_modules.
// A second entry, the clipboard holder `mcpkv copy` starts in the background, goes next to it (out/cli/).
import { build } from 'esbuild';

await build({
  entryPoints: { mcpkv: 'electron/cli/mcpkv.ts', 'clipboard-holder': 'electron/cli/clipboard-holder.ts' },
  outdir: 'out/cli',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['keytar'],
  // CommonJS dependencies (proper-lockfile, graceful-fs) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
