/**
 * The vault core against the real OS keychain (a private Secret Service) and a real store file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultError } from '../../shared/errors';
import { KeytarSecretStore, PROBE_ACCOUNT, PROBE_VALUE } from '../../electron/core/keychain';
import { MetadataStore, type JsonFileBackend } from '../../electron/core/store';
import { openNodeStore } from '../../electron/core/conf-store';
import { Vault } from '../../electron/core/vault';
import { ExportsService } from '../../electron/core/exports/exports-service';
import { keytar, makeTestVault, type TestVault } from '../helpers/test-vault';

let t: TestVault;
beforeEach(() => {
  t = makeTestVault();
});
afterEach(async () => {
  await t.cleanup();
});

async function expectCode(promise: Promise<unknown> | (() => unknown), code: string) {
  const run = typeof promise === 'function' ? Promise.resolve().then(promise) : promise;
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VaultError);
  expect((error as VaultError).code).toBe(code);
  return error as VaultError;
}

describe('create', () => {
  it('generates an mcp_sk_ key, puts the secret only in the keychain and the record only in the store', async () => {
    const key = await t.vault.create({ name: 'Production', description: 'prod server', permissions: ['chats:create', 'read'] });
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
    expect(key.secret).toMatch(/^mcp_sk_[0-9A-Za-z]{40}$/);
    expect(key.fingerprint).toBe(key.secret.slice(-4));
    expect(key.status).toBe('active');
    expect(key.source).toBe('generated');
    expect(Date.parse(key.expiresAt!) - Date.parse(key.createdAt)).toBe(90 * 86_400_000);

    expect((await t.keychain()).get(key.id)).toBe(key.secret);
    const files = t.files();
    expect(files.map((f) => path.basename(f.file))).toContain('vault.json');
    for (const { content } of files) expect(content.includes(key.secret), 'holds the secret').toBe(false);
    const stored = JSON.parse(fs.readFileSync(path.join(t.home, 'vault.json'), 'utf8'));
    expect(stored.keys[key.id].name).toBe('Production');
    expect(stored.keys[key.id]).not.toHaveProperty('status');
  });

  it('gives every key a different id and secret', async () => {
    const keys = await Promise.all(Array.from({ length: 20 }, (_, i) => t.vault.create({ name: `k${i}` })));
    expect(new Set(keys.map((k) => k.id)).size).toBe(20);
    expect(new Set(keys.map((k) => k.secret)).size).toBe(20);
    expect((await t.keychain()).size).toBe(20);
  });

  it('honours prefix, expiry days (0 = never), owner and metadata', async () => {
    const key = await t.vault.create({ name: 'ci', prefix: 'pmcp_', expiresInDays: 0, owner: 'a@b.c', metadata: { environment: 'ci' } });
    expect(key.secret.startsWith('pmcp_')).toBe(true);
    expect(key.expiresAt).toBeNull();
    expect(t.vault.get(key.id)).toMatchObject({ owner: 'a@b.c', metadata: { environment: 'ci' }, prefix: 'pmcp_' });
  });

  it('refuses a duplicate name in any case and changes nothing', async () => {
    await t.vault.create({ name: 'Prod' });
    const before = fs.readFileSync(path.join(t.home, 'vault.json'), 'utf8');
    const error = await expectCode(t.vault.create({ name: 'pROD' }), 'CONFLICT');
    expect(error.message).toContain('already exists');
    expect(fs.readFileSync(path.join(t.home, 'vault.json'), 'utf8')).toBe(before);
    expect((await t.keychain()).size).toBe(1);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    await expectCode(t.vault.create({ name: '' }), 'VALIDATION');
    await expectCode(t.vault.create({ name: 'x'.repeat(101) }), 'VALIDATION');
    await expectCode(t.vault.create({ name: 'ok', permissions: ['Bad Scope'] }), 'VALIDATION');
    await expectCode(t.vault.create({ name: 'ok', expiresInDays: -1 }), 'VALIDATION');
    await expectCode(t.vault.create({ name: 'ok', expiresAt: '2001-01-01T00:00:00Z' }), 'VALIDATION');
    await expectCode(t.vault.create({ name: 'ok', metadata: JSON.parse('{"__proto__":"x"}') as Record<string, string> }), 'VALIDATION');
    expect(t.vault.list()).toEqual([]);
    expect((await t.keychain()).size).toBe(0);
  });

  it('imports an existing secret, detecting its prefix', async () => {
    const key = await t.vault.create({ name: 'openai', importSecret: 'sk-proj-abcdef1234567890' });
    expect(key.source).toBe('imported');
    expect(key.prefix).toBe('sk-proj-');
    expect((await t.keychain()).get(key.id)).toBe('sk-proj-abcdef1234567890');
    await expectCode(t.vault.create({ name: 'two lines', importSecret: 'a\nb' }), 'VALIDATION');
    await expectCode(t.vault.create({ name: 'empty', importSecret: '' }), 'VALIDATION');
  });

  it('takes the secret out of the keychain again when the store write fails', async () => {
    const real = openNodeStore(t.home);
    const failing: JsonFileBackend = {
      path: real.path,
      get store() {
        return {};
      },
      set store(_value) {
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      },
    };
    const vault = new Vault({ store: new MetadataStore(failing), secrets: new KeytarSecretStore(t.service) });
    await expect(vault.create({ name: 'doomed' })).rejects.toThrow('disk full');
    expect((await t.keychain()).size).toBe(0);
  });
});

describe('the keychain check', () => {
  const accounts = async () => (await keytar.findCredentials(t.service)).map((c) => `${c.account}=${c.password}`);

  it('keeps one probe account holding only the word "probe", which no listing or test view counts as a key', async () => {
    await t.vault.secrets.check();
    expect(await accounts()).toEqual([`${PROBE_ACCOUNT}=${PROBE_VALUE}`]);
    await t.vault.secrets.check();
    expect(await accounts()).toEqual([`${PROBE_ACCOUNT}=${PROBE_VALUE}`]);
    expect(await t.vault.secrets.listIds()).toEqual([]);
    expect(await t.keychain()).toEqual(new Map());
    // Something else stored under the probe's name is put right by the next check.
    await keytar.setPassword(t.service, PROBE_ACCOUNT, 'not the probe');
    expect([...(await t.keychain()).keys()]).toEqual([PROBE_ACCOUNT]);
    await t.vault.secrets.check();
    expect(await accounts()).toEqual([`${PROBE_ACCOUNT}=${PROBE_VALUE}`]);
  });

  it('a secret that is really absent reads as null and deletes as false (the keychain is reachable and unlocked)', async () => {
    expect(await t.vault.secrets.get('0123456789abcdef')).toBeNull();
    expect(await t.vault.secrets.delete('0123456789abcdef')).toBe(false);
    expect(await t.keychain()).toEqual(new Map());
  });
});

describe('status', () => {
  it('is derived: expiring soon within 14 days, expired after expiry, revoked wins', async () => {
    const key = await t.vault.create({ name: 'short', expiresInDays: 10 });
    expect(t.vault.get(key.id)).toMatchObject({ status: 'active', expiringSoon: true });
    const later = t.open(() => Date.now() + 11 * 86_400_000);
    expect(later.get(key.id)).toMatchObject({ status: 'expired', expiringSoon: false });
    await t.vault.revoke(key.id);
    expect(later.get(key.id).status).toBe('revoked');
  });

  it('lists active keys only when asked', async () => {
    const a = await t.vault.create({ name: 'a' });
    await t.vault.create({ name: 'b' });
    await t.vault.revoke(a.id);
    expect(t.vault.list().map((k) => k.name).sort()).toEqual(['a', 'b']);
    expect(t.vault.list({ activeOnly: true }).map((k) => k.name)).toEqual(['b']);
  });
});

describe('edit', () => {
  it('changes fields, keeps the secret, and refuses a name another key has', async () => {
    const key = await t.vault.create({ name: 'one' });
    await t.vault.create({ name: 'two' });
    const edited = await t.vault.edit(key.id, { name: 'uno', description: 'd', permissions: ['files:read'], metadata: { service: 'x' }, expiresInDays: 30 });
    expect(edited).toMatchObject({ name: 'uno', description: 'd', permissions: ['files:read'], metadata: { service: 'x' } });
    expect(Date.parse(edited.expiresAt!)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    await expectCode(t.vault.edit(key.id, { name: 'TWO' }), 'CONFLICT');
    await expectCode(t.vault.edit('0123456789abcdef', { name: 'x' }), 'NOT_FOUND');
    expect((await t.keychain()).get(key.id)).toBe(key.secret);
  });
});

describe('revoke, delete, rotate', () => {
  it('revoke removes the secret from the keychain at once and keeps the record', async () => {
    const key = await t.vault.create({ name: 'r' });
    const revoked = await t.vault.revoke(key.id);
    expect(revoked.status).toBe('revoked');
    expect(revoked.revokedAt).not.toBeNull();
    expect((await t.keychain()).has(key.id)).toBe(false);
    expect(t.vault.get(key.id).status).toBe('revoked');
    await expectCode(t.vault.secretOf(key.id), 'KEY_INACTIVE');
    await expectCode(t.vault.rotate(key.id), 'KEY_INACTIVE');
  });

  it('delete removes record and secret', async () => {
    const key = await t.vault.create({ name: 'd' });
    const other = await t.vault.create({ name: 'keep' });
    await t.vault.delete(key.id);
    expect(t.vault.list().map((k) => k.id)).toEqual([other.id]);
    expect([...(await t.keychain()).keys()]).toEqual([other.id]);
    await expectCode(t.vault.delete(key.id), 'NOT_FOUND');
  });

  it('rotate gives a new secret under the same id and removes the old one', async () => {
    const key = await t.vault.create({ name: 'rot', expiresInDays: 30 });
    const rotated = await t.vault.rotate(key.id);
    expect(rotated.id).toBe(key.id);
    expect(rotated.secret).not.toBe(key.secret);
    expect(rotated.secret).toMatch(/^mcp_sk_[0-9A-Za-z]{40}$/);
    expect(rotated.rotatedAt).not.toBeNull();
    expect(rotated.fingerprint).toBe(rotated.secret.slice(-4));
    const stored = await t.keychain();
    expect(stored.get(key.id)).toBe(rotated.secret);
    expect([...stored.values()].includes(key.secret), 'holds the secret').toBe(false);
    // A fresh period of the same length.
    expect(Date.parse(rotated.expiresAt!) - Date.parse(rotated.rotatedAt!)).toBeCloseTo(30 * 86_400_000, -4);
  });

  it('rotate of an imported key needs the new value', async () => {
    const key = await t.vault.create({ name: 'imp', importSecret: 'sk-old-value-0000001' });
    await expectCode(t.vault.rotate(key.id), 'VALIDATION');
    const rotated = await t.vault.rotate(key.id, { newSecret: 'sk-new-value-0000002' });
    expect(rotated.fingerprint).toBe('0002');
    expect((await t.keychain()).get(key.id)).toBe('sk-new-value-0000002');
  });
});

describe('use and enable-requirement', () => {
  it('creates a new .env with mode 0600 and counts the use', async () => {
    const key = await t.vault.create({ name: 'u' });
    const env = path.join(t.home, 'project', '.env');
    fs.mkdirSync(path.dirname(env));
    const result = await new ExportsService(t.vault).use(key.id, { envPath: env });
    expect(result.changed).toEqual(['MCP_API_KEY', 'API_KEY_REQUIRED']);
    expect(fs.readFileSync(env, 'utf8')).toBe(`MCP_API_KEY=${key.secret}\nAPI_KEY_REQUIRED=true\n`);
    expect(fs.statSync(env).mode & 0o777).toBe(0o600);
    const used = t.vault.get(key.id);
    expect(used.usageCount).toBe(1);
    expect(used.lastUsedAt).not.toBeNull();
  });

  it('upserts into an existing file, keeping every other byte and its CRLF, leaving it owner-only', async () => {
    const key = await t.vault.create({ name: 'u2' });
    const env = path.join(t.home, '.env');
    const before = '# settings\r\nexport MCP_API_KEY="old"  # the key\r\n\r\nOTHER=1\r\nAPI_KEY_REQUIRED=false\r\n';
    fs.writeFileSync(env, before, { mode: 0o640 });
    fs.chmodSync(env, 0o640);
    const result = await new ExportsService(t.vault).use(key.id, { envPath: env, varName: 'MCP_API_KEY' });
    expect(fs.readFileSync(env, 'utf8')).toBe(
      `# settings\r\nexport MCP_API_KEY="${key.secret}"  # the key\r\n\r\nOTHER=1\r\nAPI_KEY_REQUIRED=true\r\n`,
    );
    // It receives a secret: group and others lose access, and the caller is told (test/integration/hostile-project.test.ts).
    expect(fs.statSync(env).mode & 0o777).toBe(0o600);
    expect(result.tightened).toEqual({ was: '640', now: '600' });
  });

  it('honours a custom variable and --no-require', async () => {
    const key = await t.vault.create({ name: 'u3' });
    const env = path.join(t.home, '.env.local');
    const result = await new ExportsService(t.vault).use(key.id, { envPath: env, varName: 'PLEXMCP_API_KEY', require: false });
    expect(result.changed).toEqual(['PLEXMCP_API_KEY']);
    expect(fs.readFileSync(env, 'utf8')).toBe(`PLEXMCP_API_KEY=${key.secret}\n`);
    await expectCode(new ExportsService(t.vault).use(key.id, { envPath: env, varName: '1BAD' }), 'VALIDATION');
  });

  it('refuses revoked and expired keys, writing nothing', async () => {
    const revoked = await t.vault.create({ name: 'rev' });
    await t.vault.revoke(revoked.id);
    const env = path.join(t.home, '.env');
    const error = await expectCode(new ExportsService(t.vault).use(revoked.id, { envPath: env }), 'KEY_INACTIVE');
    expect(error.message).toContain('revoked');
    const soon = await t.vault.create({ name: 'soon', expiresInDays: 1 });
    await expectCode(new ExportsService(t.open(() => Date.now() + 2 * 86_400_000)).use(soon.id, { envPath: env }), 'KEY_INACTIVE');
    expect(fs.existsSync(env)).toBe(false);
  });

  it('enable-requirement sets API_KEY_REQUIRED=true only', async () => {
    const env = path.join(t.home, '.env');
    fs.writeFileSync(env, 'A=1\nAPI_KEY_REQUIRED=false');
    expect((await new ExportsService(t.vault).enableRequirement(env)).changed).toEqual(['API_KEY_REQUIRED']);
    expect(fs.readFileSync(env, 'utf8')).toBe('A=1\nAPI_KEY_REQUIRED=true');
    expect((await new ExportsService(t.vault).enableRequirement(env)).changed).toEqual([]);
  });
});

describe('one vault for many processes', () => {
  it('two vault instances on the same files see each other and lose nothing when writing at once', async () => {
    const a = t.open();
    const b = t.open();
    await Promise.all([
      ...Array.from({ length: 25 }, (_, i) => a.create({ name: `a${i}` })),
      ...Array.from({ length: 25 }, (_, i) => b.create({ name: `b${i}` })),
    ]);
    expect(a.list()).toHaveLength(50);
    expect(b.list()).toHaveLength(50);
    expect((await t.keychain()).size).toBe(50);
  });

  it('reports an unreadable store in words', async () => {
    fs.writeFileSync(path.join(t.home, 'vault.json'), '{"version":1,"keys":');
    await expectCode(() => openNodeStore(t.home), 'STORE_UNREADABLE');
  });

  it('refuses a store from a newer version', async () => {
    fs.writeFileSync(path.join(t.home, 'vault.json'), JSON.stringify({ version: 99, keys: {} }));
    const error = await expectCode(() => t.open().list(), 'STORE_UNREADABLE');
    expect(error.message).toContain('newer');
  });
});
