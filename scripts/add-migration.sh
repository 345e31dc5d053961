#!/usr/bin/env bash
# Adds a migration with the same name for both providers (SQLite and SQL Server).
# usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project HauGiang.Portal --context SqlitePortalDbContext --output-dir Data/Migrations/Sqlite --namespace HauGiang.Portal.Data.Migrations.Sqlite
dotnet ef migrations add "$name" --project HauGiang.Portal --context SqlServerPortalDbContext --output-dir Data/Migrations/SqlServer --namespace HauGiang.Portal.Data.Migrations.SqlServer
# `--namespace` makes EF put the model snapshot in a folder named after the namespace: bring it back.
for p in Sqlite SqlServer; do
  src="HauGiang.Portal/HauGiang/Portal/Data/Migrations/$p"
  if [ -d "$src" ]; then mv "$src"/*.cs "HauGiang.Portal/Data/Migrations/$p/"; fi
done
rm -rf HauGiang.Portal/HauGiang HauGiang.Portal/design.db
