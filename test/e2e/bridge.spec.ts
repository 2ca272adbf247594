/**
 * The test bridge (`npm run e2e:serve`, test/e2e/bridge/server.ts) runs the real main-process handlers on a
 * loopback port: who else may use it? The audit (issue 12, item 5) found its token in the unauthenticated
 * index.html and no Host check, so another local user, or a web page through DNS rebinding, could call
 * `keys:reveal`. Now: no unauthenticated response holds the token, only our own Host and Origin are answered,
 * and the user's own keychain needs a loud opt-in. Chromium only: the real app has no bridge.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../helpers/process';
import { App } from './app';
import { expect, test } from './fixtures';
import { row } from './screen';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so that Host and Origin can be anything (fetch does not let a caller set Host). */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

test.describe('the test bridge', () => {
  test.beforeEach(() => {
    test.skip(test.info().project.name === 'electron', 'the bridge is what the Chromium project runs; the real app has none');
  });

  test('no unauthenticated response holds the token; the page takes it from its fragment and clears the address bar', async ({ browser }) => {
    const app = await App.start(browser);
    try {
      const rendererDir = path.join(repoRoot, 'out/renderer');
      const assets = ['/', '/index.html', '/__vault_bridge.js', ...walk(rendererDir).map((f) => `/${path.relative(rendererDir, f).split(path.sep).join('/')}`)];
      expect(assets.length).toBeGreaterThan(4);
      for (const asset of assets) {
        const reply = await request(new URL(asset, app.url).href);
        expect(reply.status, asset).toBe(200);
        expect(reply.body.includes(app.token), `${asset} holds the token`).toBe(false);
        expect(JSON.stringify(reply.headers).includes(app.token), `${asset}'s headers hold the token`).toBe(false);
      }
      // The page works through the bridge, after a reload too (the token stays in the tab's sessionStorage), and
      // its address no longer shows the token.
      await app.createKey('listed');
      await app.reload();
      await expect(row(app.page, 'listed')).toBeVisible();
      expect(app.page.url()).not.toContain(app.token);
    } finally {
      await app.close();
    }
  });

  test('refuses calls without the token, from another Host (DNS rebinding) or another Origin', async ({ browser }) => {
    const app = await App.start(browser);
    try {
      const { port } = new URL(app.url);
      const call = (headers: Record<string, string>, pathname = '/__ipc/keys:list') =>
        request(new URL(pathname, app.url).href, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
      const token = { 'x-bridge-token': app.token };

      // With the token, from our own origin: answered.
      expect((await call(token)).status).toBe(200);
      expect((await call({ ...token, origin: `http://127.0.0.1:${port}` })).status).toBe(200);

      // Without it, or with it only in the query (allowed for the event stream alone): refused.
      expect((await call({})).status).toBe(403);
      expect((await call({}, `/__ipc/keys:list?t=${app.token}`)).status).toBe(403);
      expect((await request(new URL(`/__test/seen-secrets?t=${app.token}`, app.url).href)).status).toBe(403);

      // A rebinding DNS name, another port, or another site's page: refused, even with the token, even for /.
      for (const host of [`evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, '127.0.0.1', `localhost.evil.example:${port}`]) {
        expect((await call({ ...token, host })).status, host).toBe(403);
        expect((await request(app.url, { headers: { host } })).status, host).toBe(403);
      }
      for (const origin of ['http://evil.example', `http://evil.example:${port}`, `http://127.0.0.1:${Number(port) + 1}`, 'null']) {
        expect((await call({ ...token, origin })).status, origin).toBe(403);
      }
      expect((await call({ ...token, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    } finally {
      await app.close();
    }
  });

  test('runs on the user\'s own keychain only when asked for, and then says so loudly', async () => {
    const server = path.join(repoRoot, 'test/e2e/bridge/server.ts');
    const start = (extra: Record<string, string>) => {
      const { MCPKV_IN_TEST_KEYRING: _test, MCPKV_USE_SESSION_KEYRING: _session, ...inherited } = process.env;
      const env: NodeJS.ProcessEnv = { ...inherited, BRIDGE_PORT: '0', ...extra };
      const child = spawn(process.execPath, ['--import', 'tsx', server], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      return { child, out: () => stdout, err: () => stderr };
    };

    // Outside test/with-keyring.sh and without the opt-in: refused before anything is opened.
    const refused = start({});
    const code = await new Promise((resolve) => refused.child.on('exit', resolve));
    expect(code).toBe(2);
    expect(refused.err()).toContain('refusing to start on your own keychain');
    expect(refused.out()).toBe('');

    // With MCPKV_USE_SESSION_KEYRING=1 it starts (here the session keychain is still the test one), with a banner.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-bridge-optin-'));
    const optedIn = start({ MCPKV_USE_SESSION_KEYRING: '1', MCPKV_HOME: home, MCPKV_KEYCHAIN_SERVICE: `mcpkv-e2e-optin-${process.pid}` });
    try {
      await expect.poll(() => optedIn.out(), { timeout: 30_000 }).toContain('"url"');
      expect(optedIn.err()).toContain('runs on YOUR OWN keychain');
    } finally {
      optedIn.child.kill('SIGTERM');
      await new Promise((resolve) => optedIn.child.on('exit', resolve));
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
