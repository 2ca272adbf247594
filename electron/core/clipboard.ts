/**
 * Copying secrets: the main process writes the clipboard, and clears it after a while — but only if it
 * still holds what we copied, so nothing the user copied afterwards is ever wiped.
 *
 * What we copied is remembered as a SHA-256 digest, not as text: the secret does not linger in memory
 * for the whole countdown.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** What we need of a clipboard; async, as Electron's clipboard API is. */
export interface ClipboardAdapter {
  /** Writes text; the Electron adapter marks it as sensitive for clipboard managers and history. */
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void> | void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export const DEFAULT_CLEAR_AFTER_MS = 30_000;

export interface CopyResult {
  /** When the clipboard will be cleared (ISO 8601), or null if it is kept. */
  clearsAt: string | null;
  /** The clear time this copy got, in seconds; null = never. */
  clearAfterSeconds: number | null;
}

export interface PendingClear {
  clearsAt: string;
  /** Whole seconds left, rounded up (what a countdown shows). */
  secondsLeft: number;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export class ClipboardService {
  private pending: { digest: Buffer; handle: unknown; clearsAt: number } | undefined;
  /** Bumped by every copy: a clear that started before a newer copy must not touch it. */
  private generation = 0;

  constructor(
    private readonly clipboard: ClipboardAdapter,
    private readonly timers: Timers = realTimers,
    private readonly now: () => number = Date.now,
  ) {}

  /** Copies `text`; returns when it will be cleared (null: kept). */
  async copy(text: string, clearAfterMs: number | null = DEFAULT_CLEAR_AFTER_MS): Promise<CopyResult> {
    this.cancel();
    this.generation++;
    await this.clipboard.writeText(text);
    if (clearAfterMs === null) return { clearsAt: null, clearAfterSeconds: null };
    const clearsAt = this.now() + clearAfterMs;
    const handle = this.timers.setTimeout(() => void this.clearIfUnchanged().catch(() => undefined), clearAfterMs);
    this.pending = { digest: digest(text), handle, clearsAt };
    return { clearsAt: new Date(clearsAt).toISOString(), clearAfterSeconds: Math.round(clearAfterMs / 1000) };
  }

  /** The clear still to come, for a countdown; null when nothing of ours is waiting to be cleared. */
  status(): PendingClear | null {
    if (!this.pending) return null;
    const left = Math.max(0, this.pending.clearsAt - this.now());
    return { clearsAt: new Date(this.pending.clearsAt).toISOString(), secondsLeft: Math.ceil(left / 1000) };
  }

  /**
   * Clears the clipboard if it still holds what we copied. True if it cleared. Used by the timer, by
   * "Clear now" and on quit; after it, nothing of ours is pending.
   */
  async clearIfUnchanged(): Promise<boolean> {
    const pending = this.pending;
    this.cancel();
    if (!pending) return false;
    const generation = this.generation;
    const current = digest(await this.clipboard.readText());
    if (generation !== this.generation || !timingSafeEqual(current, pending.digest)) return false;
    await this.clipboard.clear();
    return true;
  }

  private cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.handle);
    this.pending = undefined;
  }
}
