/**
 * What a slot's value is (empty, a client placeholder, a key, another value) and how values are shown: masked,
 * never as they are; a placeholder's default (which can be a key) hidden too.
 */
import { describe, expect, it } from 'vitest';
import { headerToken, maskArgs, maskUrl, placeholderIn, plainState, shownValue } from '../../electron/core/mcp/slot-values';
import { serverEntry } from '../../electron/core/mcp/server-entries';

const KEY = 'mcp_sk_0123456789abcdefghijAB12';
const OPAQUE = 'Zq81mN4vT0pLw9sXc2hB7kR5jD3fG6yU1eA0iO8aQ2w9';

describe('slot states from the value alone', () => {
  it('env: a known prefix or a key-like name is a key; other values plain; placeholders and empty values as such', () => {
    expect(plainState('env', 'GITHUB_TOKEN', KEY)).toEqual({ state: 'plaintext-key', masked: 'mcp_sk_…AB12' });
    expect(plainState('env', 'WEATHER_API_KEY', 'abcdefghijklmnop1234')).toEqual({ state: 'plaintext-key', masked: '…1234' });
    expect(plainState('env', 'REGION', 'eu-west-1')).toEqual({ state: 'plaintext', masked: '••••' });
    expect(plainState('env', 'API_KEY', '')).toEqual({ state: 'empty' });
    expect(plainState('env', 'API_KEY', '${input:key}')).toEqual({ state: 'placeholder', placeholder: '${input:key}' });
    expect(plainState('env', 'API_KEY', `\${API_KEY:-${KEY}}`)).toEqual({ state: 'placeholder', placeholder: '${API_KEY:-…}' });
  });

  it('headers: the token after the scheme; Authorization and *-Key names are key-like', () => {
    expect(headerToken(`Bearer ${KEY}`)).toEqual({ scheme: 'Bearer', token: KEY });
    expect(headerToken(KEY)).toEqual({ scheme: null, token: KEY });
    expect(plainState('header', 'Authorization', `ApiKey ${KEY}`)).toEqual({ state: 'plaintext-key', masked: 'mcp_sk_…AB12' });
    expect(plainState('header', 'X-API-Key', 'abcdefghijklmnop9876')).toEqual({ state: 'plaintext-key', masked: '…9876' });
    expect(plainState('header', 'X-Team', 'platform')).toEqual({ state: 'plaintext', masked: '••••' });
    expect(plainState('header', 'Authorization', 'Bearer ${env:TOKEN}')).toEqual({ state: 'placeholder', placeholder: '${env:TOKEN}' });
  });

  it('a preview shows values masked and placeholders without their defaults', () => {
    expect(shownValue('header', `Bearer ${KEY}`)).toBe('Bearer mcp_sk_…AB12');
    expect(shownValue('env', `\${A:-${KEY}}/x`)).toBe('${A:-…}/••••');
    expect(placeholderIn('no placeholder')).toBeNull();
  });

  it('every placeholder without its default, and whatever is outside them masked', () => {
    expect(shownValue('env', '${DB_USER:-app}:${DB_PASS:-hunter2hunter2hunter2}')).toBe('${DB_USER:-…}:${DB_PASS:-…}');
    expect(shownValue('env', `\${HOST}:${KEY}`)).toBe('${HOST}:mcp_sk_…AB12');
    expect(shownValue('env', `${KEY}\${SUFFIX}`)).toBe('mcp_sk_…AB12${SUFFIX}');
    expect(shownValue('header', 'Bearer ${env:LINEAR_TOKEN}')).toBe('Bearer ${env:LINEAR_TOKEN}');
    expect(shownValue('header', `Bearer \${env:A}${KEY}`)).toBe('Bearer ${env:A}mcp_sk_…AB12');
    const shown = shownValue('env', '${A:-hunter2hunter2hunter2}-hunter3hunter3hunter3-${B:-hunter4hunter4hunter4}');
    for (const secret of ['hunter2', 'hunter3', 'hunter4']) expect(shown).not.toContain(secret);
  });
});

