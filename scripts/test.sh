#!/usr/bin/env bash
# Install and start what the tests need, then run every test. CI runs this (through .ci/run).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
require_dotnet

echo "== web bundles and node tools"
require_node
"$ROOT/scripts/build-web.sh"
for tool in cypher-lint graphql-conformance graphql-ws-client graphql-sse-client; do
  (cd "$ROOT/tools/$tool" && npm ci --no-audit --no-fund --loglevel=error)
done

echo "== chromium for the explorer's browser tests"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else echo "Install chromium first: sudo apt-get install -y chromium" >&2; exit 2; fi
fi

echo "== build"
dotnet build KnowledgeGraph.sln -c Release -v quiet -nologo
"$ROOT/scripts/lint.sh"

started_db=0
if [ -z "${KG_POSTGRES:-}" ]; then
  echo "== database (embedded PostgreSQL in $KG_DATA_DIR)"
  kg db status >/dev/null 2>&1 || started_db=1
  kg db start >/dev/null
fi
trap '[ "$started_db" = 1 ] && kg db stop >/dev/null' EXIT

echo "== tests"
log="$(mktemp)"
set +e
dotnet test --solution KnowledgeGraph.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
count() { grep -E "^\s+$1: [0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
echo "$(count succeeded) passed, $(count failed) failed, $(count skipped) skipped"
rm -f "$log"
exit "$status"
