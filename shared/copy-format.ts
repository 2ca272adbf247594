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

export const HTTP_HEADER_LABELS: Readonly<Record<HttpHeaderStyle, string>> = {
  bearer: 'Authorization: Bearer <key>',
  'x-api-key': 'X-API-Key: <key>',
  apikey: 'Authorization: ApiKey <key>',
};

/** `Authorization: Bearer <key>`, `X-API-Key: <key>` or `Authorization: ApiKey <key>`. */
export function httpHeaderLine(secret: string, style: HttpHeaderStyle | undefined): string {
  switch (style ?? DEFAULT_HTTP_HEADER) {
    case 'x-api-key':
      return `X-API-Key: ${secret}`;
    case 'apikey':
      return `Authorization: ApiKey ${secret}`;
    case 'bearer':
      return `Authorization: Bearer ${secret}`;
  }
}

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