describe('arguments and URLs', () => {
  it('masks every argument that could be a key, and nothing else', () => {
    expect(
      maskArgs([
        '-y',
        '@scope/server',
        '--api-key',
        'abcdefghijklmnop1234',
        `--token=${KEY}`,
        KEY,
        OPAQUE,
        '/a/very/long/path/that/is/more/than/forty/characters/long.js',
        '-e',
        `GITHUB_TOKEN=${KEY}`,
        '--header',
        `Authorization: Bearer ${KEY}`,
        '--extra-header',
        'X-Team: platform',
        'https://user:pw@example.com/mcp?api_key=abc&x=1',
        '--key',
        '0123456789abcdef=MCP_API_KEY',
      ]),
    ).toEqual([
      '-y',
      '@scope/server',
      '--api-key',
      '…1234',
      '--token=mcp_sk_…AB12',
      'mcp_sk_…AB12',
      '…Q2w9',
      '/a/very/long/path/that/is/more/than/forty/characters/long.js',
      '-e',
      'GITHUB_TOKEN=mcp_sk_…AB12',
      '--header',
      'Authorization: Bearer mcp_sk_…AB12',
      '--extra-header',
      'X-Team: ••••',
      'https://user:%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2@example.com/mcp?api_key=%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2&x=1',
      '--key',
      '0123456789abcdef=MCP_API_KEY',
    ]);
  });

  it('masks a key in a URL’s path or user name', () => {
    const zapier = maskUrl(`https://actions.zapier.com/mcp/sk-ak-${OPAQUE}/sse`);
    expect(zapier).toBe('https://actions.zapier.com/mcp/%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2/sse');
    expect(maskUrl(`https://${KEY}@git.example.com/mcp`)).toBe('https://%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2@git.example.com/mcp');
    expect(maskArgs([`https://h.example.com/u/${OPAQUE}`])).toEqual(['https://h.example.com/u/%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2']);
    // Short or path-like segments are no keys.
    expect(maskUrl('https://h.example.com/mcp_v2/sk-docs/sse')).toBe('https://h.example.com/mcp_v2/sk-docs/sse');
  });

  it('leaves a URL without credentials as it is', () => {
    expect(maskUrl('https://mcp.example.com/sse?team=a')).toBe('https://mcp.example.com/sse?team=a');
  });
});

describe('server entries', () => {
  it('reads stdio, remote (url / serverUrl, type), Zed’s older command object, and our launcher and proxy forms', () => {
    expect(serverEntry('a', ['mcpServers', 'a'], { command: 'npx', args: ['x'], env: { K: 'v', N: 1 } })).toMatchObject({ transport: 'stdio', form: 'plain', command: 'npx', args: ['x'], env: [['K', 'v']] });
    expect(serverEntry('b', ['mcpServers', 'b'], { serverUrl: 'https://h/mcp', headers: { A: 'b' } })).toMatchObject({ transport: 'http', urlKey: 'serverUrl', url: 'https://h/mcp', headers: [['A', 'b']] });
    expect(serverEntry('c', ['x', 'c'], { url: 'https://h/sse' })).toMatchObject({ transport: 'sse' });
    expect(serverEntry('c', ['x', 'c'], { type: 'sse', url: 'https://h/events' })).toMatchObject({ transport: 'sse' });
    expect(serverEntry('z', ['context_servers', 'z'], { command: { path: 'npx', args: ['y'], env: { T: 'v' } } })).toMatchObject({
      commandAt: ['command', 'path'],
      argsAt: ['command', 'args'],
      envAt: ['command', 'env'],
      command: 'npx',
      env: [['T', 'v']],
    });
    const launched = serverEntry('l', ['s', 'l'], { command: '/usr/bin/node', args: ['/x/bin/mcpkv.js', 'run', '--key', '0123456789abcdef=K', '--', 'npx', 'srv'] });
    expect(launched).toMatchObject({ form: 'launcher', transport: 'stdio', launched: { command: 'npx', args: ['srv'], keys: [{ keyId: '0123456789abcdef', variable: 'K' }] } });
    const proxied = serverEntry('p', ['s', 'p'], {
      command: '/usr/bin/node',
      args: ['/x/bin/mcpkv.js', 'run', '--key', '0123456789abcdef=MCPKV_PROXY_KEY', '--', '/usr/bin/node', '/x/bin/mcpkv.js', 'mcp', 'proxy', 'https://h/sse', '--header', 'X-API-Key', '--transport', 'sse', '--from-env', 'MCPKV_PROXY_KEY'],
    });
    expect(proxied).toMatchObject({ form: 'proxy', transport: 'sse', url: 'https://h/sse', proxy: { header: 'X-API-Key', scheme: null } });
  });
});
