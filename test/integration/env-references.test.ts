/**
 * References in .env files (`mcpkv use --reference`): the file holds `MCP_API_KEY=mcpkv://<id>`, no secret. It is
 * tracked like any export, rotation leaves it byte-identical (reported as "reference"), `mcpkv run --env-file`
 * resolves it to the key's current value, doctor knows it is right, and revoke can take it out.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../shared/doctor';
import type { ExportPreview, ExportRecord, ExportReport, ProjectWriteResult } from '../../shared/exports';
import { makeIpcHarness } from '../helpers/ipc-harness';
import { git } from '../helpers/process';
import { makeTestVault, parseJson, runCli, type TestVault } from '../helpers/test-vault';

let t: TestVault;
let work: string;
beforeEach(() => {
  t = makeTestVault();
  work = fs.mkdtempSync(path.join(t.home, 'project-'));
});
afterEach(async () => {
  await t.cleanup();
});

const cli = (args: string[]) => runCli(args, t.env, { cwd: work });
const sha = (value: string) => createHash('sha256').update(value).digest('hex');
/** A command printing the SHA-256 of MCP_API_KEY as it got it. */
const printHash = [process.execPath, '-e', "process.stdout.write(require('node:crypto').createHash('sha256').update(process.env.MCP_API_KEY ?? '').digest('hex'))"];

describe('mcpkv use --reference', () => {
  it('writes mcpkv://<id>, no secret, with no git warning even for a tracked file; the export is recorded as a reference', async () => {
    git(work, 'init', '-q');
    const envFile = path.join(work, '.env');
    fs.writeFileSync(envFile, 'PORT=3000\n', { mode: 0o644 });
    git(work, 'add', '.env');
    git(work, 'commit', '-q', '-m', 'env');
    const key = await t.vault.create({ name: 'prod' });
    const written = await cli(['use', 'prod', '--env', envFile, '--reference', '--no-project']);
    expect(written.code).toBe(0);
    expect(written.stderr).not.toMatch(/git/);
    expect(written.stdout).toMatch(/MCP_API_KEY holds a reference to key "prod", not the key; run your command with: mcpkv run --env-file/);
    expect(fs.readFileSync(envFile, 'utf8')).toBe(`PORT=3000\nMCP_API_KEY=mcpkv://${key.id}\nAPI_KEY_REQUIRED=true\n`);
    expect(fs.statSync(envFile).mode & 0o777).toBe(0o644); // no secret in it: its mode is left alone
    const records = parseJson<ExportRecord[]>(await cli(['exports', key.id, '--json']));
    expect(records).toEqual([expect.objectContaining({ keyId: key.id, file: envFile, variable: 'MCP_API_KEY', form: 'reference' })]);
    // Without --reference the same file is still refused: the git check applies to values.
    const other = await t.vault.create({ name: 'other' });
    expect((await cli(['use', other.id, '--env', envFile, '--var', 'OTHER_KEY', '--no-project'])).stderr).toMatch(/tracked by git/);
  });

  it('--dry-run shows the reference itself and no git warning', async () => {
    git(work, 'init', '-q');
    const key = await t.vault.create({ name: 'prod' });
    const preview = await cli(['use', 'prod', '--env', path.join(work, '.env'), '--reference', '--dry-run']);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain(`+ MCP_API_KEY=mcpkv://${key.id}`);
    expect(preview.stdout).not.toMatch(/git/);
    expect(fs.existsSync(path.join(work, '.env'))).toBe(false);
  });
});

