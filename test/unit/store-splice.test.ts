/**
 * Spliced store writes (store.ts spliceStoreText): a change to a few records is written by replacing them in the
 * text, and must give exactly what a full encode gives; anything else falls back to the full encode (null).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MetadataStore, openBackend, serializeStore, spliceStoreText, storeFilePath, type VaultData } from '../../electron/core/store';
import { keyRecord } from '../helpers/key-builders';

const NOW = Date.parse('2026-06-01T00:00:00.000Z');

function vaultOf(count: number, extra: Record<string, unknown> = {}): VaultData {
  const keys = Object.fromEntries(
    Array.from({ length: count }, (_, i) => {
      const record = keyRecord(NOW, { id: i.toString(16).padStart(16, '0'), name: `key ${i} “ünïcode” {braces} "quotes"`, usageCount: i });
      return [record.id, record];
    }),
  );
  return { version: 1, keys, exports: [{ keyId: '0000000000000001', file: '/p/.env', variable: 'X' }], ...extra };
}

/** What reading the file gives: the text and its parse (as StoreFile remembers them). */
function based(data: VaultData) {
  const text = serializeStore(data).toString('utf8');
  return { text, value: JSON.parse(text) as Record<string, unknown> };
}

describe('spliceStoreText', () => {
  it('gives what a full encode gives, for any few records changed', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(49), { minLength: 1, maxLength: 8 }), fc.string(), fc.nat(), (indexes, note, uses) => {
        const base = based(vaultOf(50));
        const keys = { ...(base.value.keys as VaultData['keys']) };
        for (const i of indexes) {
          const id = i.toString(16).padStart(16, '0');
          keys[id] = { ...keys[id]!, usageCount: uses, description: note, lastUsedAt: new Date(NOW).toISOString() };
        }
        const next = { ...base.value, keys };
        expect(spliceStoreText(base, next)).toBe(serializeStore(next).toString('utf8'));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses (full encode instead) when keys are added, removed or reordered, or another field changes', () => {
    const base = based(vaultOf(5));
    const keys = base.value.keys as VaultData['keys'];
    const [first, ...rest] = Object.keys(keys);
    const without = { ...keys };
    delete without[first!];
    expect(spliceStoreText(base, { ...base.value, keys: without })).toBeNull();
    expect(spliceStoreText(base, { ...base.value, keys: { ...keys, ffffffffffffffff: keyRecord(NOW, { id: 'ffffffffffffffff' }) } })).toBeNull();
    expect(spliceStoreText(base, { ...base.value, keys: Object.fromEntries([...rest, first!].map((id) => [id, keys[id]])) })).toBeNull();
    expect(spliceStoreText(base, { ...base.value, exports: [] })).toBeNull();
    expect(spliceStoreText(base, { ...base.value, projects: [] })).toBeNull();
  });

  it('refuses a text it did not write compactly, or where the old record is not found exactly once', () => {
    const data = vaultOf(3);
    const value = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
    const id = Object.keys(data.keys)[1]!;
    const next = { ...value, keys: { ...(value.keys as VaultData['keys']), [id]: { ...data.keys[id]!, usageCount: 99 } } };
    expect(spliceStoreText({ text: JSON.stringify(value, null, 2), value }, next)).toBeNull();
    const compact = serializeStore(data).toString('utf8');
    const entry = `"${id}":${JSON.stringify(data.keys[id])}`;
    expect(spliceStoreText({ text: `${compact}${entry}`, value }, next)).toBeNull();
    expect(spliceStoreText({ text: compact, value }, next)).toBe(serializeStore(next).toString('utf8'));
  });
});

describe('the store writes through it', () => {
  let home: string;
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('an update of one record is spliced in: every other byte as it was, readable by a fresh open', async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-splice-'));
    // One record the updates leave alone is written with an escape a full encode would not use (`\u00fc` for ü): it
    // stays only if the writes splice the changed records in rather than encode the whole file.
    const escaped = 'key 100 “\\u00fcnïcode”';
    const base = serializeStore(vaultOf(200)).toString('utf8').replace('key 100 “ünïcode”', escaped);
    expect(base).toContain(escaped);
    fs.writeFileSync(storeFilePath(home), base, { mode: 0o600 });
    const store = new MetadataStore(openBackend(home));
    for (let round = 0; round < 3; round++) {
      await store.update((data) => {
        const id = Object.keys(data.keys)[round * 7]!;
        return { data: { ...data, keys: { ...data.keys, [id]: { ...data.keys[id]!, usageCount: 1000 + round } } }, result: undefined };
      });
    }
    const written = fs.readFileSync(storeFilePath(home), 'utf8');
    const fresh = new MetadataStore(openBackend(home)).read();
    expect(written, 'spliced: the untouched record keeps its escape').toContain(escaped);
    expect(written.replace(escaped, 'key 100 “ünïcode”')).toBe(serializeStore(fresh).toString('utf8'));
    expect(fresh.keys[(100).toString(16).padStart(16, '0')]!.name).toBe('key 100 “ünïcode” {braces} "quotes"');
    expect([0, 7, 14].map((i) => fresh.keys[Object.keys(fresh.keys)[i]!]!.usageCount)).toEqual([1000, 1001, 1002]);
    expect(Object.keys(fresh.keys)).toHaveLength(200);
    expect(fs.statSync(storeFilePath(home)).mode & 0o777).toBe(0o600);
  });
});
