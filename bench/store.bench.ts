/**
 * Main side, no keychain: opening the vault and listing it, the `keys:list` IPC handler, one store write.
 * The keychain is never read here (listing never reads it; keychain.bench.ts counts that).
 */
import fs from 'node:fs';
import v8 from 'node:v8';
import type { KeyRecord } from '../shared/types';
import type { BenchVault } from './fixture';
import { collectGarbage, measure, measureSync, timed, value, type Figure } from './harness';
import { keytarSecrets, mainDispatch, openVault } from './main-side';

const GROUP = 'store';

export async function storeBench(bv: BenchVault): Promise<Figure[]> {
  const figures: Figure[] = [];
  const secrets = keytarSecrets(bv.service);

  // Open (a new store: the file is read and parsed) and list every record, as the main process does at start:
  // once, so each run starts from a collected heap.
  let listed = 0;
  const openList = measureSync(
    () => {
      const vault = openVault(bv.home, secrets);
      listed = vault.list().length;
    },
    { warmup: 3, runs: 20, before: collectGarbage },
  );
  if (listed !== bv.keys) throw new Error(`open+list saw ${listed} keys, expected ${bv.keys}`);
  figures.push(
    timed(GROUP, `open vault + list all records (${bv.keys} keys)`, openList, { text: '≤ 30 ms median', check: (s) => s.median <= 30 }),
  );

  // The keys:list channel as the renderer calls it: dispatcher (channel + payload checks) + handler + envelope.
  const vault = openVault(bv.home, secrets);
  const dispatch = mainDispatch(vault);
  let envelope: unknown;
  const list = await measure(
    async () => {
      envelope = await dispatch('keys:list', {});
    },
    { warmup: 5, runs: 50 },
  );
  const count = (envelope as { ok: boolean; value?: unknown[] }).value?.length;
  if (count !== bv.keys) throw new Error(`keys:list returned ${String(count)} keys: ${JSON.stringify(envelope).slice(0, 200)}`);
  figures.push(timed(GROUP, 'keys:list IPC handler (dispatcher + handler)', list, { text: '≤ 10 ms median', check: (s) => s.median <= 10 }));

  // Where the handler's time goes: building 10,000 views (shared/key-status.ts toKeyView).
  const views = measureSync(() => vault.list(), { warmup: 3, runs: 30 });
  figures.push(timed(GROUP, `vault.list(): ${bv.keys} views (toKeyView)`, views));

  // What Electron then does with the reply: a structured clone (V8 ValueSerializer) to the renderer and back.
  const clone = measureSync(() => v8.deserialize(v8.serialize(envelope)), { warmup: 3, runs: 20 });
  figures.push(
    timed(GROUP, 'keys:list reply, structured clone (IPC copy)', clone, undefined, 'v8.serialize + v8.deserialize of the envelope; not part of the handler figure'),
  );

  // One store write: a read-modify-write of one record under the lock, the whole file rewritten atomically.
  const ids = Object.keys(vault.store.read().keys);
  let i = 0;
  const write = await measure(
    () =>
      vault.store.update((data) => {
        const id = ids[i++ % ids.length]!;
        const record = data.keys[id] as KeyRecord;
        return { data: { ...data, keys: { ...data.keys, [id]: { ...record, usageCount: record.usageCount + 1 } } }, result: undefined };
      }),
    { warmup: 3, runs: 30 },
  );
  figures.push(
    timed(GROUP, 'store write, one record changed (lock + rewrite + fsync)', write, undefined, 'MetadataStore.update; no keychain'),
  );
  // The file must be exactly what JSON.stringify gives (the format conf and electron-store read).
  if (fs.readFileSync(vault.store.path, 'utf8') !== JSON.stringify(vault.store.read())) {
    throw new Error('vault.json differs from JSON.stringify of the store content');
  }
  figures.push(value(GROUP, 'vault.json size', 'KB', fs.statSync(vault.store.path).size / 1024));
  return figures;
}
