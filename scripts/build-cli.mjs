// Bundles the mcpkv CLI into one ESM file so it starts fast (no TypeScript at run time, few files to load).
// keytar stays external: it is a native addon loaded from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['electron/cli/mcpkv.ts'],
  outfile: 'out/cli/mcpkv.js',
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
