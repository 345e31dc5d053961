#!/usr/bin/env bash
# Intake benchmark: sustained Open311 POSTs over real HTTP against the real app on Kestrel and SQLite (2,000 demo
# reports), first without photos, then with one ~1 MB photo each; prints a table beside the baseline (the best earlier
# run). Results in docs/performance.md ("Intake"). Observability follows the environment like the app, e.g.
#   bash bench/intake-bench.sh --seconds 20 --clients 32 --photo-clients 8
#   Telemetry__Prometheus__Enabled=true bash bench/intake-bench.sh --photo-clients 0
# Exit code 0 when no POST failed and every 201 is one distinct stored report, 1 otherwise, 2 for bad options.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release bench/IntakeBench/IntakeBench.csproj -nologo -v q -clp:ErrorsOnly
exec dotnet bench/IntakeBench/bin/Release/net10.0/IntakeBench.dll "$@"
