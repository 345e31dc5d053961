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
# The working set is split as the kernel counts it: private memory (RssAnon), mapped files (RssFile: the runtime's and
# app's DLLs and the SQLite file, read through mmap — the OS page cache, shared and reclaimable) and shared memory
# (RssShmem: the JIT's double-mapped code when W^X is on).
rss_after_gc() { "$tools/dotnet-gcdump" collect -p "$1" -o "$out/x.gcdump" >/dev/null 2>&1; rm -f "$out/x.gcdump"; sleep 3
  awk '/^(VmRSS|RssAnon|RssFile|RssShmem)/{printf "%s ", $2}' /proc/$1/status; }
[ -d /tmp/page-memory/node_modules/playwright-core ] || npm install --prefix /tmp/page-memory playwright-core@1.64.1 >/dev/null
export NODE_PATH=/tmp/page-memory/node_modules
dotnet build -c Release HauGiang.Portal -nologo -v q -clp:ErrorsOnly
port=5181; out=$(mktemp -d)
# A page loads its scripts and styles over ~7 parallel connections that the browser then keeps idle; Kestrel keeps
# them for its KeepAliveTimeout (130 s), ~8 KB each. Behind the reverse proxy of a real install (docs/deploy.md) they
# end at the proxy, so they are not part of what an open page costs the app: they are let go after 5 s here.
export Kestrel__Limits__KeepAliveTimeout=${KEEPALIVE:-00:00:05}
(cd HauGiang.Portal && ASPNETCORE_ENVIRONMENT=Development Demo__Feed__Enabled=false ASPNETCORE_URLS=http://127.0.0.1:$port \
  exec dotnet bin/Release/net10.0/HauGiang.Portal.dll > "$out/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 90); do curl -sf http://127.0.0.1:$port/health >/dev/null && break; sleep 1; done
HOLD=1 node bench/page-memory/open-pages.mjs http://127.0.0.1:$port 2 "$path" "$@" >/dev/null   # warm up: JIT, caches
pid=$(pgrep -f "bin/Release/net10.0/HauGiang.Portal.dll" | head -1)
sleep 5
"$tools/dotnet-dump" collect -p "$pid" -o "$out/before.dmp" --type Heap >/dev/null
read -r rss0 anon0 file0 shm0 <<< "$(rss_after_gc "$pid")"
[ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp /proc/$pid/smaps "$KEEP/smaps.before"
STOP=$out/stop HOLD=900 node bench/page-memory/open-pages.mjs http://127.0.0.1:$port "$n" "$path" "$@" > "$out/pages.out" 2>&1 &
fleet=$!
for _ in $(seq 300); do grep -q open "$out/pages.out" && break; sleep 1; done
sleep 10
"$tools/dotnet-dump" collect -p "$pid" -o "$out/after.dmp" --type Heap >/dev/null
read -r rss1 anon1 file1 shm1 <<< "$(rss_after_gc "$pid")"
[ -n "${KEEP:-}" ] && cp /proc/$pid/smaps "$KEEP/smaps.after"
# N more pages beside the first N: what each additional page costs once the server has warmed to this load (the GC's
# gen0 budget, thread pool and malloc arenas grow with the first burst of pages, not with every page).
STOP=$out/stop HOLD=900 node bench/page-memory/open-pages.mjs http://127.0.0.1:$port "$n" "$path" "$@" > "$out/pages2.out" 2>&1 &
fleet2=$!
for _ in $(seq 300); do grep -q open "$out/pages2.out" && break; sleep 1; done
sleep 10
read -r rss2 anon2 file2 shm2 <<< "$(rss_after_gc "$pid")"
[ -n "${KEEP:-}" ] && cp /proc/$pid/smaps "$KEEP/smaps.after2"
touch "$out/stop"; wait $fleet $fleet2 || true
for d in before after; do "$tools/dotnet-dump" analyze "$out/$d.dmp" -c "dumpheap -stat -live" -c "eeheap -gc" -c exit > "$out/$d.txt" 2>&1; done
echo "N=$n path=$path  working set after a full GC $((rss0/1024)) -> $((rss1/1024)) MB: $(( (rss1-rss0)/n )) KB per page"
echo "  of which private (RssAnon) $((anon0/1024)) -> $((anon1/1024)) MB: $(( (anon1-anon0)/n )) KB per page;" \
  "mapped files $((file0/1024)) -> $((file1/1024)) MB: $(( (file1-file0)/n )) KB; shared $((shm0/1024)) -> $((shm1/1024)) MB: $(( (shm1-shm0)/n )) KB"
echo "N more pages (2N open): working set $((rss1/1024)) -> $((rss2/1024)) MB: $(( (rss2-rss1)/n )) KB per additional page;" \
  "private $(( (anon2-anon1)/n )) KB, mapped files $(( (file2-file1)/n )) KB, shared $(( (shm2-shm1)/n )) KB"
python3 bench/page-memory/heap-diff.py "$n" ${TOP:-15} "$out/before.txt" "$out/after.txt"
[ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp "$out"/before.txt "$out"/after.txt "$KEEP"/ && mv "$out"/after.dmp "$KEEP"/
rm -rf "$out"
