#!/usr/bin/env bash
# The repository's habits, checked: ESLint over the explorer and the test tools' JavaScript (eslint.config.mjs).
# Run by scripts/test.sh; on its own: scripts/lint.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

require_node
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "== eslint"
node_modules/.bin/eslint --max-warnings 0 .
