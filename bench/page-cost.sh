#!/usr/bin/env bash
# What one live update costs the browser (issue 12): the Release app on the demo database with the demo feed posting a
# report every second, one page of each kind open (coordinator's and a ward's queue, map and dashboard), and per page
# the WebSocket frames and KB that arrived and the page's main-thread time (tasks, script, style, layout) over
# SECONDS, beside bench/page-cost/baseline.json. Results: docs/performance.md, "What a live update costs the browser".
# usage: bash bench/page-cost.sh [SECONDS=40] [--save-baseline NOTE]
# Needs Debian's chromium and node/npm (playwright-core is installed into /tmp/page-memory). About 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-40}; save=""
[ "${2:-}" = "--save-baseline" ] && save=bench/page-cost/baseline.json && export NOTE="${3:-}"
[ -d /tmp/page-memory/node_modules/playwright-core ] || npm install --prefix /tmp/page-memory playwright-core@1.64.1 >/dev/null
export NODE_PATH=/tmp/page-memory/node_modules
dotnet build -c Release HauGiang.Portal -nologo -v q -clp:ErrorsOnly
port=5182; out=$(mktemp -d)
(cd HauGiang.Portal && ASPNETCORE_ENVIRONMENT=Development Demo__Feed__Enabled=true Demo__Feed__IntervalSeconds=1 \
  ASPNETCORE_URLS=http://127.0.0.1:$port exec dotnet bin/Release/net10.0/HauGiang.Portal.dll > "$out/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$out"' EXIT
for _ in $(seq 90); do curl -sf http://127.0.0.1:$port/health >/dev/null && break; sleep 1; done
node bench/page-cost/live-cost.mjs http://127.0.0.1:$port "$seconds" bench/page-cost/baseline.json $save
