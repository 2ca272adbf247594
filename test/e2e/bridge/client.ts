/**
 * TEST ONLY — never part of the app. In the browser, stands in for the preload: builds `window.vault`
 * from the same contract, carrying each call over loopback HTTP to the bridge server, which runs the
 * real main-process handlers.
 */
import { buildVaultApi, type Envelope } from '../../../shared/ipc-contract';

const script = document.currentScript as HTMLScriptElement | null;
const token = script ? new URL(script.src).searchParams.get('t') ?? '' : '';

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
