/**
 * `npm run e2e:serve`: the app's UI in any browser on a machine without Electron. Builds the renderer if
 * needed, then starts the bridge (the real main-process handlers, real keychain, real store) on
 * 127.0.0.1 and prints its link, which carries the bridge's token in its fragment: the link is the key, the
 * page itself serves no token. Main's own confirmations are asked here, on the terminal. Runs on the throwaway
 * keychain of test/with-keyring.sh; MCPKV_USE_SESSION_KEYRING=1 uses yours (the bridge then warns loudly).
 * Honours MCPKV_HOME, MCPKV_KEYCHAIN_SERVICE and BRIDGE_PORT.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keychainService, vaultHome } from '../../electron/core/paths';
import { pageUrlWithToken } from './bridge/token';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

if (!fs.existsSync(path.join(root, 'out/renderer/index.html'))) {
  console.log('Building the renderer…');
  const built = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/e2e/bridge/server.ts')], {
  cwd: root,
  env: { ...process.env, BRIDGE_PORT: process.env.BRIDGE_PORT ?? '5199', BRIDGE_CONFIRM: 'terminal' },
  // The terminal is the bridge's: main's confirmations are asked there.
  stdio: ['inherit', 'pipe', 'inherit'],
});
server.stdout.on('data', (chunk: Buffer) => {
  for (const line of chunk.toString().split('\n').filter(Boolean)) {
    const { url, token } = JSON.parse(line) as { url: string; token: string };
    console.log(`\nMCP Key Vault (browser preview, test bridge) — open this link; it is the only way in, share it with no one:`);
    console.log(`  ${pageUrlWithToken(url, token)}`);
    console.log(`  vault folder:      ${vaultHome()}`);
    console.log(`  keychain service:  ${keychainService()}`);
    if (process.env.MCPKV_IN_TEST_KEYRING === '1') {
      console.log('  keychain:          a throwaway test keychain (set MCPKV_USE_SESSION_KEYRING=1 to use your own)');
    }
    console.log('Press Ctrl+C to stop.');
  }
});
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
