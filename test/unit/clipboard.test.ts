import { describe, expect, it } from 'vitest';
import { ClipboardService, type ClipboardAdapter, type Timers } from '../../electron/core/clipboard';

/** A controllable clock: timers fire only when the test advances time. */
class ManualTimers implements Timers {
  now = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private next = 1;
  setTimeout(callback: () => void, ms: number) {
    const handle = this.next++;
    this.timers.set(handle, { at: this.now + ms, callback });
    return handle;
  }
  clearTimeout(handle: unknown) {
    this.timers.delete(handle as number);
  }
  async advance(ms: number) {
    this.now += ms;
    for (const [handle, timer] of [...this.timers]) {
      if (timer.at <= this.now) {
        this.timers.delete(handle);
        timer.callback();
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

class FakeClipboard implements ClipboardAdapter {
  text = '';
  clears = 0;
  async writeText(text: string) {
    this.text = text;
  }
  async readText() {
    return this.text;
  }
  clear() {
    this.clears++;
    this.text = '';
  }
}

function setup() {
  const timers = new ManualTimers();
  const clipboard = new FakeClipboard();
  const service = new ClipboardService(clipboard, timers, () => timers.now);
  return { timers, clipboard, service };
}

describe('clipboard auto-clear', () => {
  it('clears after the time if the clipboard still holds the copied key', async () => {
    const { timers, clipboard, service } = setup();
    const { clearsAt } = await service.copy('mcp_sk_secret', 30_000);
    expect(clearsAt).toBe(new Date(30_000).toISOString());
    expect(clipboard.text).toBe('mcp_sk_secret');
    await timers.advance(29_999);
    expect(clipboard.text).toBe('mcp_sk_secret');
    await timers.advance(1);
    expect(clipboard.text).toBe('');
  });

  it('never wipes something the user copied afterwards', async () => {
    const { timers, clipboard, service } = setup();
    await service.copy('mcp_sk_secret', 10_000);
    clipboard.text = 'something else the user copied';
    await timers.advance(10_000);
    expect(clipboard.text).toBe('something else the user copied');
    expect(clipboard.clears).toBe(0);
  });

  it('a new copy replaces the pending clear; "never" keeps the clipboard', async () => {
    const { timers, clipboard, service } = setup();
    await service.copy('first', 10_000);
    await service.copy('second', null);
    await timers.advance(60_000);
    expect(clipboard.text).toBe('second');
  });

  it('reports clearAfterSeconds; "never" gives no clearsAt and nothing pending', async () => {
    const { service } = setup();
    expect(await service.copy('k', 60_000)).toEqual({ clearsAt: new Date(60_000).toISOString(), clearAfterSeconds: 60 });
    expect(await service.copy('k', null)).toEqual({ clearsAt: null, clearAfterSeconds: null });
    expect(service.status()).toBeNull();
  });

  it('counts down on the controllable clock, then has nothing pending', async () => {
    const { timers, clipboard, service } = setup();
    await service.copy('mcp_sk_secret', 30_000);
    expect(service.status()).toEqual({ clearsAt: new Date(30_000).toISOString(), secondsLeft: 30 });
    await timers.advance(7_000);
    expect(service.status()?.secondsLeft).toBe(23);
    await timers.advance(500);
    expect(service.status()?.secondsLeft).toBe(23); // rounded up: 22.5 s left shows 23
    await timers.advance(22_499);
    expect(service.status()?.secondsLeft).toBe(1);
    expect(clipboard.text).toBe('mcp_sk_secret');
    await timers.advance(1);
    expect(clipboard.text).toBe('');
    expect(service.status()).toBeNull();
  });

  it('"Clear now" clears at once and cancels the timer; a second clear does nothing', async () => {
    const { timers, clipboard, service } = setup();
    await service.copy('mcp_sk_secret', 30_000);
    expect(await service.clearIfUnchanged()).toBe(true);
    expect(clipboard.text).toBe('');
    expect(service.status()).toBeNull();
    clipboard.text = 'copied later';
    await timers.advance(60_000);
    expect(await service.clearIfUnchanged()).toBe(false);
    expect(clipboard.text).toBe('copied later');
    expect(clipboard.clears).toBe(1);
  });

  it('"Clear now" keeps what the user copied afterwards', async () => {
    const { clipboard, service } = setup();
    await service.copy('mcp_sk_secret', 30_000);
    clipboard.text = 'mcp_sk_secret '; // close, but not ours
    expect(await service.clearIfUnchanged()).toBe(false);
    expect(clipboard.text).toBe('mcp_sk_secret ');
  });

  it('a clear that started before a newer copy does not wipe the newer copy', async () => {
    const timers = new ManualTimers();
    let release!: () => void;
    const clipboard = new FakeClipboard();
    const slowRead = new (class extends FakeClipboard {
      override async readText() {
        await new Promise<void>((resolve) => (release = resolve));
        return clipboard.text;
      }
      override async writeText(text: string) {
        clipboard.text = text;
      }
      override clear() {
        clipboard.clear();
      }
    })();
    const service = new ClipboardService(slowRead, timers, () => timers.now);
    await service.copy('same', 10_000);
    const clearing = service.clearIfUnchanged();
    await service.copy('same', 10_000); // copied again while the clear was reading
    release();
    expect(await clearing).toBe(false);
    expect(clipboard.text).toBe('same');
    expect(service.status()).not.toBeNull();
  });

  it('quitting after a "never" copy leaves the clipboard alone', async () => {
    const { clipboard, service } = setup();
    await service.copy('mcp_sk_secret', null);
    expect(await service.clearIfUnchanged()).toBe(false);
    expect(clipboard.text).toBe('mcp_sk_secret');
  });

  it('clears on quit only if unchanged', async () => {
    const { clipboard, service } = setup();
    await service.copy('mcp_sk_secret', 30_000);
    expect(await service.clearIfUnchanged()).toBe(true);
    expect(clipboard.text).toBe('');
    await service.copy('mcp_sk_secret', 30_000);
    clipboard.text = 'mine';
    expect(await service.clearIfUnchanged()).toBe(false);
    expect(clipboard.text).toBe('mine');
  });
});
