#!/usr/bin/env bash
# The graph contract suite against a real Neo4j 5.26, on a machine with Docker: starts the neo4j service of
# docker-compose.yml (in a project of its own, with a throw-away volume), waits for its Query API, runs the test
# projects that compare the two stores one after the other (they share that one graph), then stops and removes it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
require_dotnet
docker info >/dev/null 2>&1 || { echo "scripts/test-neo4j.sh needs a running Docker engine (docker info failed)" >&2; exit 2; }

export KG_NEO4J_PASSWORD="${KG_NEO4J_PASSWORD:-contract-suite-password}"
export KG_NEO4J_URL="${KG_NEO4J_URL:-http://localhost:7474}" KG_NEO4J_USER=neo4j KG_NEO4J_DATABASE=neo4j
compose=(docker compose -p kg-neo4j-contract -f "$ROOT/docker-compose.yml")

echo "== Neo4j 5.26 (docker-compose.yml, service neo4j)"
"${compose[@]}" up -d neo4j
started_db=0
cleanup() {
  "${compose[@]}" down -v >/dev/null 2>&1 || true
  [ "$started_db" = 1 ] && kg db stop >/dev/null
}
trap cleanup EXIT
for _ in $(seq 1 90); do
  if curl -sf -u "neo4j:$KG_NEO4J_PASSWORD" -H 'Content-Type: application/json' \
      -d '{"statement":"RETURN 1"}' "$KG_NEO4J_URL/db/neo4j/query/v2" >/dev/null; then
    break
  fi
  sleep 2
done

echo "== build"
dotnet build KnowledgeGraph.sln -c Release -v quiet -nologo
require_node
(cd "$ROOT/tools/cypher-lint" && npm ci --no-audit --no-fund --loglevel=error)
if [ -z "${KG_POSTGRES:-}" ]; then
  kg db status >/dev/null 2>&1 || started_db=1
  kg db start >/dev/null
fi

echo "== contract suite (PostgreSQL and Neo4j)"
for project in KnowledgeGraph.Graph.Tests KnowledgeGraph.Graph.Neo4j.Tests; do
  dotnet test --project "tests/$project" -c Release --no-build
done
