// Runs Electronegativity over electron/ and fails on any MEDIUM or HIGH finding that is not explained in
// electronegativity-explained.json (with the test that proves the protection). Offline: the check that
// downloads Electron's release list is left out (this network cannot reach GitHub).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const toolDir = path.join(here, 'electronegativity');
const cli = path.join(toolDir, 'node_modules/@doyensec/electronegativity/dist/index.js');
if (!fs.existsSync(cli)) execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: toolDir, stdio: 'inherit' });

const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-')), 'report.csv');
execFileSync(process.execPath, [cli, '-i', path.join(root, 'electron'), '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-o', csv], {
  stdio: 'ignore',
});

const explained = JSON.parse(fs.readFileSync(path.join(here, 'electronegativity-explained.json'), 'utf8'));
const rows = fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((line) => {
  const [issue, severity, , file, location] = line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
  return { issue, severity, file, location };
});
const serious = rows.filter((r) => r.severity === 'MEDIUM' || r.severity === 'HIGH');
const unexplained = serious.filter((r) => explained[r.issue]?.file !== r.file);
for (const r of rows) {
  const note = explained[r.issue]?.file === r.file ? `explained: ${explained[r.issue].why}` : r.severity === 'LOW' || r.severity === 'INFORMATIONAL' ? 'low' : 'UNEXPLAINED';
  console.log(`  ${r.severity.padEnd(6)} ${r.issue} ${r.file}:${r.location} — ${note}`);
}
console.log(`Electronegativity: ${rows.length} finding(s), ${serious.length} medium/high, ${unexplained.length} unexplained.`);
process.exit(unexplained.length ? 1 : 0);
