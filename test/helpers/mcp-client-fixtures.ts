/**
 * TEST ONLY. A fixture HOME with MCP clients' configs, as users have them: Claude Desktop (strict JSON) with a
 * stdio server holding a GitHub token in plain text beside a harmless setting; Cursor (comments, trailing commas)
 * with a remote server whose Authorization header holds a key; VS Code with a `${input:…}` placeholder; Windsurf
 * with an empty key; Zed with a settings file that does not parse. The keys are fresh random values, returned so a
 * test can prove none of them reaches a place it must not.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { userConfigFile } from '../../electron/core/mcp/locations';
import type { McpClientId } from '../../shared/mcp';
import { clientLocations } from './test-mcp';

export interface ClientFixtures {
  /** The fixture HOME. */
  home: string;
  /** The config file of each client written. */
  files: Record<'claude-desktop' | 'cursor' | 'vscode' | 'windsurf' | 'zed', string>;
  /** The plaintext keys in the configs. */
  githubToken: string;
  searchKey: string;
}

export function clientFile(home: string, client: McpClientId): string {
  return userConfigFile(clientLocations(home), client);
}

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

export function writeClientFixtures(home: string): ClientFixtures {
  const githubToken = `ghp_${randomBytes(18).toString('hex')}`;
  const searchKey = `mcp_sk_${randomBytes(16).toString('hex')}`;
  const files = {
    'claude-desktop': write(
      clientFile(home, 'claude-desktop'),
      JSON.stringify(
        {
          mcpServers: {
            github: {
              command: 'npx',
              args: ['-y', '@modelcontextprotocol/server-github'],
              env: { GITHUB_PERSONAL_ACCESS_TOKEN: githubToken, LOG_LEVEL: 'debug' },
            },
          },
        },
        null,
        2,
      ) + '\n',
    ),
    cursor: write(
      clientFile(home, 'cursor'),
      [
        '// Cursor: MCP servers',
        '{',
        '  "mcpServers": {',
        '    "search": {',
        '      "url": "https://search.example.com/mcp",',
        `      "headers": { "Authorization": "Bearer ${searchKey}" }, // the team's key`,
        '    },',
        '  },',
        '}',
        '',
      ].join('\n'),
    ),
    vscode: write(
      clientFile(home, 'vscode'),
      [
        '{',
        '  "inputs": [{ "type": "promptString", "id": "docs-key", "description": "Docs key", "password": true }],',
        '  "servers": {',
        '    "docs": { "type": "stdio", "command": "docs-mcp", "env": { "DOCS_API_KEY": "${input:docs-key}" } },',
        '  },',
        '}',
        '',
      ].join('\n'),
    ),
    windsurf: write(
      clientFile(home, 'windsurf'),
      JSON.stringify({ mcpServers: { weather: { command: 'weather-mcp', args: [], env: { WEATHER_API_KEY: '' } } } }, null, 2) + '\n',
    ),
    zed: write(clientFile(home, 'zed'), '{\n  "theme": "One Dark",\n  "context_servers": {\n    "broken": { "command": \n'),
  };
  return { home, files, githubToken, searchKey };
}
