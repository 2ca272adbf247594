/**
 * The keychain: how often the app reaches it at start and on list (never, for secrets), and what creating
 * a key costs next to one bare keytar setPassword on the same keychain, in the same run.
 */
import { createRequire } from 'node:module';
import { generateSecret } from '../electron/core/key-generator';
import { openNodeVault } from '../electron/core/open-vault';
import type { BenchVault } from './fixture';
import { scaled, stats, timed, value, type Figure } from './harness';
import { CountingSecrets, keytarSecrets, mainDispatch, openVault } from './main-side';

const GROUP = 'keychain';
const keytar = createRequire(import.meta.url)('keytar') as typeof import('keytar');

export async function keychainBench(bv: BenchVault): Promise<Figure[]> {
  const figures: Figure[] = [];

  // App start as the renderer drives it (useVaultSync): open the vault, then vault:status and keys:list.
  const isKeyId = (account: string) => /^[0-9a-f]{16}$/.test(account);
  const counting = new CountingSecrets(keytarSecrets(bv.service), isKeyId);
  const vault = openVault(bv.home, counting);
  const dispatch = mainDispatch(vault);
  await dispatch('vault:status', {});
  await dispatch('keys:list', {});
  const atStart = { reads: counting.secretReads, total: counting.total };
  counting.reset();
  for (let i = 0; i < 5; i++) await dispatch('keys:list', {});
  const onList = { reads: counting.secretReads, total: counting.total };
  figures.push(
    value(GROUP, 'secret reads at app start (status + list)', 'calls', atStart.reads, { text: '0', pass: atStart.reads === 0 }, `${atStart.total} keychain call(s) in all: vault:status reads a kept probe account that never holds a key`),
    value(GROUP, 'secret reads on list (5 × keys:list)', 'calls', onList.reads, { text: '0', pass: onList.reads === 0 }, `${onList.total} keychain call(s) in all`),
  );

  // Create (generate + keychain + store + activity log) against a bare setPassword, interleaved so that both
  // see the same keychain (each adds one item).
  const app = openNodeVault(bv.env);
  const warmup = 3;
  const runs = scaled(20);
  const setSamples: number[] = [];
  const createSamples: number[] = [];
  const created: string[] = [];
  const bare: string[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const account = `bench-bare-${i}`;
    const secret = generateSecret('mcp_sk_');
    let start = performance.now();
    await keytar.setPassword(bv.service, account, secret);
    const set = performance.now() - start;
    bare.push(account);
    start = performance.now();
    const key = await app.create({ name: `bench create ${i}` });
    const create = performance.now() - start;
    created.push(key.id);
    if (i >= warmup) {
      setSamples.push(set);
      createSamples.push(create);
    }
  }
  const set = stats(setSamples);
  figures.push(timed(GROUP, `keytar setPassword, bare (${bv.secrets} secrets in the keychain)`, setSamples));
  figures.push(
    timed(GROUP, 'create one key (generate + keychain + store + log)', createSamples, {
      text: `≤ 3 × setPassword = ${(3 * set.median).toFixed(1)} ms median`,
      check: (s) => s.median <= 3 * set.median,
    }),
  );
  const create = stats(createSamples);
  figures.push(value(GROUP, 'create ÷ setPassword (medians)', 'x', create.median / set.median, { text: '≤ 3', pass: create.median / set.median <= 3 }));
  figures.push(
    value(GROUP, 'create − setPassword (medians): the vault\'s own cost', 'ms', create.median - set.median, undefined, 'generate + store write + activity log'),
  );

  // Leave the vault as it was: 10,000 keys.
  for (const id of created) await app.delete(id);
  for (const account of bare) await keytar.deletePassword(bv.service, account);
  return figures;
}
