// Runs Electronegativity over electron/ and fails on any MEDIUM or HIGH finding that is not explained in
// electronegativity-explained.json (with the test that proves the protection). Offline: the check that
// downloads Electron's release list is left out (this network cannot reach GitHub).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const toolDir = path.join(here, 'electronegativity');
const runner = path.join(toolDir, 'node_modules/@doyensec/electronegativity/dist/runner.js');
if (!fs.existsSync(runner)) execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: toolDir, stdio: 'inherit' });

// The programmatic runner, not the CLI: the CLI writes its CSV report with two racing fs.writeFile calls
// (header, then rows appended), so the report is sometimes cut short or garbled.
const runnerModule = createRequire(import.meta.url)(runner);
const run = runnerModule.default ?? runnerModule;
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const result = await run({
  input: path.join(root, 'electron'),
  isRelative: true,
  customScan: [],
  excludeFromScan: ['availablesecurityfixesglobalcheck'],
  electronVersionOverride: electronVersion,
  parserPlugins: [],
});
if (result.errors?.length) {
  console.error(`Electronegativity could not parse ${result.errors.length} file(s):`, result.errors.map((e) => e.file ?? e));
  process.exit(1);
}

const explained = JSON.parse(fs.readFileSync(path.join(here, 'electronegativity-explained.json'), 'utf8'));
const rows = result.issues.map((issue) => ({
  issue: issue.id,
  severity: issue.severity.name,
  file: issue.file,
  location: `${issue.location.line}:${issue.location.column}`,
}));
const isExplained = (r) => Object.hasOwn(explained, r.issue) && explained[r.issue].file === r.file;
const serious = rows.filter((r) => r.severity === 'MEDIUM' || r.severity === 'HIGH');
const unexplained = serious.filter((r) => !isExplained(r));
for (const r of rows) {
  const note = isExplained(r) ? `explained: ${explained[r.issue].why}` : r.severity === 'LOW' || r.severity === 'INFORMATIONAL' ? 'low' : 'UNEXPLAINED';
  console.log(`  ${r.severity.padEnd(6)} ${r.issue} ${r.file}:${r.location} — ${note}`);
}
console.log(`Electronegativity: ${rows.length} finding(s), ${serious.length} medium/high, ${unexplained.length} unexplained.`);
process.exit(unexplained.length ? 1 : 0);
