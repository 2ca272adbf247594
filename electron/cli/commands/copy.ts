/**
 * `mcpkv copy ID [--clear-after SECONDS] [--format key|env|header] [--json]`: copies a key and returns at once,
 * like `pass -c`. A detached clipboard holder (clipboard-holder.ts) copies the text it receives on a pipe and
 * clears the clipboard after the time, unless something else was copied meanwhile.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { COPY_FORMATS, type CopyFormat } from '../../../shared/copy-format';
import { VaultError } from '../../../shared/errors';
import { chooseClipboardTool, realToolEnvironment, type ClipboardTool } from '../clipboard-tools';
import type { CliIo } from '../io';
import { respond } from '../respond';

export const MAX_CLEAR_AFTER_SECONDS = 24 * 60 * 60;
const HOLDER_TIMEOUT_MS = 15_000;

function parseClearAfter(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > MAX_CLEAR_AFTER_SECONDS) {
    throw new InvalidArgumentError(`must be a whole number of seconds, 0 (never) to ${MAX_CLEAR_AFTER_SECONDS}.`);
  }
  return Number(value);
}

function parseFormat(value: string): CopyFormat {
  if (!(COPY_FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${COPY_FORMATS.join(', ')}.`);
  return value as CopyFormat;
}

/** The bundled holder next to the bundled CLI (out/cli/). */
function holderPath(): string {
  const file = fileURLToPath(new URL('./clipboard-holder.js', import.meta.url));
  if (!fs.existsSync(file)) throw new VaultError('INTERNAL', 'The clipboard helper is missing: run `npm run build:cli` in the mcp-key-vault folder.');
  return file;
}

/**
 * Starts the holder, hands it `text` through its stdin and waits for its one-line report. The holder is
 * detached (own session, no terminal): it outlives this command.
 */
export function startClipboardHolder(tool: ClipboardTool, text: string, clearAfterSeconds: number): Promise<void> {
  const child = spawn(process.execPath, [holderPath(), '--tool', tool.name, '--clear-after', String(clearAfterSeconds)], {
    detached: true,
    stdio: ['pipe', 'pipe', 'ignore'],
    cwd: os.tmpdir(),
    windowsHide: true,
  });
  return new Promise<void>((resolve, reject) => {
    let buffered = '';
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout.destroy();
      if (error) reject(error);
      else resolve();
      child.unref();
    };
    const timer = setTimeout(() => {
      child.kill();
      finish(new VaultError('FILE_ERROR', `The clipboard (${tool.name}) did not respond in time; nothing was copied.`));
    }, HOLDER_TIMEOUT_MS);
    child.on('error', () => finish(new VaultError('FILE_ERROR', 'The clipboard helper could not be started; nothing was copied.')));
    child.on('exit', (code) => finish(new VaultError('FILE_ERROR', `The clipboard helper stopped unexpectedly (exit ${code ?? 'signal'}); nothing was copied.`)));
    child.stdout.setEncoding('utf8').on('data', (data: string) => {
      buffered += data;
      const end = buffered.indexOf('\n');
      if (end < 0) return;
      let status: { ok?: boolean; message?: unknown };
      try {
        status = JSON.parse(buffered.slice(0, end)) as typeof status;
      } catch {
        status = {};
      }
      if (status.ok === true) return finish();
      const reason = typeof status.message === 'string' ? status.message.slice(0, 300) : 'unknown reason';
      finish(new VaultError('FILE_ERROR', `Could not copy to the clipboard: ${reason}.`));
    });
    child.stdin.on('error', () => undefined);
    // The secret goes through the pipe only: never argv, never the environment.
    child.stdin.end(text);
  });
}

export function register(program: Command, io: CliIo): void {
  program
    .command('copy')
    .description('copy a key to the clipboard; it is cleared after a while unless you copied something else meanwhile')
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('--clear-after <seconds>', 'seconds until the clipboard is cleared; 0 = never (default: the clipboard setting, 30)', parseClearAfter)
    .option('-f, --format <format>', "key (the bare key), env (MCP_API_KEY=<key>, the default-var setting) or header (the key's HTTP header)", parseFormat, 'key')
    .option('--json', 'print { id, format, clearsAt } as JSON')
    .action(async (ref: string, options: { clearAfter?: number; format: CopyFormat; json?: boolean }) => {
      const { vault, settings: settingsStore } = await io.session.open();
      const key = vault.resolve(ref);
      const settings = settingsStore.get();
      const clearAfter = options.clearAfter ?? settings.clipboardClearSeconds ?? 0;
      const { textToCopy } = await import('../../core/copy');
      const { text } = await textToCopy(vault, key.id, options.format, settings);
      const tool = chooseClipboardTool(realToolEnvironment());
      await startClipboardHolder(tool, text, clearAfter);
      const clearsAt = clearAfter === 0 ? null : new Date(Date.now() + clearAfter * 1000).toISOString();
      await vault.recordUse(key.id, 'copied', options.format);
      respond(io, options, { id: key.id, format: options.format, clearsAt }, () => {
        const as = options.format === 'env' ? ' as a .env line' : options.format === 'header' ? ' as an HTTP header' : '';
        return `Copied key "${key.name}" to the clipboard${as}; ${clearAfter === 0 ? 'it is not cleared automatically.' : `it clears in ${clearAfter} s.`}`;
      });
    });
}
