#!/usr/bin/env bash
# Runs the integration suite in a real VS Code extension host on every workspace shape the
# extension must handle: the sample workspace, a multi-root workspace, a folder with no backend
# evidence, a Go module whose tests alone import some of its requirements, a Rails app whose
# Kubernetes manifests are ERB templates, a workspace whose
# settings name its own rule file, once trusted and once untrusted, the sample workspace with
# scanning on start-up switched off, the sample in German, the profile run (the sample, then
# rust-axum, in one window with one user-data folder, git on), and a copy of the sample opened
# four times with files changed between the openings (--reopen). Then walks the keyboard path on
# the sample workspace with real key presses (keyboard.js).
# Stops at the first failing run and exits with its code.
#
#   test/vscode/run-all.sh [--verbose]
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FIXTURES="$HERE/../fixtures"
run() {
  bash "$HERE/run-tests.sh" "$@"
  code=$?
  if [ "$code" != 0 ]; then
    echo "[vscode:test] $*: exit code $code" >&2
    exit "$code"
  fi
}
run "$FIXTURES/express-postgres-redis" "$@"
run "$FIXTURES/multi-root.code-workspace" "$@"
run "$FIXTURES/no-backend" "$@"
run "$FIXTURES/go-broker-testkit" "$@"
run "$FIXTURES/rails-sidekiq" "$@"
run "$FIXTURES/workspace-rules" "$@"
run "$FIXTURES/workspace-rules" --untrusted "$@"
run "$FIXTURES/scan-on-demand.code-workspace" "$@"
run "$FIXTURES/express-postgres-redis" --locale de "$@"
run "$FIXTURES/express-postgres-redis" --then "$FIXTURES/rust-axum" --env BSM_TEST_SUITE=profile \
  --setting git.enabled=true --setting 'git.openRepositoryInParentFolders="always"' "$@"
run "$FIXTURES/express-postgres-redis" --reopen "$@"
node "$HERE/keyboard.js" "$@"
code=$?
if [ "$code" != 0 ]; then
  echo "[vscode:test] keyboard walk: exit code $code" >&2
  exit "$code"
fi
