#!/usr/bin/env bash
# Runs the extension's integration suite inside a real VS Code extension host.
#
#   test/vscode/run-tests.sh [workspace-folder | file.code-workspace] [--env KEY=VALUE]... [--verbose]
#
# Installs (or confirms) the tools first, then hands over to run-tests.js; see that file for all
# options. Expects the extension built (npm run build) and the suite compiled (npx tsc -p .).
# Exit code: 0 pass, 1 fail, 2 timeout, 3 harness error.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! VSCODE_INSTALL_QUIET=1 bash "$HERE/install.sh"; then
  echo "[vscode:test] installing the tools failed" >&2
  exit 3
fi
exec node "$HERE/run-tests.js" "$@"
