import { createRequire } from 'node:module';
const keytar = createRequire(import.meta.url)('keytar') as typeof import('keytar');
const svc = 'proto-' + Date.now();
for (const conc of [1, 4, 16]) {
  const n = 400; let next = 0; const t = performance.now();
  await Promise.all(Array.from({ length: conc }, async () => { while (next < n) { const i = next++; await keytar.setPassword(svc, `c${conc}-${i}`, 'mcp_sk_' + 'x'.repeat(40) + i); } }));
  console.log('conc', conc, ((performance.now() - t) / n).toFixed(2), 'ms/key');
}
let t = performance.now(); for (let i = 0; i < 50; i++) await keytar.getPassword(svc, 'c1-' + i); console.log('get', ((performance.now() - t) / 50).toFixed(2));
t = performance.now(); for (let i = 0; i < 50; i++) await keytar.setPassword(svc, 'z' + i, 'v'); console.log('set seq', ((performance.now() - t) / 50).toFixed(2));
