#!/usr/bin/env bash
# Dashboard and export benchmark (issue 6): 1,000,000 generated reports (the queue benchmark's loader) in their own
# SQLite file, reused by the next run if it holds the same N and moment; then DashboardService.GetAsync as a
# coordinator and two heads over 7/30/90 days (p50/p95 and CPU), and CSV/XLSX exports of ~10,000 and ~100,000 rows
# through the real endpoints of the app started on 127.0.0.1 (time, rows, bytes, server memory). Markdown tables.
#
#   bash bench/dashboard-bench.sh --now 2026-11-30T05:30Z                 # the documented run (/tmp/hg-dash.db)
#   bash bench/dashboard-bench.sh --now 2026-11-30T05:30Z --only dashboard --filter coordinator
#   bash bench/dashboard-bench.sh --reports 100000 --db /tmp/small.db --export-rows 1000,10000
#
# Other options: --days N, --seed N, --fresh, --load-only, --iterations N (10), --warmup N (2), --only dashboard|export,
# --sample-ms N (50), --out FILE. Exit code: 0 if everything met its target, 1 if not, 2 on bad arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! dotnet build bench/DashboardBench/DashboardBench.csproj -c Release -nologo >"$log" 2>&1; then
  cat "$log" >&2
  exit 2
fi
dotnet bench/DashboardBench/bin/Release/net10.0/DashboardBench.dll --app HauGiang.Portal/bin/Release/net10.0/HauGiang.Portal.dll "$@"
