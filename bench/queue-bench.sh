#!/usr/bin/env bash
# Queue benchmark: loads N generated reports into a SQLite file (reused by the next run if it holds the same N) and
# prints the server time of the queue's pages and tab counts as a markdown table. See docs/performance.md.
#
#   bash bench/queue-bench.sh                                   # 1,000,000 reports in /tmp/hg-bench.db
#   bash bench/queue-bench.sh --reports 100000 --db /tmp/small.db --iterations 10
#   bash bench/queue-bench.sh --show-sql --filter "coordinator · first page"   # SQL and query plans, no timing
#
# Other options: --days N (spread, default 365), --warmup N (3), --iterations N (30), --deep-pages N (200),
# --seed N, --now 2026-11-30T05:30Z (generate for that moment: same seed and moment, same data), --no-events,
# --fresh (reload even if the file matches), --load-only, --filter TEXT (scenarios whose name contains it),
# --out FILE (also write the table there).
# Exit code: 0 if every scenario met its target, 1 if one did not, 2 on bad arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! dotnet build bench/QueueBench/QueueBench.csproj -c Release -nologo >"$log" 2>&1; then
  cat "$log" >&2
  exit 2
fi
dotnet bench/QueueBench/bin/Release/net10.0/QueueBench.dll "$@"
