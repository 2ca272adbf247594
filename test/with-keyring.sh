#!/usr/bin/env bash
# Runs a command against a private, unlocked Secret Service (gnome-keyring) in its own D-Bus session,
# with a throwaway HOME, so tests and benchmarks use a real OS keychain without touching the user's.
# If a Secret Service is already reachable (a developer's desktop) and MCPKV_USE_SESSION_KEYRING=1,
# the command runs against that one instead.
set -euo pipefail
if [ "$#" -eq 0 ]; then echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; fi
if [ "${MCPKV_IN_TEST_KEYRING:-}" = 1 ] || [ "${MCPKV_USE_SESSION_KEYRING:-}" = 1 ]; then exec "$@"; fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "$0: '$tool' not found. Install the test keychain: apt-get install gnome-keyring dbus libsecret-1-dev" >&2
    exit 2
  fi
done
sandbox=$(mktemp -d -t mcpkv-keyring.XXXXXX)
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/home" "$sandbox/data/keyrings" "$sandbox/config" "$sandbox/cache" "$sandbox/runtime"
chmod 700 "$sandbox/runtime"
export MCPKV_REAL_HOME="${HOME:-}" HOME="$sandbox/home" XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" \
  XDG_CACHE_HOME="$sandbox/cache" XDG_RUNTIME_DIR="$sandbox/runtime" MCPKV_IN_TEST_KEYRING=1
# Browsers and npm keep their caches where the real HOME put them.
export PLAYWRIGHT_BROWSERS_PATH="${PLAYWRIGHT_BROWSERS_PATH:-0}" npm_config_cache="${npm_config_cache:-$MCPKV_REAL_HOME/.npm}"
# dbus-daemon warns that it cannot raise its fd limit when not privileged enough; that is noise here.
printf '#!/bin/sh\nexec dbus-daemon "$@" 2>/dev/null\n' >"$sandbox/dbus-daemon-quiet"
chmod +x "$sandbox/dbus-daemon-quiet"
# The keyring daemon leaves with the session bus when the command ends.
dbus-run-session --dbus-daemon="$sandbox/dbus-daemon-quiet" -- bash -c '
  eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets --daemonize)" >/dev/null
  export GNOME_KEYRING_CONTROL
  exec "$@"
' bash "$@"
