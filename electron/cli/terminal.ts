/** Reading from the user: a key value from stdin (hidden when typed), and yes/no confirmations. */
import { createInterface } from 'node:readline';
import { VaultError } from '../../shared/errors';
import type { Output } from './respond';

export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from the terminal without echoing it: a key typed or pasted must not stay on screen. */
function readHiddenLine(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new VaultError('VALIDATION', 'Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The raw value of a key to import or rotate to: typed (hidden) on a terminal, else everything piped in. */
export async function readSecretInput(): Promise<string> {
  if (process.stdin.isTTY) return readHiddenLine('Paste the key value and press Enter (it is not shown): ');
  return readAll(process.stdin);
}

/** A key value to import or rotate to (`--import`), checked; the user is told when whitespace was trimmed. */
export async function readImportedSecret(output: Output): Promise<string> {
  const raw = await readSecretInput();
  // The check (zod) comes with the vault core, loaded only by commands that use it.
  const { normalizeImportedSecret } = await import('../core/vault');
  const { secret, trimmed } = normalizeImportedSecret(raw);
  if (trimmed) output.note('Note: surrounding whitespace was trimmed from the key value.');
  return secret;
}

/** Asks on a terminal; scripts (no terminal) and --yes go ahead, as their caller already decided. */
export async function confirm(question: string, assumeYes: boolean): Promise<boolean> {
  if (assumeYes || !isInteractive()) return true;
  return ask(question);
}

/**
 * For a write that could leak or lose a key (into a git-tracked file, over another key): asks at a terminal; a script
 * (no terminal) is refused with `refusal`, which says how to go ahead, unless `force` says the user already decided.
 */
export async function confirmOrRefuse(question: string, options: { force?: boolean; refusal: string }): Promise<void> {
  if (options.force) return;
  if (!isInteractive()) throw new VaultError('FORBIDDEN', options.refusal);
  if (!(await ask(question))) throw new VaultError('VALIDATION', 'Cancelled; nothing was changed.');
}

async function ask(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((resolve) => rl.question(`${question} [y/N] `, resolve));
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
