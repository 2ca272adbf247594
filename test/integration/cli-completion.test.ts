/** `mcpkv completion`: scripts each shell accepts, with the commands, options and key names, never a secret. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestVault, runCli, type TestVault } from '../helpers/test-vault';

let t: TestVault;
beforeEach(() => {
  t = makeTestVault();
});
afterEach(async () => {
  await t.cleanup();
});

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

describe('mcpkv completion', () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    it.runIf(has(shell))(`prints a ${shell} script that ${shell} parses, with the commands and options`, async () => {
      const result = await runCli(['completion', shell], t.env);
      expect(result.code).toBe(0);
      const file = path.join(t.home, `completion.${shell}`);
      fs.writeFileSync(file, result.stdout);
      execFileSync(shell, ['-n', file]);
      for (const word of ['run', 'get', 'list', 'active-only', 'env-file']) expect(result.stdout).toContain(word);
      expect(result.stdout).not.toContain('__complete-keys -');
    });
    if (!has(shell)) it.skip(`${shell} is not installed: its completion script is not parsed here`, () => undefined);
  }

  it('bash completes key names and ids (quoted) from the metadata, never a revoked key or a secret', async () => {
    const key = await t.vault.create({ name: 'Prod Key' });
    const gone = await t.vault.create({ name: 'gone' });
    await t.vault.revoke(gone.id);
    const keys = await runCli(['__complete-keys'], t.env);
    expect(keys.stdout.split('\n').filter(Boolean).sort()).toEqual([key.id, 'Prod Key'].sort());
    expect(keys.stdout.includes(key.secret)).toBe(false);
    const script = (await runCli(['completion', 'bash'], t.env)).stdout;
    const mcpkv = `${process.execPath} ${path.resolve('bin/mcpkv.js')}`;
    const out = execFileSync('bash', ['-c', `mcpkv() { ${mcpkv} "$@"; }\n${script}\nCOMP_WORDS=(mcpkv run --key P); COMP_CWORD=3; _mcpkv; printf '%s\\n' "\${COMPREPLY[@]}"`], { env: t.env }).toString();
    expect(out).toBe('Prod\\ Key\n');
  });

  it('bash completes subcommands (mcp con → connect), their options, and a key where a subcommand takes one', async () => {
    await t.vault.create({ name: 'Prod Key' });
    const script = (await runCli(['completion', 'bash'], t.env)).stdout;
    const mcpkv = `${process.execPath} ${path.resolve('bin/mcpkv.js')}`;
    const complete = (words: string[]) =>
      execFileSync('bash', ['-c', `mcpkv() { ${mcpkv} "$@"; }\n${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _mcpkv; printf '%s\\n' "\${COMPREPLY[@]}"`], { env: t.env }).toString();
    expect(complete(['mcpkv', 'mcp', 'con'])).toBe('connect\n');
    expect(complete(['mcpkv', 'mcp', 'connect', '--cl'])).toBe('--client\n');
    expect(complete(['mcpkv', 'mcp', 'connect', 'Pro'])).toBe('Prod\\ Key\n');
    expect(complete(['mcpkv', 'mcp', 'servers', '--js'])).toBe('--json\n');
  });
});
