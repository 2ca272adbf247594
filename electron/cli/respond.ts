/**
 * How a command's result reaches the user: with --json exactly one JSON value on stdout, else the lines the
 * command writes for people. Every command ends in one respond(), so no command branches on --json itself.
 */

/** Where the CLI writes. */
export interface Output {
  /** A line on stdout. */
  out(text: string): void;
  /** A line on stderr (notes, never data). */
  note(text: string): void;
}

export const stdio: Output = {
  out: (text) => void process.stdout.write(`${text}\n`),
  note: (text) => void process.stderr.write(`${text}\n`),
};

/** The text reply: one line, several, or nothing more. */
export type TextReply = string | readonly string[] | void;

/**
 * Prints `value` as JSON with --json. Otherwise calls `text`, which runs only for people, and prints the lines
 * it returns; `text` may write to `output` itself first where a note on stderr must follow stdout lines, and may
 * set the exit code of a text-only outcome.
 */
export function respond(output: Output, options: { json?: boolean }, value: unknown, text: (output: Output) => TextReply): void {
  if (options.json) return output.out(JSON.stringify(value, null, 2));
  const reply = text(output);
  if (reply === undefined) return;
  for (const line of typeof reply === 'string' ? [reply] : reply) output.out(line);
}
