/**
 * TEST ONLY — never part of the app. In the browser, stands in for the preload: builds `window.vault`
 * from the same contract, carrying each call over loopback HTTP to the bridge server, which runs the
 * real main-process handlers.
 */
import { buildVaultApi, type Envelope } from '../../../shared/ipc-contract';
import { TOKEN_FRAGMENT } from './token';

// The token comes in the page's URL fragment (never sent to the server, so never in what it serves), is kept
// for this tab in sessionStorage (reloads keep working) and taken out of the address bar at once.
const STORAGE_KEY = 'vault-bridge-token';
const fromFragment = new URLSearchParams(location.hash.slice(1)).get(TOKEN_FRAGMENT);
if (fromFragment) {
  sessionStorage.setItem(STORAGE_KEY, fromFragment);
  history.replaceState(null, '', location.pathname + location.search);
}
const token = sessionStorage.getItem(STORAGE_KEY) ?? '';

const vault = buildVaultApi(
  async (channel, request) => {
    const response = await fetch(`/__ipc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bridge-token': token },
      body: JSON.stringify(request ?? {}),
    });
    return (await response.json()) as Envelope<unknown>;
  },
  (event, listener) => {
    const source = new EventSource(`/__events?t=${encodeURIComponent(token)}`);
    const handler = (message: MessageEvent<string>) => listener(JSON.parse(message.data));
    source.addEventListener(event, handler as EventListener);
    return () => source.close();
  },
);

Object.defineProperty(window, 'vault', { value: Object.freeze(vault), writable: false, configurable: false });
