#!/usr/bin/env bash
# Runs the portal at http://localhost:5000 on SQLite: the build installs the front-end packages
# from npm, and start-up migrates the database and seeds demo data into an empty one.
# Extra arguments go to the app, for example: ./run.sh --urls http://127.0.0.1:5111
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project src/CoProduce.Web --launch-profile CoProduce.Web -- "$@"
