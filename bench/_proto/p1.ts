import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Conf from 'conf';
import { storeOptions } from '../../electron/core/store';
import { openNodeStore } from '../../electron/core/store.node';
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'p1-'));
const keys: Record<string, unknown> = {};
for (let i = 0; i < 10000; i++) {
  const id = randomBytes(8).toString('hex');
  keys[id] = { id, name: `Key ${i} service-${i % 97}`, description: `Key number ${i} for the staging MCP server of team ${i % 13}`, owner: `dev${i % 50}@example.com`,
    permissions: ['chats:create', 'models:read', ...(i % 3 ? ['files:write'] : [])], metadata: { environment: i % 2 ? 'production' : 'staging', team: `t${i % 13}` },
    source: 'generated', prefix: 'mcp_sk_', fingerprint: randomBytes(2).toString('hex'), createdAt: new Date(Date.now() - i * 1e6).toISOString(),
    expiresAt: new Date(Date.now() + (i - 500) * 1e6).toISOString(), revokedAt: i % 20 === 0 ? new Date().toISOString() : null, rotatedAt: null, lastUsedAt: i % 4 ? null : new Date().toISOString(), usageCount: i % 7 };
}
const data = { version: 1, keys };
let t = performance.now();
const text = JSON.stringify(data);
console.log('stringify', (performance.now() - t).toFixed(1), 'size', text.length);
fs.writeFileSync(path.join(home, 'vault.json'), text);
t = performance.now(); JSON.parse(text); console.log('parse', (performance.now() - t).toFixed(1));
t = performance.now(); JSON.parse(text); console.log('parse', (performance.now() - t).toFixed(1));
t = performance.now(); fs.readFileSync(path.join(home, 'vault.json'), 'utf8'); console.log('read', (performance.now() - t).toFixed(1));
for (let k = 0; k < 3; k++) {
t = performance.now(); const c = new Conf<any>(storeOptions(home)); console.log('conf ctor', (performance.now() - t).toFixed(1));
t = performance.now(); const s = c.store; console.log('conf get', (performance.now() - t).toFixed(1));
t = performance.now(); c.store = s; console.log('conf set', (performance.now() - t).toFixed(1));
}
for (let k = 0; k < 3; k++) {
t = performance.now(); const st = openNodeStore(home); const d = st.read(); console.log('openNodeStore+read', (performance.now() - t).toFixed(1), Object.keys(d.keys).length);
}
t = performance.now(); const fd = fs.openSync(path.join(home, 'x'), 'w'); fs.writeSync(fd, text); const t2 = performance.now(); fs.fsyncSync(fd); fs.closeSync(fd); console.log('write', (t2 - t).toFixed(1), 'fsync', (performance.now() - t2).toFixed(1));
fs.rmSync(home, { recursive: true });
