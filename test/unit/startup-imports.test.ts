/**
 * What the start-up path loads: the preload (and the E2E bridge's stand-in for it) and the renderer's first
 * chunk bring no zod, whose schemas cost tens of milliseconds of script before the first paint (BENCHMARKS.md).
 * Follows the static imports from each entry with esbuild's metafile: dynamic import()s (the screens and dialogs
 * of renderer/src/lazyParts.ts) and type-only imports load nothing at start and are not followed.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/process';

/** Every file the entry loads before it runs (cwd-relative paths, as esbuild writes them). */
async function loadedAtStart(entry: string): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [path.join(repoRoot, entry)],
    absWorkingDir: repoRoot,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    external: ['electron'],
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      if (imported.kind === 'dynamic-import' || imported.external || seen.has(imported.path)) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return [...seen];
}

const isZod = (file: string) => /(^|\/)node_modules\/zod\//.test(file);

describe('the start-up path', () => {
  it.each(['electron/preload/index.ts', 'test/e2e/bridge/client.ts'])('%s builds window.vault without zod', async (entry) => {
    const files = await loadedAtStart(entry);
    expect(files).toContain('shared/ipc-contract.ts');
    expect(files.filter(isZod)).toEqual([]);
    expect(files).not.toContain('shared/ipc-schemas.ts');
  });

  it('the renderer paints its list without zod; the screens and dialogs that validate bring it when first opened', async () => {
    const files = await loadedAtStart('renderer/src/main.tsx');
    expect(files).toContain('renderer/src/keys/KeyList.tsx');
    expect(files.filter(isZod)).toEqual([]);
    expect(files).not.toContain('shared/schemas.ts');
    // The check sees zod where it is: the create dialog loads it (so the walk above would have found it).
    expect((await loadedAtStart('renderer/src/keys/CreateKeyDialog.tsx')).some(isZod)).toBe(true);
  });
});
