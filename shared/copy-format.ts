/**
 * What a copy puts on the clipboard: the bare key, a `.env` line, or an HTTP header line in the key's own
 * header style. Pure: main (app) and the CLI format alike, and the renderer can show labels from here.
 */
import { formatEnvValue } from './env-file';
import type { HttpHeaderStyle } from './types';

export type { HttpHeaderStyle };

export const COPY_FORMATS = ['key', 'env', 'header'] as const;
export type CopyFormat = (typeof COPY_FORMATS)[number];

/** How a key is sent over HTTP. A key without a style uses `bearer`. */
export const HTTP_HEADER_STYLES = ['bearer', 'x-api-key', 'apikey'] as const satisfies readonly HttpHeaderStyle[];
export const DEFAULT_HTTP_HEADER: HttpHeaderStyle = 'bearer';

/**
 * Each style's header and scheme, the one table of them (copies, MCP client headers, the proxy):
 * `Authorization: Bearer <key>`, `X-API-Key: <key>`, `Authorization: ApiKey <key>`.
 */
export const HEADER_OF_STYLE = {
  bearer: { header: 'Authorization', scheme: 'Bearer' },
  'x-api-key': { header: 'X-API-Key', scheme: null },
  apikey: { header: 'Authorization', scheme: 'ApiKey' },
} as const satisfies Record<HttpHeaderStyle, { header: string; scheme: string | null }>;

/** A header's value for a key: `<scheme> <key>`, or the bare key when there is no scheme. */
export function headerValue(scheme: string | null | undefined, key: string): string {
  return scheme ? `${scheme} ${key}` : key;
}

/** The header and scheme a key is sent with (its own style, else Bearer). */
export function headerOfStyle(style: HttpHeaderStyle | undefined): { header: string; scheme: string | null } {
  return HEADER_OF_STYLE[style ?? DEFAULT_HTTP_HEADER];
}

/** The style a header name and scheme are, if any: a key imported from a header is sent the same way later. */
export function styleOfHeader(name: string, scheme: string | null): HttpHeaderStyle | undefined {
  return HTTP_HEADER_STYLES.find((style) => {
    const wanted = HEADER_OF_STYLE[style];
    return wanted.header.toLowerCase() === name.toLowerCase() && (wanted.scheme ?? '').toLowerCase() === (scheme ?? '').toLowerCase();
  });
}

/** `Authorization: Bearer <key>`, `X-API-Key: <key>` or `Authorization: ApiKey <key>`. */
export function httpHeaderLine(secret: string, style: HttpHeaderStyle | undefined): string {
  const { header, scheme } = headerOfStyle(style);
  return `${header}: ${headerValue(scheme, secret)}`;
}

export const HTTP_HEADER_LABELS: Readonly<Record<HttpHeaderStyle, string>> = {
  bearer: httpHeaderLine('<key>', 'bearer'),
  'x-api-key': httpHeaderLine('<key>', 'x-api-key'),
  apikey: httpHeaderLine('<key>', 'apikey'),
};

/** `NAME=<key>`, the value quoted only if a `.env` reader would otherwise read it differently. */
export function envLine(secret: string, varName: string): string {
  return `${varName}=${formatEnvValue(secret)}`;
}

export interface CopyFormatOptions {
  /** The key's header style (absent = bearer). */
  httpHeader?: HttpHeaderStyle;
  /** The variable name of the `env` format (the `defaultEnvVar` setting). */
  envVar: string;
}

export function formatForCopy(secret: string, format: CopyFormat, options: CopyFormatOptions): string {
  switch (format) {
    case 'key':
      return secret;
    case 'env':
      return envLine(secret, options.envVar);
    case 'header':
      return httpHeaderLine(secret, options.httpHeader);
  }
}
