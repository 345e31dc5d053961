#!/usr/bin/env bash
# Issue 4's map and live-update benchmark: seeds 50,000 reports, times the GeoJSON endpoint, /map in headless Chromium
# against a plain Leaflet.markercluster page, and live update latency on one and two instances (Redis).
# Release build, then run. Prints markdown tables (results in docs/performance.md). Options pass through, e.g.:
#   bash bench/map-bench.sh --points 50000 --map-runs 10 --api-runs 20 --changes 100 --only map|live --out /tmp/map.md
# Diagnostics: --micro (the endpoint's pieces in-process), --profile (Chromium CPU profile of one load of each page),
#   --tune "chunkDelay=50;chunkDelay=0" (plain-page option variants, interleaved), BENCH_TRACE=1 (resource timings per load).
# Takes about 5 minutes; the machine's load is printed next to every table, since timings on a shared box are noisy.
# Needs Debian's chromium and redis-server (apt-get install chromium redis-server) and npm (the app's build copies Leaflet).
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in "$CHROMIUM_PATH" redis-server npm; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "$tool" ] || { echo "MISSING: $tool (apt-get install chromium redis-server npm)" >&2; exit 2; }
done
dotnet build -c Release bench/MapBench/MapBench.csproj -nologo -v q -clp:ErrorsOnly
exec dotnet bench/MapBench/bin/Release/net10.0/MapBench.dll "$@"
