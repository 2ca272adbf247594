/**
 * Masks secrets in a byte stream, for `mcpkv run`'s output on a terminal. Works on bytes, so whatever is not a
 * secret passes unchanged. A secret split across chunks is still masked: the end of a chunk that could be the
 * start of a secret is held back until the next chunk (or the end) decides. Only such a partial match is held,
 * so ordinary output (a prompt waiting for input) is never delayed.
 */
export const MASK = '<concealed by mcpkv>';

export class SecretMasker {
  private readonly secrets: Buffer[];
  private readonly mask: Buffer;
  private pending: Buffer = Buffer.alloc(0);

  constructor(secrets: Iterable<string>, mask = MASK) {
    // Longest first: where two secrets match at one place, the longer one is masked whole.
    this.secrets = [...new Set(secrets)]
      .filter((s) => s.length > 0)
      .map((s) => Buffer.from(s))
      .sort((a, b) => b.length - a.length);
    this.mask = Buffer.from(mask);
  }

  /** What of `chunk` (after what was held back) can be written now, secrets masked. */
  push(chunk: Buffer): Buffer {
    const data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: Buffer[] = [];
    let at = 0;
    for (;;) {
      const match = this.firstMatch(data, at);
      if (!match) break;
      out.push(data.subarray(at, match.index), this.mask);
      at = match.index + match.length;
    }
    const rest = data.subarray(at);
    const held = this.partialMatchAtEnd(rest);
    out.push(rest.subarray(0, rest.length - held));
    this.pending = Buffer.from(rest.subarray(rest.length - held));
    return Buffer.concat(out);
  }

  /** What was held back, at the end of the stream: it never became a whole secret. */
  end(): Buffer {
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    return rest;
  }

  private firstMatch(data: Buffer, from: number): { index: number; length: number } | undefined {
    let best: { index: number; length: number } | undefined;
    for (const secret of this.secrets) {
      const index = data.indexOf(secret, from);
      if (index !== -1 && (!best || index < best.index)) best = { index, length: secret.length };
    }
    return best;
  }

  /** The length of the longest end of `data` that is the start (not the whole) of a secret. */
  private partialMatchAtEnd(data: Buffer): number {
    const longest = Math.min(data.length, (this.secrets[0]?.length ?? 1) - 1);
    for (let length = longest; length > 0; length--) {
      const end = data.subarray(data.length - length);
      if (this.secrets.some((s) => s.length > length && s.subarray(0, length).equals(end))) return length;
    }
    return 0;
  }
}
