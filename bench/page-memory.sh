#!/usr/bin/env bash
# Server memory of N idle open pages (issue 12): starts the Release app on the demo database (demo feed off), opens N
# pages of PATH in one headless Chromium (one context each, signed in as the given users in turn), takes heap dumps
# before and after, and prints what one page holds: live managed objects, GC heap, working set, and the types that grew.
# usage: bash bench/page-memory.sh N PATH EMAIL...   e.g. bash bench/page-memory.sh 20 /queue canbo.vithanh@haugiang.demo dieuphoi@haugiang.demo
# Needs Debian's chromium, node/npm (playwright-core is installed into /tmp/page-memory), dotnet-dump (installed as a
# global tool if missing). Takes about 2 minutes. Results: docs/performance.md, "Memory of an open page".
set -euo pipefail
cd "$(dirname "$0")/.."
n=$1; path=$2; shift 2
tools=$HOME/.dotnet/tools
[ -x "$tools/dotnet-dump" ] || dotnet tool install -g dotnet-dump >/dev/null
[ -x "$tools/dotnet-gcdump" ] || dotnet tool install -g dotnet-gcdump >/dev/null
# The working set after a full collection (a gcdump induces one): without it, the figure is mostly garbage that the
# server GC has not yet needed to collect.
rss_after_gc() { "$tools/dotnet-gcdump" collect -p "$1" -o "$out/x.gcdump" >/dev/null 2>&1; rm -f "$out/x.gcdump"; sleep 3; awk '/VmRSS/{print $2}' /proc/$1/status; }
[ -d /tmp/page-memory/node_modules/playwright-core ] || npm install --prefix /tmp/page-memory playwright-core@1.64.1 >/dev/null
export NODE_PATH=/tmp/page-memory/node_modules
dotnet build -c Release HauGiang.Portal -nologo -v q -clp:ErrorsOnly
port=5181; out=$(mktemp -d)
(cd HauGiang.Portal && ASPNETCORE_ENVIRONMENT=Development Demo__Feed__Enabled=false ASPNETCORE_URLS=http://127.0.0.1:$port \
  exec dotnet bin/Release/net10.0/HauGiang.Portal.dll > "$out/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 90); do curl -sf http://127.0.0.1:$port/health >/dev/null && break; sleep 1; done
HOLD=1 node bench/page-memory/open-pages.mjs http://127.0.0.1:$port 2 "$path" "$@" >/dev/null   # warm up: JIT, caches
pid=$(pgrep -f "bin/Release/net10.0/HauGiang.Portal.dll" | head -1)
sleep 5
"$tools/dotnet-dump" collect -p "$pid" -o "$out/before.dmp" --type Heap >/dev/null
rss0=$(rss_after_gc "$pid")
HOLD=30 node bench/page-memory/open-pages.mjs http://127.0.0.1:$port "$n" "$path" "$@" > "$out/pages.out" 2>&1 &
fleet=$!
for _ in $(seq 300); do grep -q open "$out/pages.out" && break; sleep 1; done
sleep 10
"$tools/dotnet-dump" collect -p "$pid" -o "$out/after.dmp" --type Heap >/dev/null
rss1=$(rss_after_gc "$pid")
wait $fleet || true
for d in before after; do "$tools/dotnet-dump" analyze "$out/$d.dmp" -c "dumpheap -stat -live" -c "eeheap -gc" -c exit > "$out/$d.txt" 2>&1; done
echo "N=$n path=$path  working set after a full GC $((rss0/1024)) -> $((rss1/1024)) MB: $(( (rss1-rss0)/n )) KB per page"
python3 bench/page-memory/heap-diff.py "$n" ${TOP:-15} "$out/before.txt" "$out/after.txt"
[ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp "$out"/before.txt "$out"/after.txt "$KEEP"/
rm -rf "$out"
