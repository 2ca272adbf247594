/**
 * Child process of memory.bench.ts (run with --expose-gc): the main process's vault side after start, for
 * one vault folder. Prints one JSON line: memory after loading the modules, after start (status + list),
 * and after two store writes (the per-record serialization cache is then filled).
 */
import { keytarSecrets, mainDispatch, openVault } from './main-side';

const [home, service] = process.argv.slice(2);
if (!home || !service) throw new Error('usage: memory.child.ts HOME SERVICE');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function settled(): NodeJS.MemoryUsage {
  for (let i = 0; i < 4; i++) gc!();
  return process.memoryUsage();
}

const modules = settled();
const start = performance.now();
const vault = openVault(home, keytarSecrets(service));
const dispatch = mainDispatch(vault);
await dispatch('vault:status', {});
let reply: unknown = await dispatch('keys:list', {});
const startMs = performance.now() - start;
const count = (reply as { value?: unknown[] }).value?.length ?? -1;
reply = undefined;
const afterStart = settled();

const ids = Object.keys(vault.store.read().keys);
for (const id of ids.slice(0, 2)) {
  await vault.store.update((data) => ({ data: { ...data, keys: { ...data.keys, [id]: { ...data.keys[id]!, usageCount: data.keys[id]!.usageCount + 1 } } }, result: undefined }));
}
const afterWrite = settled();
process.stdout.write(`${JSON.stringify({ count, startMs, modules, afterStart, afterWrite })}\n`);
