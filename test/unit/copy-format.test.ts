import { describe, expect, it } from 'vitest';
import { envLine, formatForCopy, httpHeaderLine, HTTP_HEADER_STYLES } from '../../shared/copy-format';
import { parse as parseEnv } from 'dotenv';

const SECRET = 'mcp_sk_AbC123xyz';

describe('copy formats', () => {
  it('key: the bare key, nothing added', () => {
    expect(formatForCopy(SECRET, 'key', { envVar: 'MCP_API_KEY', httpHeader: 'x-api-key' })).toBe(SECRET);
  });

  it('env: NAME=<key> with the configured variable name', () => {
    expect(formatForCopy(SECRET, 'env', { envVar: 'MCP_API_KEY' })).toBe(`MCP_API_KEY=${SECRET}`);
    expect(formatForCopy(SECRET, 'env', { envVar: 'OPENAI_API_KEY' })).toBe(`OPENAI_API_KEY=${SECRET}`);
  });

  it('env: a key a .env reader would misread is quoted so it reads back exactly', () => {
    for (const secret of ['sk#frag', 'a"b', "it's", 'x=y', '$HOME']) {
      const line = envLine(secret, 'MCP_API_KEY');
      expect(parseEnv(line).MCP_API_KEY).toBe(secret);
    }
  });

  it('header: the key\'s own style, Bearer when none is set', () => {
    expect(formatForCopy(SECRET, 'header', { envVar: 'X' })).toBe(`Authorization: Bearer ${SECRET}`);
    expect(httpHeaderLine(SECRET, 'bearer')).toBe(`Authorization: Bearer ${SECRET}`);
    expect(httpHeaderLine(SECRET, 'x-api-key')).toBe(`X-API-Key: ${SECRET}`);
    expect(httpHeaderLine(SECRET, 'apikey')).toBe(`Authorization: ApiKey ${SECRET}`);
    expect(new Set(HTTP_HEADER_STYLES.map((s) => httpHeaderLine('k', s))).size).toBe(HTTP_HEADER_STYLES.length);
  });
});
