/**
 * The benchmark's vault: N keys in a temp folder, records written by the real store (one update), secrets
 * written one by one through the real keychain (keytar → the Secret Service). Records look like the ones
 * `Vault.create` writes (same fields, same order), with a realistic spread of names, owners, permissions,
 * metadata, expiries and states. Seeded, so every run builds the same file (same size).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { KeytarSecretStore } from '../electron/core/keychain';
import { generateSecret } from '../electron/core/key-generator';
import { openNodeStore } from '../electron/core/conf-store';
import type { KeyRecord } from '../shared/types';
import { progress } from './harness';

export interface BenchVault {
  /** The vault folder (MCPKV_HOME). */
  home: string;
  /** An empty vault's folder, for baselines. */
  emptyHome: string;
  /** Keychain service holding this vault's secrets. */
  service: string;
  keys: number;
  secrets: number;
  /** Size of vault.json, bytes. */
  fileBytes: number;
  /** How long building took, ms: records (one store update) and secrets (keychain loop). */
  buildRecordsMs: number;
  buildSecretsMs: number;
  /** Where the secrets went: the Secret Service collection behind the `default` alias. */
  keychainCollection: string;
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVIDERS = [
  { name: 'MCP', prefix: 'mcp_sk_', generated: true },
  { name: 'MCP', prefix: 'mcp_sk_', generated: true },
  { name: 'MCP', prefix: 'mcp_sk_', generated: true },
  { name: 'OpenAI', prefix: 'sk-proj-', generated: false },
  { name: 'Anthropic', prefix: 'sk-ant-', generated: false },
  { name: 'Stripe', prefix: 'sk_live_', generated: false },
  { name: 'GitHub', prefix: 'ghp_', generated: false },
  { name: 'Internal', prefix: '', generated: false },
] as const;
const ENVIRONMENTS = ['production', 'staging', 'development', 'test', 'ci'];
const SERVICES = ['billing', 'search', 'chat', 'ingest', 'reports', 'auth', 'gateway', 'notifications', 'analytics', 'payments', 'support', 'docs'];
const PERMISSIONS = ['chats:create', 'chats:read', 'models:read', 'files:read', 'files:write', 'tools:call', 'embeddings:create', 'admin', 'billing:read', 'users:read'];
const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2', 'ap-southeast-1'];
const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'oscar', 'peggy', 'trent', 'victor', 'wendy'];
const DESCRIPTIONS = [
  (s: string, e: string) => `Key for the ${s} MCP server in ${e}`,
  (s: string, e: string) => `${s} service, ${e} deployment`,
  (s: string) => `Used by the ${s} worker to call the model API`,
  (s: string, e: string) => `CI pipeline key for ${s} (${e}); rotate after each release`,
  () => '',
];
const DAY = 86_400_000;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** `count` records as Vault.create would write them, plus what later operations change (use, rotate, revoke). */
export function makeRecords(count: number, now = Date.now(), seed = 7): KeyRecord[] {
  const random = rng(seed);
  const hex = () => Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  const records: KeyRecord[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < count; i++) {
    let id = hex() + hex();
    while (ids.has(id)) id = hex() + hex();
    ids.add(id);
    const provider = pick(random, PROVIDERS);
    const service = pick(random, SERVICES);
    const environment = pick(random, ENVIRONMENTS);
    const person = pick(random, PEOPLE);
    const createdAt = now - Math.floor(random() * 720) * DAY - Math.floor(random() * DAY);
    const neverExpires = random() < 0.15;
    // Expiries from 60 days ago to a year ahead: some expired, some expiring soon, most active.
    const expiresAt = neverExpires ? null : new Date(now + Math.floor((random() * 425 - 60) * DAY)).toISOString();
    const rotated = random() < 0.2;
    const used = random() < 0.6;
    const permissions = PERMISSIONS.filter(() => random() < 0.22);
    const metadata: Record<string, string> = {};
    if (random() < 0.8) metadata.environment = environment;
    if (random() < 0.5) metadata.team = service;
    if (random() < 0.25) metadata.region = pick(random, REGIONS);
    records.push({
      id,
      name: `${provider.name} ${service} ${environment} ${i + 1}`,
      description: pick(random, DESCRIPTIONS)(service, environment),
      owner: random() < 0.7 ? `${person}@example.com` : '',
      permissions,
      metadata,
      source: provider.generated ? 'generated' : 'imported',
      prefix: provider.prefix,
      fingerprint: randomBytes(2).toString('hex'),
      createdAt: new Date(createdAt).toISOString(),
      expiresAt,
      revokedAt: random() < 0.05 ? new Date(now - Math.floor(random() * 90) * DAY).toISOString() : null,
      rotatedAt: rotated ? new Date(createdAt + Math.floor(random() * 30) * DAY).toISOString() : null,
      lastUsedAt: used ? new Date(now - Math.floor(random() * 60 * DAY)).toISOString() : null,
      usageCount: used ? 1 + Math.floor(random() * 500) : 0,
    });
  }
  return records;
}

