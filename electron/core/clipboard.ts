/**
 * Copying secrets: the main process writes the clipboard, and clears it after a while — but only if it
 * still holds what we copied, so nothing the user copied afterwards is ever wiped.
 */
/** What we need of a clipboard; async, as Electron's clipboard API is. */
export interface ClipboardAdapter {
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

export class ClipboardService {
  private pending: { text: string; handle: unknown } | undefined;

  constructor(
    private readonly clipboard: ClipboardAdapter,
    private readonly timers: Timers = realTimers,
    private readonly now: () => number = Date.now,
  ) {}

  /** Copies `text`; returns when it will be cleared (null: kept). */
  async copy(text: string, clearAfterMs: number | null = DEFAULT_CLEAR_AFTER_MS): Promise<{ clearsAt: string | null }> {
    this.cancelTimer();
    await this.clipboard.writeText(text);
    if (clearAfterMs === null) {
      this.pending = undefined;
      return { clearsAt: null };
    }
    const handle = this.timers.setTimeout(() => void this.clearIfUnchanged(), clearAfterMs);
    this.pending = { text, handle };
    return { clearsAt: new Date(this.now() + clearAfterMs).toISOString() };
  }

  /** Clears the clipboard if it still holds what we copied. True if it cleared. */
  async clearIfUnchanged(): Promise<boolean> {
    const pending = this.pending;
    this.cancelTimer();
    this.pending = undefined;
    if (!pending || (await this.clipboard.readText()) !== pending.text) return false;
    await this.clipboard.clear();
    return true;
  }

  private cancelTimer(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.handle);
  }
}
