#!/usr/bin/env bash
# Idempotent installer for the real-VS Code e2e harness (shared/e2e.md): Debian chromium, ripgrep, libkrb5-dev and
# build tools from apt when missing, the @vscode/ripgrep cache seeded from Debian's rg (no GitHub download), then
# `npm ci` of code-server 4.100.3 + playwright-core 1.65.1 in test/e2e. Never downloads a browser or VS Code.
set -euo pipefail
cd "$(dirname "$0")"
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v g++ >/dev/null || need+=(build-essential python3)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
RG_TGZ="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$RG_TGZ" ]; then
  mkdir -p "$RG_CACHE"
  tar -C "$(dirname "$(command -v rg)")" -czf "$RG_TGZ" rg
fi
if [ ! -x node_modules/.bin/code-server ]; then
  npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund
fi
