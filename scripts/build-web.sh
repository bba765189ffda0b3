#!/usr/bin/env bash
# Installs (npm ci) and builds each web bundle: web/NAME/ builds (npm run build) into src/KnowledgeGraph.Api/wwwroot/NAME/.
# Idempotent: a package is reinstalled only when its lock file changed, and rebuilt only when its sources did.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

command -v npm >/dev/null || { echo "Node.js 20+ and npm are needed to build the web bundles: https://nodejs.org" >&2; exit 2; }

for package in "$ROOT"/web/*/; do
  [ -f "$package/package.json" ] || continue
  name="$(basename "$package")"
  stamp="$package/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$package/package-lock.json" -nt "$stamp" ]; then
    echo "== web/$name: npm ci" >&2
    (cd "$package" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  built="$ROOT/src/KnowledgeGraph.Api/wwwroot/$name/.built"
  if [ ! -f "$built" ] || [ -n "$(find "$package" -path "$package/node_modules" -prune -o -type f -newer "$built" -print -quit)" ]; then
    echo "== web/$name: build" >&2
    (cd "$package" && npm run --silent build)
    touch "$built"
  fi
done
