import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layers (README, "How it is built"). A layer is a folder; each rule below names what a folder may not reach.
// Relative imports are matched by the top-level folder they climb into, so a rule holds however deep the file is.
const climbsInto = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
const ELECTRON = '^electron(/|$)';
const NODE_BUILTIN = `^(node:|(${builtinModules.join('|')})(/|$))`;

/** One config entry per layer: static imports (no-restricted-imports) and dynamic `import()`s of the same names. */
function layer(files, forbidden) {
  const patterns = forbidden.map(([regex, message]) => ({ regex, message, caseSensitive: true }));
  // esquery regexes end at the first '/', so a '/' in the pattern is written as \x2F.
  const dynamic = forbidden.map(([regex, message]) => ({
    selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/]`,
    message,
  }));
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }], 'no-restricted-syntax': ['error', ...dynamic] } };
}

const layers = [
  // Pure logic used by both sides (and bundled into the sandboxed renderer): nothing of ours, no Electron, no Node.
  layer(['shared/**'], [
    [climbsInto('electron', 'renderer', 'test', 'bench', 'scripts'), 'shared/ imports nothing of ours outside shared/.'],
    [ELECTRON, 'shared/ runs on both sides: no electron import.'],
    [NODE_BUILTIN, 'shared/ is bundled into the sandboxed renderer: no Node built-ins.'],
  ]),
  // The sandboxed page: it reaches the vault only through window.vault, and of our code only shared/.
  layer(['renderer/**'], [
    [climbsInto('electron', 'test', 'bench', 'scripts'), 'renderer/ imports only shared/ among our folders (the vault is window.vault).'],
    [ELECTRON, 'renderer/ is a sandboxed page: no electron import (the vault is window.vault).'],
    [NODE_BUILTIN, 'renderer/ is a sandboxed page: no Node built-ins.'],
  ]),
  // Plain Node, shared by the app, the CLI and the E2E bridge.
  layer(['electron/core/**', 'electron/cli/**'], [
    [ELECTRON, 'electron/core and electron/cli are plain Node: only electron/main and electron/preload import electron.'],
    [climbsInto('main', 'preload', 'electron/main', 'electron/preload'), 'electron/core and electron/cli are plain Node: they never import electron/main or electron/preload.'],
    [climbsInto('renderer', 'test', 'bench', 'scripts'), 'electron/core and electron/cli import only electron/core, electron/cli and shared/.'],
  ]),
  // The Electron side: it may import electron, and never the page or the tests.
  layer(['electron/main/**', 'electron/preload/**'], [
    [climbsInto('renderer', 'test', 'bench', 'scripts'), 'electron/main and electron/preload never import renderer/, test/ or bench/.'],
  ]),
];

export default tseslint.config(
  { ignores: ['out/', 'node_modules/', 'test-results/', 'playwright-report/', 'docs/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Secrets must never reach a log: the only console use allowed is the main process's sanitized error line.
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-console': 'error' },
  },
  {
    files: ['test/**/*.{ts,mjs}', 'bench/**/*.{ts,mjs}', 'scripts/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
  ...layers,
);
