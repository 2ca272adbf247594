/** IPC from anything but our own window's main frame, showing our own page, is refused before any handler runs. */
import { describe, expect, it } from 'vitest';
import { isTrustedSender, registerIpc } from '../../electron/main/ipc';
import { IPC_CHANNELS } from '../../shared/ipc-contract';

const APP_URL = 'app://vault/index.html';
const isAppUrl = (url: string) => url.split(/[?#]/)[0] === APP_URL;

function setup() {
  const mainFrame = { url: APP_URL };
  const webContents = { mainFrame };
  const window = { webContents };
  return { mainFrame, webContents, window };
}

describe('IPC sender check', () => {
  it('trusts only our window\'s main frame on our page', () => {
    const { mainFrame, webContents, window } = setup();
    const event = (sender: unknown, senderFrame: unknown) => ({ sender, senderFrame }) as never;
    expect(isTrustedSender(event(webContents, mainFrame), window as never, isAppUrl)).toBe(true);
    // A sub-frame (an iframe) of our window.
    expect(isTrustedSender(event(webContents, { url: APP_URL }), window as never, isAppUrl)).toBe(false);
    // Another window or web contents.
    expect(isTrustedSender(event({ mainFrame }, mainFrame), window as never, isAppUrl)).toBe(false);
    // Our frame, navigated elsewhere.
    expect(isTrustedSender(event(webContents, { ...mainFrame, url: 'https://evil.example/' }), { webContents: { mainFrame: { url: 'x' } } } as never, isAppUrl)).toBe(false);
    const navigated = { url: 'https://evil.example/' };
    expect(isTrustedSender(event({ mainFrame: navigated }, navigated), { webContents: { mainFrame: navigated } } as never, isAppUrl)).toBe(false);
    // No window, or no frame (a destroyed one).
    expect(isTrustedSender(event(webContents, mainFrame), null, isAppUrl)).toBe(false);
    expect(isTrustedSender(event(webContents, null), window as never, isAppUrl)).toBe(false);
  });

  it('answers an untrusted call with FORBIDDEN and never dispatches it', async () => {
    const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
    const dispatched: string[] = [];
    registerIpc(
      { handle: (channel: string, fn: (event: unknown, payload: unknown) => unknown) => handlers.set(channel, fn) } as never,
      async (channel) => {
        dispatched.push(channel);
        return { ok: true, value: null };
      },
      (event) => (event as unknown as { trusted: boolean }).trusted,
    );
    expect([...handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(await handlers.get('keys:reveal')!({ trusted: false }, { id: '0123456789abcdef' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatched).toEqual([]);
    await handlers.get('keys:list')!({ trusted: true }, {});
    expect(dispatched).toEqual(['keys:list']);
  });
});
