/**
 * `use`: writing 10 keys into a 5,000-line `.env` — the pure edit (shared/env-file.ts `upsertEnv`) plus the
 * atomic, durable file write (electron/core/env-writer.ts `applyEnvFile`). Half the names are already in the
 * file (rewritten in place), half are new (appended); every run writes new values, so every run writes.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyEnvFile } from '../electron/core/env-writer';
import { upsertEnv, type EnvAssignment } from '../shared/env-file';
import { measure, measureSync, timed, type Figure } from './harness';

const GROUP = 'env';
const LINES = 5000;

/** A large, varied .env: comments, blank lines, `export`, quoted and unquoted values, inline comments. */
export function makeEnvText(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    const name = `SERVICE_${i}_SETTING`;
    const value = randomBytes(12).toString('hex');
    switch (i % 10) {
      case 0:
        out.push(`# section ${i}: settings for service ${i}`);
        break;
      case 1:
        out.push('');
        break;
      case 2:
        out.push(`export ${name}=${value}`);
        break;
      case 3:
        out.push(`${name}="${value} with spaces"`);
        break;
      case 4:
        out.push(`${name}='${value}'  # inline comment`);
        break;
      case 5:
        out.push(`${name}=https://example.com/${value}?a=1&b=2`);
        break;
      default:
        out.push(`${name}=${value}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function assignments(): EnvAssignment[] {
  // Plain `NAME=value` lines (i % 10 === 6) spread through the file.
  const existing = [6, 1206, 2506, 3806, 4996].map((n) => `SERVICE_${n}_SETTING`);
  const fresh = ['MCP_API_KEY', 'API_KEY_REQUIRED', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'STRIPE_SECRET_KEY'];
  return [...existing, ...fresh].map((name) => ({ name, value: `mcp_sk_${randomBytes(20).toString('base64url')}` }));
}

export async function envBench(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-bench-env-'));
  try {
    const file = path.join(dir, '.env');
    const original = makeEnvText(LINES);
    if (original.split('\n').length - 1 !== LINES) throw new Error('env fixture has the wrong size');
    const reset = () => fs.writeFileSync(file, original, { mode: 0o600 });

    let changed = 0;
    const use = await measure(
      async () => {
        changed = (await applyEnvFile(file, (text) => upsertEnv(text, assignments()))).changed.length;
      },
      { warmup: 3, runs: 30, before: reset },
    );
    if (changed !== 10) throw new Error(`the .env write changed ${changed} names, expected 10`);

    const pure = measureSync(() => upsertEnv(original, assignments()), { warmup: 3, runs: 30 });
    return [
      timed(GROUP, `use: 10 keys into a ${LINES}-line .env (edit + atomic write)`, use, { text: '≤ 10 ms median', check: (s) => s.median <= 10 }, 'applyEnvFile + upsertEnv: read, edit, temp file, fsync, rename, fsync folder'),
      timed(GROUP, 'upsertEnv alone (pure edit, 10 assignments)', pure),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
