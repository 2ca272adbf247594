/**
 * TEST ONLY. How the bridge's page learns its token: from its URL's fragment, which a browser never sends over
 * HTTP, so no response of the bridge ever carries the token (bridge/server.ts).
 */
export const TOKEN_FRAGMENT = 'bridge-token';

/** The page's address with the token in its fragment: what `npm run e2e:serve` prints and the E2E harness opens. */
export function pageUrlWithToken(url: string, token: string): string {
  return `${url}#${TOKEN_FRAGMENT}=${encodeURIComponent(token)}`;
}
