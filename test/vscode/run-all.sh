#!/usr/bin/env bash
# Runs the integration suite in a real VS Code extension host on every workspace shape the
# extension must handle: the sample workspace, a multi-root workspace and a folder with no
# backend evidence. Stops at the first failing run and exits with its code.
#
#   test/vscode/run-all.sh [--verbose]
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FIXTURES="$HERE/../fixtures"
for workspace in \
  "$FIXTURES/express-postgres-redis" \
  "$FIXTURES/multi-root.code-workspace" \
  "$FIXTURES/no-backend"; do
  bash "$HERE/run-tests.sh" "$workspace" "$@"
  code=$?
  if [ "$code" != 0 ]; then
    echo "[vscode:test] $(basename "$workspace"): exit code $code" >&2
    exit "$code"
  fi
done
