# Shared by the scripts: where things are, and building only when the sources changed.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export KG_DATA_DIR="${KG_DATA_DIR:-$ROOT/.data}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
CLI_DLL="$ROOT/src/KnowledgeGraph.Cli/bin/Release/net10.0/kg.dll"
API_DLL="$ROOT/src/KnowledgeGraph.Api/bin/Release/net10.0/KnowledgeGraph.Api.dll"

require_dotnet() {
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download" >&2; exit 2; }
}

# node and npm build the web bundles and run the conformance and Cypher checks. The tools' packages say in their
# `engines` what they need: graphql-ws 6 Node.js 20, @neo4j-cypher/language-support (tools/cypher-lint) 24.11.1, the
# highest, so NODE_MIN. A Debian 12 machine has 18: then the registry's `node` package (a Node.js 24 binary) is
# installed into .tools/node and put first on PATH. As root, missing node and npm come from Debian's packages first.
NODE_MIN=24.11.1
NODE_PACKAGE=node@24

node_version() { node --version 2>/dev/null | sed -nE 's/^v([0-9]+\.[0-9]+\.[0-9]+).*/\1/p'; }

# True when the version $1 is $NODE_MIN or later.
node_new_enough() { [ -n "$1" ] && [ "$(printf '%s\n%s\n' "$NODE_MIN" "$1" | sort -V | head -1)" = "$NODE_MIN" ]; }

require_node() {
  local tools="$ROOT/.tools/node/node_modules/.bin"
  [ -x "$tools/node" ] && export PATH="$tools:$PATH"
  if ! command -v npm >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing node and npm (apt-get)..." >&2
      apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >&2
    else
      echo "node and npm are needed (Debian/Ubuntu: sudo apt-get install nodejs npm)" >&2; exit 2
    fi
  fi
  local version; version="$(node_version)"
  if ! node_new_enough "$version"; then
    echo "Node.js ${version:-?} found; the tools need $NODE_MIN or later: installing $NODE_PACKAGE into .tools/node..." >&2
    npm install --prefix "$ROOT/.tools/node" --no-audit --no-fund --loglevel=error "$NODE_PACKAGE" >&2
    export PATH="$tools:$PATH"
    version="$(node_version)"
    if ! node_new_enough "$version"; then
      echo "Node.js $NODE_MIN or later is still not on PATH (found ${version:-none}); install it and run again." >&2; exit 2
    fi
  fi
}

# True when a source file is newer than the given build output.
sources_changed() {
  [ ! -f "$1" ] && return 0
  [ -n "$(find "$ROOT/src" "$ROOT"/Directory.*.props "$ROOT/global.json" -type f \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.tsv' -o -name '*.json' -o -name '*.graphql' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -newer "$1" -print -quit)" ]
}

build_product() {
  require_dotnet
  if sources_changed "$API_DLL" || sources_changed "$CLI_DLL"; then
    echo "Building..." >&2
    dotnet build "$ROOT/src/KnowledgeGraph.Api" -c Release -v quiet -nologo >&2
    dotnet build "$ROOT/src/KnowledgeGraph.Cli" -c Release -v quiet -nologo >&2
  fi
}

kg() { dotnet "$CLI_DLL" "$@"; }