describe('a .env file with a reference, through the key’s life', () => {
  it('rotation leaves it byte-identical and reports it as a reference; run --env-file gets the new value; doctor finds nothing', async () => {
    const key = await t.vault.create({ name: 'prod' });
    const envFile = path.join(work, '.env');
    fs.writeFileSync(envFile, '# app\r\nPORT=3000\r\n');
    expect((await cli(['use', 'prod', '--env', envFile, '--reference', '--no-project'])).code).toBe(0);
    const valueFile = path.join(work, '.env.local');
    expect((await cli(['use', 'prod', '--env', valueFile, '--no-project'])).code).toBe(0);
    const before = fs.readFileSync(envFile);

    const rotated = parseJson<{ secret: string; exports: ExportReport[] }>(await cli(['rotate', 'prod', '--json']));
    expect(fs.readFileSync(envFile).equals(before), 'the reference file is byte-identical').toBe(true);
    expect(rotated.exports).toEqual([
      { file: envFile, variable: 'MCP_API_KEY', outcome: 'reference', form: 'reference' },
      { file: valueFile, variable: 'MCP_API_KEY', outcome: 'updated' },
    ]);
    expect(fs.readFileSync(valueFile, 'utf8')).toContain(`MCP_API_KEY=${rotated.secret}`);
    const text = await cli(['rotate', 'prod']);
    expect(text.stdout).toContain(`${envFile} (MCP_API_KEY): a reference (mcpkv://), left as it is`);
    const current = await t.vault.secretOf(key.id);

    const run = await cli(['run', '--env-file', envFile, '--', ...printHash]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(sha(current));

    const doctor = parseJson<DoctorReport>(await cli(['doctor', '--json']));
    expect(doctor.findings.filter((f) => f.kind === 'stale-export')).toEqual([]);
    // A reference changed by hand is called so, by doctor and by rotation.
    fs.writeFileSync(envFile, 'MCP_API_KEY=mcpkv://someone-else\n');
    const stale = await cli(['doctor', '--json']);
    expect((JSON.parse(stale.stdout) as DoctorReport).findings).toEqual([expect.objectContaining({ kind: 'stale-export', file: envFile })]);
    const after = parseJson<{ exports: ExportReport[] }>(await cli(['rotate', 'prod', '--json']));
    expect(after.exports[0]).toEqual(expect.objectContaining({ file: envFile, outcome: 'changed-by-hand', form: 'reference' }));
  });

  it('revoke --remove-from-env takes the reference out and reports it as one', async () => {
    await t.vault.create({ name: 'prod' });
    const envFile = path.join(work, '.env');
    fs.writeFileSync(envFile, 'PORT=3000\n');
    expect((await cli(['use', 'prod', '--env', envFile, '--reference', '--no-require', '--no-project'])).code).toBe(0);
    const revoked = await cli(['revoke', 'prod', '--remove-from-env', '-y']);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`${envFile} (MCP_API_KEY): removed (a reference)`);
    expect(fs.readFileSync(envFile, 'utf8')).toBe('PORT=3000\n');
  });
});

describe('the app: exports:preview and exports:write with reference (the Use dialog’s "Write a reference, not the key")', () => {
  it('previews and writes mcpkv://<id>; the key’s rotation reports the file as a reference and leaves it as it is', async () => {
    const key = await t.vault.create({ name: 'prod' });
    const ipc = makeIpcHarness(t.vault);
    ipc.chooseFolderNext(work);
    const { id: projectId } = await ipc.ok<{ id: string }>('projects:add');
    const request = { projectId, fileName: '.env', keys: [{ keyId: key.id, variable: 'MCP_API_KEY' }], require: false, reference: true };
    const preview = await ipc.ok<ExportPreview>('exports:preview', request);
    expect(preview.diff).toEqual([{ kind: 'added', text: `MCP_API_KEY=mcpkv://${key.id}` }]);
    expect((await ipc.ok<ProjectWriteResult>('exports:write', request)).changed).toEqual(['MCP_API_KEY']);
    const envFile = path.join(work, '.env');
    const before = fs.readFileSync(envFile);
    expect(before.toString()).toBe(`MCP_API_KEY=mcpkv://${key.id}\n`);
    const rotated = await ipc.ok<{ exports: ExportReport[] }>('keys:rotate', { id: key.id });
    expect(rotated.exports).toEqual([{ file: envFile, variable: 'MCP_API_KEY', outcome: 'reference', form: 'reference' }]);
    expect(fs.readFileSync(envFile).equals(before)).toBe(true);
    await ipc.fails('exports:write', { ...request, reference: 'yes' }, 'VALIDATION');
  });
});
