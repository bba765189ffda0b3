#!/usr/bin/env bash
# Build (Release) and run the benchmarks: scripts/bench.sh [--size tiny|small|full] [--only 1,3]   (default: small, every figure)
# Prints the table and writes it to bench/results/<yyyy-mm-dd>.md. Uses KG_POSTGRES when set; otherwise a private
# embedded PostgreSQL in KG_DATA_DIR (default /tmp/kg-bench-<uid>), stopped at the end if this script started it.
set -euo pipefail
export KG_DATA_DIR="${KG_DATA_DIR:-/tmp/kg-bench-$(id -u)}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
require_dotnet

echo "== build (Release)" >&2
dotnet build bench/KnowledgeGraph.Bench -c Release -v quiet -nologo >&2

started_db=0
if [ -z "${KG_POSTGRES:-}" ]; then
  kg db status >/dev/null 2>&1 || started_db=1
  kg db start >/dev/null
fi
trap '[ "$started_db" = 1 ] && kg db stop >/dev/null' EXIT

echo "== benchmarks (database: ${KG_POSTGRES:+KG_POSTGRES}${KG_POSTGRES:-embedded in $KG_DATA_DIR})" >&2
dotnet bench/KnowledgeGraph.Bench/bin/Release/net10.0/KnowledgeGraph.Bench.dll run "$@"
