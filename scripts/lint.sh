#!/usr/bin/env bash
# The repository's habits, checked: ESLint over the explorer and the test tools' JavaScript (eslint.config.mjs), and
# the C# formatter (dotnet format, rules in .editorconfig) finding nothing to change. Fix with: dotnet format KnowledgeGraph.sln
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
echo "== dotnet format --verify-no-changes"
dotnet format KnowledgeGraph.sln --verify-no-changes -v quiet \
  || { echo "The code is not formatted as .editorconfig says: run 'dotnet format KnowledgeGraph.sln' and commit." >&2; exit 1; }
