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
step "end-to-end tests (Chromium + bridge to the real main-process handlers)"
bash test/with-keyring.sh npx playwright test
