#!/usr/bin/env bash
# Runs the portal at http://localhost:5000 on SQLite: the build installs the front-end packages
# from npm, and start-up migrates the database and seeds demo data into an empty one.
# Extra arguments go to the app, for example: ./run.sh --urls http://127.0.0.1:5111
set -euo pipefail
cd "$(dirname "$0")"

# Easy-read PDFs are printed by Chromium. Without it the portal still runs, and says PDFs cannot be made.
# sudo -n: never stop to ask for a password just for this.
if [ ! -x /usr/bin/chromium ] && [ ! -x /usr/bin/chromium-browser ] && [ ! -x /usr/bin/google-chrome ] && command -v apt-get > /dev/null; then
  echo "Installing chromium for easy-read PDFs..."
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
  { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null; } ||
    echo "Could not install chromium: the portal runs, but cannot make PDFs." >&2
fi

exec dotnet run --project src/CoProduce.Web --launch-profile CoProduce.Web -- "$@"
