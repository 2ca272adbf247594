/**
 * Projects and exports through the IPC layer: real folders, real git, real files, the real keychain.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportPreview, ExportReport, ExportView, GitState, ScanCandidate } from '../../shared/exports';
import type { KeyView, KeyWithSecret } from '../../shared/types';
import { makeIpcHarness, type IpcHarness } from '../helpers/ipc-harness';
import { makeTestVault, parseJson, runCli, type TestVault } from '../helpers/test-vault';

let t: TestVault;
let ipc: IpcHarness;
let projectDir: string;

beforeEach(() => {
  t = makeTestVault();
  projectDir = path.join(t.home, 'my-app');
  fs.mkdirSync(projectDir);
  ipc = makeIpcHarness(t.vault);
  ipc.chooseFolderNext(projectDir);
});
afterEach(async () => {
  await t.cleanup();
});

const ok = <T>(channel: string, payload: unknown = {}) => ipc.ok<T>(channel, payload);
const fails = (channel: string, payload: unknown, code: string) => ipc.fails(channel, payload, code);

const git = (...args: string[]) => execFileSync('git', ['-C', projectDir, ...args], { stdio: 'pipe' });

async function addProject(): Promise<string> {
  return (await ok<{ id: string }>('projects:add')).id;
}

describe('projects', () => {
  it('adds a folder through the dialog, lists its .env* files and forgets it on remove', async () => {
    fs.writeFileSync(path.join(projectDir, '.env'), 'A=1\n');
    fs.writeFileSync(path.join(projectDir, '.env.local'), 'B=2\n');
    fs.writeFileSync(path.join(projectDir, 'README.md'), 'no');
    const id = await addProject();
    expect(await ok('projects:add')).toMatchObject({ id }); // the same folder is not added twice
    ipc.chooseFolderNext(null);
    expect(await ok('projects:add')).toBeNull(); // cancelled
    const [project] = await ok<{ name: string; path: string; available: boolean }[]>('projects:list');
    expect(project).toMatchObject({ name: 'my-app', path: fs.realpathSync(projectDir), available: true });
    const files = await ok<{ name: string }[]>('projects:files', { projectId: id });
    expect(files.map((f) => f.name)).toEqual(['.env', '.env.local']);
    await ok('projects:remove', { projectId: id });
    expect(await ok('projects:list')).toEqual([]);
  });

  it('never resolves a path outside the project', async () => {
    const id = await addProject();
    const key = await ok<KeyWithSecret>('keys:create', { name: 'k' });
    const request = (fileName: string) => ({ projectId: id, fileName, keys: [{ keyId: key.id, variable: 'MCP_API_KEY' }], require: true });
    for (const fileName of ['../.env', 'sub/.env', '/etc/passwd', '.env/../../x', 'notenv', '.env\u0000x']) {
      await fails('exports:write', request(fileName), 'VALIDATION');
    }
    const outside = path.join(t.home, 'outside.env');
    fs.writeFileSync(outside, 'KEEP=1\n');
    fs.symlinkSync(outside, path.join(projectDir, '.env.linked'));
    expect(await fails('exports:write', request('.env.linked'), 'FORBIDDEN')).toContain('outside the project');
    expect(fs.readFileSync(outside, 'utf8')).toBe('KEEP=1\n');
    // A link that stays inside the project is fine, and stays a link.
    fs.writeFileSync(path.join(projectDir, '.env.real'), '');
    fs.symlinkSync('.env.real', path.join(projectDir, '.env.inner'));
    await ok('exports:write', request('.env.inner'));
    expect(fs.lstatSync(path.join(projectDir, '.env.inner')).isSymbolicLink()).toBe(true);
    expect(parse(fs.readFileSync(path.join(projectDir, '.env.real'), 'utf8')).MCP_API_KEY).toBe(key.secret);
    await fails('exports:write', { ...request('.env'), projectId: '0000000000000000' }, 'NOT_FOUND');
  });
});

describe('use: preview and write', () => {
  it('previews the whole change with every key masked, then writes several keys in one go', async () => {
    const id = await addProject();
    const a = await ok<KeyWithSecret>('keys:create', { name: 'Alpha' });
    const b = await ok<KeyWithSecret>('keys:create', { name: 'Beta service' });
    const envFile = path.join(projectDir, '.env');
    const before = '# my app\r\nPORT=3000\r\nMCP_API_KEY=old-value-of-the-key\r\n';
    fs.writeFileSync(envFile, before);
    const variables = await ok<Record<string, string>>('exports:variables', { projectId: id, keyIds: [a.id, b.id] });
    expect(variables).toEqual({ [a.id]: 'MCP_API_KEY', [b.id]: 'BETA_SERVICE_API_KEY' });
    const request = { projectId: id, fileName: '.env', keys: [{ keyId: a.id, variable: 'MCP_API_KEY' }, { keyId: b.id, variable: 'BETA_SERVICE_API_KEY' }], require: true };

    const preview = await ok<ExportPreview>('exports:preview', request);
    const shown = JSON.stringify(preview);
    expect(shown.includes(a.secret), 'holds the secret').toBe(false);
    expect(shown.includes(b.secret), 'holds the secret').toBe(false);
    expect(shown).not.toContain('old-value-of-the-key');
    expect(preview.changed).toEqual(['MCP_API_KEY', 'BETA_SERVICE_API_KEY', 'API_KEY_REQUIRED']);
    expect(preview.diff).toContainEqual({ kind: 'removed', text: 'MCP_API_KEY=••••' });
    expect(preview.diff).toContainEqual({ kind: 'added', text: `MCP_API_KEY=mcp_sk_…${a.secret.slice(-4)}` });
    expect(preview.diff).toContainEqual({ kind: 'same', text: 'PORT=••••' }); // every value of the file is hidden
    expect(fs.readFileSync(envFile, 'utf8')).toBe(before); // a preview writes nothing

    const written = await ok<{ changed: string[] }>('exports:write', request);
    expect(written.changed).toEqual(preview.changed);
    const after = fs.readFileSync(envFile, 'utf8');
    expect(after).toBe(`# my app\r\nPORT=3000\r\nMCP_API_KEY=${a.secret}\r\nBETA_SERVICE_API_KEY=${b.secret}\r\nAPI_KEY_REQUIRED=true\r\n`);

    const used = await ok<ExportView[]>('exports:forKey', { id: a.id });
    expect(used).toMatchObject([{ projectId: id, projectName: 'my-app', fileLabel: '.env', variable: 'MCP_API_KEY' }]);
    expect((await ok<KeyView>('keys:get', { id: b.id })).usageCount).toBe(1);
    // Remembered per project and key.
    expect(await ok('exports:variables', { projectId: id, keyIds: [b.id] })).toEqual({ [b.id]: 'BETA_SERVICE_API_KEY' });
  });

  it('masks every key already in the file, not only the ones being written', async () => {
    const id = await addProject();
    const a = await ok<KeyWithSecret>('keys:create', { name: 'Alpha' });
    const b = await ok<KeyWithSecret>('keys:create', { name: 'Beta' });
    const c = await ok<KeyWithSecret>('keys:create', { name: 'Gamma' });
    // b was written here before under its own variable; c was pasted by hand under a name that does not say "key".
    await ok('exports:write', { projectId: id, fileName: '.env', keys: [{ keyId: b.id, variable: 'BETA' }], require: false });
    fs.appendFileSync(path.join(projectDir, '.env'), `UPSTREAM=${c.secret}\nLEGACY_TOKEN=not-a-vault-key-but-a-token\nPORT=3000\n`);

    const preview = await ok<ExportPreview>('exports:preview', { projectId: id, fileName: '.env', keys: [{ keyId: a.id, variable: 'MCP_API_KEY' }], require: false });
    const shown = JSON.stringify(preview);
    for (const secret of [a.secret, b.secret, c.secret, 'not-a-vault-key-but-a-token']) expect(shown.includes(secret), 'holds a secret').toBe(false);
    expect(preview.diff).toContainEqual({ kind: 'same', text: 'BETA=••••' });
    expect(preview.diff).toContainEqual({ kind: 'same', text: 'UPSTREAM=••••' });
    expect(preview.diff).toContainEqual({ kind: 'same', text: 'PORT=••••' });
  });

  it('refuses revoked keys and duplicate variables, writing nothing', async () => {
    const id = await addProject();
    const a = await ok<KeyWithSecret>('keys:create', { name: 'A' });
    const b = await ok<KeyWithSecret>('keys:create', { name: 'B' });
    await ok('keys:revoke', { id: b.id });
    const base = { projectId: id, fileName: '.env', require: false };
    await fails('exports:write', { ...base, keys: [{ keyId: b.id, variable: 'X' }] }, 'KEY_INACTIVE');
    await fails('exports:write', { ...base, keys: [{ keyId: a.id, variable: 'X' }, { keyId: a.id, variable: 'X' }] }, 'VALIDATION');
    await fails('exports:write', { ...base, keys: [] }, 'VALIDATION');
    expect(fs.existsSync(path.join(projectDir, '.env'))).toBe(false);
  });

  it('warns when git would not ignore the file, and one click adds it to .gitignore', async () => {
    git('init', '-q');
    const id = await addProject();
    const key = await ok<KeyWithSecret>('keys:create', { name: 'k' });
    const preview = await ok<ExportPreview>('exports:preview', { projectId: id, fileName: '.env', keys: [{ keyId: key.id, variable: 'MCP_API_KEY' }], require: true });
    expect(preview.git).toEqual({ repo: true, ignored: false, tracked: false });
    fs.writeFileSync(path.join(projectDir, '.gitignore'), 'node_modules/');
    const fixed = await ok<GitState>('exports:ignoreInGit', { projectId: id, fileName: '.env' });
    expect(fixed).toEqual({ repo: true, ignored: true, tracked: false });
    expect(fs.readFileSync(path.join(projectDir, '.gitignore'), 'utf8')).toBe('node_modules/\n/.env\n');
    // A tracked file stays a risk even when ignored.
    fs.writeFileSync(path.join(projectDir, '.env.local'), 'A=1\n');
    git('add', '-f', '.env.local');
    const files = await ok<{ name: string; git: GitState }[]>('projects:files', { projectId: id });
    expect(files.find((f) => f.name === '.env.local')!.git).toMatchObject({ repo: true, tracked: true });
  });
});

describe('rotation reaches every file; revoke and delete can clean up', () => {
  it('rotate rewrites the key in every file it was exported to and reports each', async () => {
    const id = await addProject();
    const key = await ok<KeyWithSecret>('keys:create', { name: 'rot' });
    const write = (fileName: string, variable: string) =>
      ok('exports:write', { projectId: id, fileName, keys: [{ keyId: key.id, variable }], require: false });
    await write('.env', 'MCP_API_KEY');
    await write('.env.local', 'OTHER_KEY');
    await write('.env.test', 'MCP_API_KEY');
    // One file edited by hand, one deleted.
    fs.writeFileSync(path.join(projectDir, '.env.test'), 'MCP_API_KEY=my-own-test-value\n');
    const outsideProject = path.join(t.home, 'elsewhere.env');
    expect((await runCli(['use', key.id, '--env', outsideProject, '--no-require'], t.env)).code).toBe(0);
    fs.rmSync(path.join(projectDir, '.env.local'));

    const rotated = await ok<KeyWithSecret & { exports: ExportReport[] }>('keys:rotate', { id: key.id });
    const outcomes = Object.fromEntries(rotated.exports.map((r) => [path.basename(r.file), r.outcome]));
    expect(outcomes).toEqual({ '.env': 'updated', '.env.local': 'missing', '.env.test': 'changed-by-hand', 'elsewhere.env': 'updated' });
    expect(parse(fs.readFileSync(path.join(projectDir, '.env'), 'utf8')).MCP_API_KEY).toBe(rotated.secret);
    expect(parse(fs.readFileSync(outsideProject, 'utf8')).MCP_API_KEY).toBe(rotated.secret);
    expect(fs.readFileSync(path.join(projectDir, '.env.test'), 'utf8')).toBe('MCP_API_KEY=my-own-test-value\n');
    expect(JSON.stringify(rotated.exports).includes(key.secret), 'holds the secret').toBe(false);
  });

  it('the CLI rotate reports the files too, with --json', async () => {
    const key = parseJson<KeyWithSecret>(await runCli(['create', 'clirot', '--json'], t.env));
    const envFile = path.join(projectDir, '.env');
    await runCli(['use', key.id, '--env', envFile], t.env);
    const exportsList = parseJson<{ file: string; variable: string }[]>(await runCli(['exports', key.id, '--json'], t.env));
    expect(exportsList).toMatchObject([{ file: envFile, variable: 'MCP_API_KEY' }]);
    const rotated = parseJson<KeyWithSecret & { exports: ExportReport[] }>(await runCli(['rotate', key.id, '--json'], t.env));
    expect(rotated.exports).toEqual([{ file: envFile, variable: 'MCP_API_KEY', outcome: 'updated' }]);
    expect(parse(fs.readFileSync(envFile, 'utf8')).MCP_API_KEY).toBe(rotated.secret);
  });

  it('revoke with removeFromFiles takes the variable out where it still holds the key', async () => {
    const id = await addProject();
    const key = await ok<KeyWithSecret>('keys:create', { name: 'gone' });
    fs.writeFileSync(path.join(projectDir, '.env'), '# keep\nPORT=1\n');
    await ok('exports:write', { projectId: id, fileName: '.env', keys: [{ keyId: key.id, variable: 'MCP_API_KEY' }], require: false });
    const revoked = await ok<KeyView & { exports: ExportReport[] }>('keys:revoke', { id: key.id, removeFromFiles: true });
    expect(revoked.exports.map((r) => r.outcome)).toEqual(['removed']);
    expect(fs.readFileSync(path.join(projectDir, '.env'), 'utf8')).toBe('# keep\nPORT=1\n');
  });

  it('delete drops the key\'s export records', async () => {
    const id = await addProject();
    const key = await ok<KeyWithSecret>('keys:create', { name: 'del' });
    await ok('exports:write', { projectId: id, fileName: '.env', keys: [{ keyId: key.id, variable: 'MCP_API_KEY' }], require: false });
    const deleted = await ok<{ exports: ExportReport[] }>('keys:delete', { id: key.id, confirmName: 'del', removeFromFiles: true });
    expect(deleted.exports.map((r) => r.outcome)).toEqual(['removed']);
    expect(JSON.parse(fs.readFileSync(path.join(t.home, 'vault.json'), 'utf8')).exports).toEqual([]);
  });
});

describe('import keys found in a project', () => {
  it('finds API keys by name or prefix, never sending their values, and imports them linked to their files', async () => {
    fs.writeFileSync(
      path.join(projectDir, '.env'),
      'PORT=3000\nOPENAI_API_KEY=sk-proj-abcdefghijklmnop1234\nMCP_API_KEY="mcp_sk_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd"\nAPI_KEY_REQUIRED=true\nDEBUG=true\n',
    );
    fs.writeFileSync(path.join(projectDir, '.env.local'), 'PLEXMCP_API_KEY=pmcp_local_value_98765\nGITHUB_TOKEN=short\n');
    const id = await addProject();
    const found = await ok<ScanCandidate[]>('projects:scan', { projectId: id });
    expect(found.map((c) => `${c.fileName}:${c.variable}`)).toEqual(['.env:OPENAI_API_KEY', '.env:MCP_API_KEY', '.env.local:PLEXMCP_API_KEY']);
    const shown = JSON.stringify(found);
    expect(shown).not.toContain('abcdefghijklmnop1234');
    expect(shown).not.toContain('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect(found[0]).toMatchObject({ masked: 'sk-proj-…1234', suggestedName: 'my-app OPENAI_API_KEY', existingKeyId: null });

    const imported = await ok<KeyView[]>('projects:import', {
      projectId: id,
      items: [
        { fileName: '.env', variable: 'MCP_API_KEY', name: 'My app MCP' },
        { fileName: '.env.local', variable: 'PLEXMCP_API_KEY', name: 'My app PlexMCP' },
      ],
    });
    expect(imported.map((k) => [k.name, k.source, k.prefix])).toEqual([
      ['My app MCP', 'imported', 'mcp_sk_'],
      ['My app PlexMCP', 'imported', 'pmcp_'],
    ]);
    expect((await t.keychain()).get(imported[0]!.id)).toBe('mcp_sk_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd');
    // Scanning again links to the keys now in the vault.
    const again = await ok<ScanCandidate[]>('projects:scan', { projectId: id });
    expect(again.find((c) => c.variable === 'MCP_API_KEY')!.existingKeyId).toBe(imported[0]!.id);
    // The export was recorded: rotating the imported key (new value given) updates its file.
    const rotated = await ok<{ exports: ExportReport[] }>('keys:rotate', { id: imported[1]!.id, newSecret: 'pmcp_rotated_value_11111' });
    expect(rotated.exports.map((r) => r.outcome)).toEqual(['updated']);
    expect(parse(fs.readFileSync(path.join(projectDir, '.env.local'), 'utf8')).PLEXMCP_API_KEY).toBe('pmcp_rotated_value_11111');
  });
});
