/**
 * The `mcpkv` CLI as users run it: a real process, the real keychain, a real store and real files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyView, KeyWithSecret } from '../../shared/types';
import { makeTestVault, parseJson, runCli, type TestVault } from '../helpers/test-vault';

let t: TestVault;
beforeEach(() => {
  t = makeTestVault();
});
afterEach(async () => {
  await t.cleanup();
});

const cli = (args: string[], input?: string, cwd?: string) => runCli(args, t.env, { input, cwd });

function expectOneLineError(result: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
}

describe('mcpkv create / list / view', () => {
  it('creates a key, prints its value once with its id, and stores the value only in the keychain', async () => {
    const result = await cli(['create', 'Production Key', '-d', 'Key for production MCP server', '-e', '90', '-p', 'chats:create', '-p', 'models:read', '--owner', 'dev@example.com', '--meta', 'environment=production']);
    expect(result.code).toBe(0);
    const secret = result.stdout.match(/mcp_sk_[0-9A-Za-z]{40}/)?.[0];
    expect(secret).toBeDefined();
    expect(result.stdout.split(secret!).length - 1).toBe(1);
    const [id] = [...(await t.keychain()).keys()];
    expect(result.stdout).toContain(id!);
    expect((await t.keychain()).get(id!)).toBe(secret);
    for (const { content } of t.files()) expect(content.includes(secret!), 'holds the secret').toBe(false);

    const view = parseJson<KeyView>(await cli(['view', id!, '--json']));
    expect(view).toMatchObject({
      id,
      name: 'Production Key',
      description: 'Key for production MCP server',
      owner: 'dev@example.com',
      permissions: ['chats:create', 'models:read'],
      metadata: { environment: 'production' },
      source: 'generated',
      prefix: 'mcp_sk_',
      fingerprint: secret!.slice(-4),
      status: 'active',
      expiringSoon: false,
      usageCount: 0,
    });
    expect(view).not.toHaveProperty('secret');
  });

  it('--json prints exactly one JSON value, with the secret only where the plain command shows it', async () => {
    const created = parseJson<KeyWithSecret>(await cli(['create', 'a', '--json']));
    expect(created.secret).toMatch(/^mcp_sk_/);
    const list = parseJson<KeyView[]>(await cli(['list', '--json']));
    expect(list.map((k) => k.id)).toEqual([created.id]);
    expect(list[0]).not.toHaveProperty('secret');
    const shown = parseJson<KeyWithSecret[]>(await cli(['list', '--show-keys', '--json']));
    expect(shown[0]!.secret).toBe(created.secret);
  });

  it('lists keys in a table with masked values, or the values with -k; -a hides inactive keys', async () => {
    const a = parseJson<KeyWithSecret>(await cli(['create', 'alpha', '--json']));
    const b = parseJson<KeyWithSecret>(await cli(['create', 'beta', '--json']));
    await cli(['revoke', b.id]);
    const table = await cli(['list']);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+KEY\s+STATUS/);
    expect(table.stdout).toContain(`mcp_sk_…${a.secret.slice(-4)}`);
    expect(table.stdout.includes(a.secret), 'holds the secret').toBe(false);
    expect(table.stdout).toMatch(/beta .*revoked/);
    const active = await cli(['list', '-a']);
    expect(active.stdout).toContain('alpha');
    expect(active.stdout).not.toContain('beta');
    expect((await cli(['list', '-k'])).stdout).toContain(a.secret);
  });

  it('imports a key from stdin, trimming and reporting whitespace, never echoing it', async () => {
    const result = await cli(['create', 'imported', '--import', '--json'], '  pmcp_existing_value_123\n');
    const key = parseJson<KeyView>(result);
    expect(result.stderr).toContain('whitespace was trimmed');
    expect(result.stdout).not.toContain('pmcp_existing_value_123');
    expect(key).toMatchObject({ source: 'imported', prefix: 'pmcp_', fingerprint: '_123' });
    expect((await t.keychain()).get(key.id)).toBe('pmcp_existing_value_123');
    expectOneLineError(await cli(['create', 'multi', '--import'], 'line1\nline2\n'), /single line/);
    expectOneLineError(await cli(['create', 'empty', '--import'], '   \n'), /empty/);
    expect(parseJson<KeyView[]>(await cli(['list', '--json']))).toHaveLength(1);
  });

  it('create -u writes the key into ./.env', async () => {
    const project = path.join(t.home, 'proj');
    fs.mkdirSync(project);
    const result = await cli(['create', 'with-env', '-u', '--json'], undefined, project);
    const key = parseJson<KeyWithSecret & { env: { file: string; changed: string[] } }>(result);
    expect(key.env).toEqual({ file: path.join(project, '.env'), changed: ['MCP_API_KEY', 'API_KEY_REQUIRED'] });
    expect(fs.readFileSync(path.join(project, '.env'), 'utf8')).toBe(`MCP_API_KEY=${key.secret}\nAPI_KEY_REQUIRED=true\n`);
  });

  it('finds keys by id, unique id prefix or name', async () => {
    const key = parseJson<KeyWithSecret>(await cli(['create', 'Findable', '--json']));
    expect(parseJson<KeyView>(await cli(['view', key.id.slice(0, 6), '--json'])).id).toBe(key.id);
    expect(parseJson<KeyView>(await cli(['view', 'findable', '--json'])).id).toBe(key.id);
  });
});

describe('mcpkv edit / revoke / delete / rotate', () => {
  it('edits fields', async () => {
    const key = parseJson<KeyWithSecret>(await cli(['create', 'e', '-p', 'read', '--meta', 'a=1', '--meta', 'b=2', '--json']));
    const edited = parseJson<KeyView>(await cli(['edit', key.id, '-n', 'renamed', '-d', 'new', '-p', 'write', '--meta', 'a=', '--meta', 'c=3', '-e', '0', '--json']));
    expect(edited).toMatchObject({ name: 'renamed', description: 'new', permissions: ['write'], metadata: { b: '2', c: '3' }, expiresAt: null });
    expectOneLineError(await cli(['edit', key.id]), /Nothing to change/);
  });

  it('revoke removes the value from the keychain; delete removes everything', async () => {
    const key = parseJson<KeyWithSecret>(await cli(['create', 'r', '--json']));
    const revoked = parseJson<KeyView>(await cli(['revoke', key.id, '--json']));
    expect(revoked.status).toBe('revoked');
    expect((await t.keychain()).has(key.id)).toBe(false);
    expect((await cli(['revoke', key.id])).stdout).toContain('already revoked');
    expectOneLineError(await cli(['use', key.id, '--env', path.join(t.home, '.env')]), /revoked/);
    expect((await cli(['delete', key.id])).code).toBe(0);
    expect(parseJson<KeyView[]>(await cli(['list', '--json']))).toEqual([]);
  });

  it('rotate prints the new value once; the old value is gone from the keychain', async () => {
    const key = parseJson<KeyWithSecret>(await cli(['create', 'rot', '--json']));
    const result = await cli(['rotate', key.id]);
    const secret = result.stdout.match(/mcp_sk_[0-9A-Za-z]{40}/)?.[0];
    expect(secret).toBeDefined();
    expect(secret).not.toBe(key.secret);
    expect(result.stdout).toContain(key.id);
    const stored = await t.keychain();
    expect(stored.get(key.id)).toBe(secret);
    expect([...stored.values()].includes(key.secret), 'holds the secret').toBe(false);
    const json = parseJson<KeyWithSecret>(await cli(['rotate', key.id, '--json']));
    expect(json.id).toBe(key.id);
    expect((await t.keychain()).get(key.id)).toBe(json.secret);
  });

  it('rotate of an imported key reads the new value from stdin', async () => {
    const key = parseJson<KeyView>(await cli(['create', 'imp', '--import', '--json'], 'sk-first-value-0001'));
    expectOneLineError(await cli(['rotate', key.id]), /imported/);
    const rotated = parseJson<KeyView>(await cli(['rotate', key.id, '--import', '--json'], 'sk-second-value-0002\n'));
    expect(rotated.fingerprint).toBe('0002');
    expect(rotated.rotatedAt).not.toBeNull();
    expect((await t.keychain()).get(key.id)).toBe('sk-second-value-0002');
  });
});

describe('mcpkv use / enable-requirement', () => {
  it('use upserts MCP_API_KEY and API_KEY_REQUIRED and reports { file, changed }', async () => {
    const key = parseJson<KeyWithSecret>(await cli(['create', 'u', '--json']));
    const env = path.join(t.home, '.env');
    fs.writeFileSync(env, '# keep me\nMCP_API_KEY=old\n', { mode: 0o600 });
    const result = parseJson<{ file: string; changed: string[] }>(await cli(['use', key.id, '--env', env, '--json']));
    expect(result).toEqual({ file: env, changed: ['MCP_API_KEY', 'API_KEY_REQUIRED'] });
    expect(fs.readFileSync(env, 'utf8')).toBe(`# keep me\nMCP_API_KEY=${key.secret}\nAPI_KEY_REQUIRED=true\n`);
    const again = parseJson<{ changed: string[] }>(await cli(['use', key.id, '--env', env, '--var', 'OTHER_KEY', '--no-require', '--json']));
    expect(again.changed).toEqual(['OTHER_KEY']);
    expect(parseJson<KeyView>(await cli(['view', key.id, '--json'])).usageCount).toBe(2);
  });

  it('use writes the variable named by the defaultEnvVar setting when --var is not given', async () => {
    const key = parseJson<KeyWithSecret>(await cli(['create', 'setting', '--json']));
    expect((await cli(['settings', '--default-var', 'TEAM_MCP_KEY'])).code).toBe(0);
    const env = path.join(t.home, '.env');
    expect(parseJson<{ changed: string[] }>(await cli(['use', key.id, '--env', env, '--no-require', '--json'])).changed).toEqual(['TEAM_MCP_KEY']);
    expect(fs.readFileSync(env, 'utf8')).toBe(`TEAM_MCP_KEY=${key.secret}\n`);
  });

  it('enable-requirement sets API_KEY_REQUIRED=true', async () => {
    const env = path.join(t.home, '.env');
    const result = parseJson<{ file: string; changed: string[] }>(await cli(['enable-requirement', '--env', env, '--json']));
    expect(result).toEqual({ file: env, changed: ['API_KEY_REQUIRED'] });
    expect(fs.readFileSync(env, 'utf8')).toBe('API_KEY_REQUIRED=true\n');
    expect(fs.statSync(env).mode & 0o777).toBe(0o600);
  });
});

describe('mcpkv errors and help', () => {
  it('says what is wrong in one line on stderr, with a non-zero exit', async () => {
    expectOneLineError(await cli(['view', '0123456789abcdef']), /No key matches/);
    expectOneLineError(await cli(['create', 'x', '-e', 'soon']), /expires-in-days/);
    expectOneLineError(await cli(['create', 'x', '-p', 'NOT VALID']), /Permission/);
    const unknown = await cli(['frobnicate']);
    expectOneLineError(unknown, /unknown command/);
    expect(unknown.code).toBe(2);
    await cli(['create', 'dup']);
    expectOneLineError(await cli(['create', 'DUP']), /already exists/);
  });

  it('never echoes a secret pasted where an id belongs', async () => {
    const result = await cli(['view', 'mcp_sk_AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHHIIIIJJJJ']);
    expectOneLineError(result, /No key matches that id or name/);
    expect(result.stderr).not.toContain('AAAABBBB');
    // Nor in an option's value, where commander would quote it.
    const option = await cli(['settings', '--clear-after', 'mcp_sk_AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHHIIIIJJJJ']);
    expectOneLineError(option, /--clear-after/);
    expect(option.stderr).not.toContain('AAAABBBB');
    const meta = await cli(['create', 'x', '--meta', 'mcp_sk_AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHHIIIIJJJJ']);
    expectOneLineError(meta, /--meta takes KEY=VALUE/);
    expect(meta.stderr).not.toContain('AAAABBBB');
  });

  it('explains what to install or start when no keychain is available', async () => {
    const env = { ...t.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    const result = await runCli(['create', 'nokeychain'], env);
    expectOneLineError(result, /keychain is not available.*Secret Service/);
    expect(t.vault.list()).toEqual([]);
  });

  it('says the same when there is no D-Bus session at all', async () => {
    const env = { ...t.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    expectOneLineError(await runCli(['create', 'nobus'], env), /keychain is not available.*Secret Service/);
  });

  it('reports a store it cannot read at all in one line (a broken one is rebuilt: see hardening.test.ts)', async () => {
    fs.mkdirSync(path.join(t.home, 'vault.json'));
    expectOneLineError(await cli(['list']), /vault file .*vault\.json is unreadable: it could not be read/);
    expect(fs.statSync(path.join(t.home, 'vault.json')).isDirectory()).toBe(true);
  });

  it('has --help for the tool and every command', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    const commands = ['create', 'list', 'view', 'edit', 'revoke', 'delete', 'rotate', 'use', 'enable-requirement'];
    for (const command of commands) expect(top.stdout).toContain(command);
    for (const command of commands) {
      const help = await cli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: mcpkv ${command}`);
    }
  });
});

describe('app and CLI at once', () => {
  // The timeouts here are hang guards, not timings: 16 processes on a busy 2-core machine may take minutes.
  it('concurrent CLI processes lose no change', { timeout: 180_000 }, async () => {
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => cli(['create', `parallel-${i}`, '--json'])));
    for (const result of results) expect(result.code).toBe(0);
    expect(parseJson<KeyView[]>(await cli(['list', '--json']))).toHaveLength(16);
    // The in-process vault (as the app holds it) sees them all, and its own writes keep them.
    await t.vault.create({ name: 'from-app' });
    expect(parseJson<KeyView[]>(await cli(['list', '--json']))).toHaveLength(17);
  });
});
