/**
 * The clipboard holder: a small background process `mcpkv copy` starts (detached), so the command returns at
 * once while the copied key is still cleared later — like `pass -c`.
 *
 *   node clipboard-holder.js --tool xclip --clear-after 30      (the text to copy on stdin)
 *
 * The text arrives on stdin only — never in argv or the environment, which other users' processes may read.
 * The holder copies it with the platform's tool, reads it back to be sure, reports one JSON line on stdout
 * (`{"ok":true}` or `{"ok":false,"message":"…"}`) for mcpkv to print, then waits. When the time is up it clears
 * the clipboard only if it still holds that text; anything copied meanwhile is kept. `--clear-after 0`: it
 * exits right after copying and the clipboard is never cleared.
 *
 * While it waits it keeps only a SHA-256 digest of the text, not the text.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isVaultError } from '../../shared/errors';
import { clearClipboard, readClipboard, realToolEnvironment, toolByName, writeClipboard, type ClipboardTool } from './clipboard-tools';

const MAX_INPUT = 64 * 1024;
const MAX_CLEAR_AFTER = 24 * 60 * 60;
const VERIFY_FOR_MS = 3_000;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Whether the clipboard holds `expected` (a tool may add one line break when printing). */
function holds(current: string, expected: Buffer): boolean {
  for (const candidate of [current, current.replace(/\r?\n$/, '')]) {
    if (timingSafeEqual(digest(candidate), expected)) return true;
  }
  return false;
}

function report(value: { ok: true } | { ok: false; message: string }): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.write(`${JSON.stringify(value)}\n`, () => resolve());
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > MAX_INPUT) throw new Error('the text to copy is too long');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(argv: string[]): { tool: string; clearAfter: number } {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const tool = value('--tool');
  const clearAfter = Number(value('--clear-after'));
  if (!tool || !Number.isInteger(clearAfter) || clearAfter < 0 || clearAfter > MAX_CLEAR_AFTER) {
    throw new Error('usage: clipboard-holder --tool NAME --clear-after SECONDS (text on stdin)');
  }
  return { tool, clearAfter };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Copies and reads back until the clipboard shows the text (a background owner may take a moment). */
async function copyAndVerify(tool: ClipboardTool, text: string, expected: Buffer): Promise<void> {
  await writeClipboard(tool, text);
  const until = Date.now() + VERIFY_FOR_MS;
  for (;;) {
    if (holds(await readClipboard(tool), expected)) return;
    if (Date.now() > until) throw new Error(`the clipboard did not take the text (${tool.name})`);
    await sleep(50);
  }
}

async function main(): Promise<number> {
  process.title = 'mcpkv-clipboard';
  // mcpkv stops listening once it has our report: a later write error must not crash the wait.
  process.stdout.on('error', () => undefined);
  let tool: ClipboardTool;
  let clearAfter: number;
  let expected: Buffer;
  try {
    const args = parseArgs(process.argv.slice(2));
    clearAfter = args.clearAfter;
    tool = toolByName(args.tool, realToolEnvironment());
    const text = await readStdin();
    if (text === '') throw new Error('nothing to copy');
    expected = digest(text);
    await copyAndVerify(tool, text, expected);
  } catch (error) {
    const message = isVaultError(error) || error instanceof Error ? error.message : 'copying failed';
    await report({ ok: false, message });
    return 1;
  }
  await report({ ok: true });
  // mcpkv has what it needs; it may exit now. Nothing more is written to it.
  process.stdout.end();
  if (clearAfter === 0) return 0;
  await sleep(clearAfter * 1000);
  try {
    if (holds(await readClipboard(tool), expected)) await clearClipboard(tool);
  } catch {
    // Nobody is left to tell; the clipboard stays as it is.
    return 1;
  }
  return 0;
}

process.exitCode = await main();
