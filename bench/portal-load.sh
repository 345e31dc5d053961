#!/usr/bin/env bash
# Issue 12's whole-portal load benchmark: the real app on Kestrel (127.0.0.1) with N real Chromium pages of signed-in
# officers open (queues, maps, dashboards, report pages), while citizens POST through Open311 and officers act.
# Release build, then run. Prints a markdown table, one column per N (results in docs/performance.md). Options, e.g.:
#   bash bench/portal-load.sh --pages 0,25,50,100 --seconds 60 --rate 20 --actions 2
#   bash bench/portal-load.sh --db /tmp/hg-bench.db      # a copy of a larger database (the original is not written to)
#   --no-faults (no frozen/killed browser in the largest run), --demo-reports N, --open-parallel 4, --settle 5, --out FILE,
#   --browser-cpus 1 (default: the last core; "all" lets the browsers use every core), --browser-nice 10 (0: Chromium at its
#   own priorities), --sql-top N (most frequent SQL per run), --raw DIR (CSV of every sample),
#   --warmup S (citizens post for S seconds before each run with pages, not counted: pages that have shown changes)
# Exit code 0 when every target is met, 3 when one is missed, 2 for bad options, 1 if the run failed.
# Needs Debian's chromium (apt-get install chromium) and npm (the app's build copies Leaflet).
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in "$CHROMIUM_PATH" npm; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "$tool" ] || { echo "MISSING: $tool (apt-get install chromium npm)" >&2; exit 2; }
done
dotnet build -c Release bench/PortalLoad/PortalLoad.csproj -nologo -v q -clp:ErrorsOnly
exec dotnet bench/PortalLoad/bin/Release/net10.0/PortalLoad.dll "$@"
