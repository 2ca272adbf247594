// Bundles the mcpkv CLI into ESM so it starts fast (no TypeScript at run time, few files to load).
// keytar stays external: it is a native addon loaded from node_modules.
// A second entry, the clipboard holder `mcpkv copy` starts in the background, goes next to it (out/cli/).
// Splitting: what a command loads with import() (the vault core, keytar, conf, zod) becomes chunks beside the
// entries, so `mcpkv --version`, `--help` and usage errors never load them. Chunks stay in out/cli/ itself:
// code in a chunk finds the holder as ./clipboard-holder.js.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const outdir = 'out/cli';
const { metafile } = await build({
  entryPoints: { mcpkv: 'electron/cli/mcpkv.ts', 'clipboard-holder': 'electron/cli/clipboard-holder.ts' },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['keytar'],
  // jsonc-parser's `main` is a UMD build whose require('./impl/…') calls esbuild cannot follow; its ESM build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // CommonJS dependencies (proper-lockfile, graceful-fs) call require(); give each ESM file one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});

// What every run loads (the entry and the chunks it imports statically) must not reach the vault core or its
// heavy dependencies (the MCP SDK among them): commands load those with import() when their action runs. Fail the build if one slips in.
const HEAVY = /^(electron\/core\/|node_modules\/(zod|conf|keytar|proper-lockfile|graceful-fs|dotenv|diff|@modelcontextprotocol\/sdk)\/)|^keytar$/;
const startup = new Set();
const visit = (file) => {
  if (startup.has(file)) return;
  startup.add(file);
  for (const { path: imported, kind, external } of metafile.outputs[file].imports) {
    if (kind !== 'import-statement') continue;
    if (external) {
      if (HEAVY.test(imported)) throw new Error(`build-cli: ${file} imports ${imported} at start-up; load it with import() in the command's action.`);
    } else visit(imported);
  }
};
visit(`${outdir}/mcpkv.js`);
for (const file of startup) {
  const heavy = Object.keys(metafile.outputs[file].inputs).find((input) => HEAVY.test(input));
  if (heavy) throw new Error(`build-cli: ${heavy} is loaded at start-up (in ${file}); load it with import() in the command's action.`);
}

// Chunk names carry a content hash: remove those of earlier builds. Only after the new files are written, so a
// CLI started meanwhile (tests run in parallel) never finds its entry missing.
const built = new Set(Object.keys(metafile.outputs).map((file) => path.resolve(file)));
for (const name of fs.readdirSync(outdir)) {
  const file = path.resolve(outdir, name);
  if (name.endsWith('.js') && !built.has(file)) fs.rmSync(file);
}
