#!/usr/bin/env bash
# Build, start the database, import graph-seed/ (KG_SEED=0 skips it) and serve on http://127.0.0.1:${KG_PORT:-5080}.
# Ctrl-C stops everything this script started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
require_node
"$ROOT/scripts/build-web.sh"
build_product

started_db=0
api_pid=""
cleanup() {
  trap - INT TERM EXIT
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  if [ "$started_db" = 1 ]; then kg db stop >/dev/null && echo "Stopped the embedded PostgreSQL."; fi
}
trap cleanup INT TERM EXIT

if [ -z "${KG_POSTGRES:-}" ]; then
  kg db status >/dev/null 2>&1 || started_db=1
  kg db start >/dev/null
fi

if [ "${KG_SEED:-1}" != 0 ]; then
  echo "Importing graph-seed/ ..."
  kg import "$ROOT/graph-seed" || echo "warning: some graph-seed lines were rejected (see above); serving what was stored." >&2
fi

url="http://127.0.0.1:${KG_PORT:-5080}"
dotnet "$API_DLL" --urls "$url" &
api_pid=$!
echo "KnowledgeGraph on $url (Ctrl-C to stop)"
wait "$api_pid"
