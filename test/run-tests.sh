#!/usr/bin/env bash
# `npm test`: typecheck, lint, build, then every test against a real keychain (a private Secret Service
# started by test/with-keyring.sh): unit + integration (vitest) and end to end (Playwright, Debian Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "typecheck"
npm run --silent typecheck
step "lint"
npm run --silent lint
step "security: Electronegativity over electron/ (medium/high findings must be explained)"
node test/security/check-electronegativity.mjs
step "build (app + CLI)"
npx electron-vite build --logLevel warn
node scripts/build-cli.mjs
step "unit + integration tests (real keychain)"
bash test/with-keyring.sh npx vitest run
step "end-to-end tests (Chromium + bridge to the real main-process handlers; the real app where Electron is installed)"
if [ -f node_modules/electron/path.txt ] && [ -f "node_modules/electron/dist/$(cat node_modules/electron/path.txt)" ]; then
  echo "Electron E2E: the same specs also run in the real app (Playwright _electron.launch)."
else
  echo "Electron E2E: SKIPPED - Electron's binary is not installed on this machine (it downloads from GitHub on first run)."
  echo "               The same specs run in Chromium against the real main-process handlers, keychain and store."
fi
# Electron needs a display on Linux; Chromium runs headless either way.
XVFB=()
if command -v xvfb-run >/dev/null && [ -z "${DISPLAY:-}" ]; then XVFB=(xvfb-run -a); fi
bash test/with-keyring.sh "${XVFB[@]}" npx playwright test