/** True when running inside test/with-keyring.sh's private Secret Service (never the user's keychain). */
export function inThrowawayKeyring(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.MCPKV_IN_TEST_KEYRING === '1' && env.MCPKV_USE_SESSION_KEYRING !== '1';
}

const SECRETS_PATH = '/org/freedesktop/secrets';

function dbusSecrets(method: string, ...args: string[]): string {
  return execFileSync(
    'dbus-send',
    ['--session', '--print-reply', `--dest=org.freedesktop.secrets`, SECRETS_PATH, `org.freedesktop.Secret.Service.${method}`, ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/**
 * gnome-keyring's on-disk `login` collection re-encrypts and rewrites its whole file on every write: a
 * setPassword took 7 ms at 300 items and 100 ms at 1,800 (see BENCHMARKS.md), so 10,000 would take hours.
 * In the throwaway keyring only, point the `default` alias (where keytar writes) at the in-memory
 * `session` collection: same daemon, same keytar/libsecret calls, no file rewrite.
 */
export function useInMemoryCollection(): string {
  const current = () => /object path "([^"]+)"/.exec(dbusSecrets('ReadAlias', 'string:default'))?.[1] ?? 'unknown';
  try {
    if (inThrowawayKeyring()) dbusSecrets('SetAlias', 'string:default', `objpath:${SECRETS_PATH}/collection/session`);
    return current();
  } catch (error) {
    progress(`could not switch the throwaway keyring to its in-memory collection (${(error as Error).message.split('\n')[0]})`);
    return 'unknown';
  }
}

export async function buildVault(options: { keys: number; secrets: number }): Promise<BenchVault> {
  if (!inThrowawayKeyring() && process.env.MCPKV_BENCH_ALLOW_SESSION_KEYRING !== '1') {
    throw new Error(
      'The benchmark writes thousands of secrets: run it in the throwaway keychain (`npm run bench`, i.e. test/with-keyring.sh), ' +
        'or set MCPKV_BENCH_ALLOW_SESSION_KEYRING=1 to use your session keychain (its entries are removed afterwards).',
    );
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-bench-'));
  const home = path.join(root, 'vault');
  const emptyHome = path.join(root, 'empty');
  const service = `mcpkv-bench-${randomBytes(6).toString('hex')}`;
  const env: NodeJS.ProcessEnv = { ...process.env, MCPKV_HOME: home, MCPKV_KEYCHAIN_SERVICE: service };
  const keychainCollection = useInMemoryCollection();

  const records = makeRecords(options.keys);
  let start = performance.now();
  const store = openNodeStore(home);
  await store.update((data) => ({
    data: { ...data, keys: Object.fromEntries(records.map((r) => [r.id, r])) },
    result: undefined,
  }));
  const buildRecordsMs = performance.now() - start;
  fs.mkdirSync(emptyHome, { recursive: true, mode: 0o700 });
  const emptyStore = openNodeStore(emptyHome);
  await emptyStore.update((data) => ({ data: { ...data }, result: undefined }));

  // Secrets: one keytar write per key. Two in flight keep the daemon busy without reordering much.
  const secrets = new KeytarSecretStore(service);
  const wanted = Math.min(options.secrets, records.length);
  start = performance.now();
  let next = 0;
  let done = 0;
  let lastReport = start;
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      while (next < wanted) {
        const record = records[next++]!;
        await secrets.set(record.id, record.source === 'generated' ? generateSecret(record.prefix) : `${record.prefix}${randomBytes(24).toString('base64url')}`);
        done++;
        if (performance.now() - lastReport > 10_000) {
          lastReport = performance.now();
          progress(`  secrets ${done}/${wanted} (${((lastReport - start) / 1000).toFixed(0)} s)`);
        }
      }
    }),
  );
  const buildSecretsMs = performance.now() - start;

  return {
    home,
    emptyHome,
    service,
    keys: records.length,
    secrets: wanted,
    fileBytes: fs.statSync(store.path).size,
    buildRecordsMs,
    buildSecretsMs,
    keychainCollection,
    env,
    async cleanup() {
      // The throwaway keyring goes away with its D-Bus session; a real one gets its entries back out.
      if (!inThrowawayKeyring()) {
        const keytar = (await import('keytar')).default;
        for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
