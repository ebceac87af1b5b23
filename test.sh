#!/usr/bin/env bash
# Runs every test: unit, integration (the real app on real SQLite files) and browser (Chromium).
# Installs what a clean Debian machine lacks, then closes with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Browser tests drive Debian's Chromium: Playwright cannot download a browser of its own here.
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium for the browser tests..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null || {
    echo "Could not install chromium: the browser tests need /usr/bin/chromium" >&2
    exit 1
  }
fi

# The easy-read tests read the PDFs they print with Poppler's tools (pdfinfo, pdftotext, pdftoppm).
if ! command -v pdftotext > /dev/null || ! command -v pdfinfo > /dev/null || ! command -v pdftoppm > /dev/null; then
  echo "Installing poppler-utils for the PDF tests..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils > /dev/null || {
    echo "Could not install poppler-utils: the PDF tests need pdfinfo, pdftotext and pdftoppm" >&2
    exit 1
  }
fi

# The build also installs the npm packages (GOV.UK Frontend, the font, Sass) when they are missing.
if ! dotnet build CoProduce.sln --nologo -v quiet; then
  echo "0 passed, 1 failed"
  echo "The build failed." >&2
  exit 1
fi

# The tests run many copies of the app in one process: file watchers that poll, so that they do
# not run out of the machine's inotify instances.
export DOTNET_USE_POLLING_FILE_WATCHER=true
results=artifacts/test-results
mkdir -p "$results"
passed=0
failed=0
status=0
for project in CoProduce.UnitTests CoProduce.IntegrationTests CoProduce.BrowserTests; do
  log="$results/$project.log"
  dotnet test "tests/$project" --no-build --nologo --logger "trx;LogFileName=$project.trx" --results-directory "$results" 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  # vstest's summary: "Passed!  - Failed:     0, Passed:   159, Skipped:     0, Total:   159, ..."
  summary=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+' "$log" | tail -n 1)
  if [ -z "$summary" ]; then
    echo "No test summary from $project: counting it as a failure." >&2
    failed=$((failed + 1))
    status=1
    continue
  fi
  failed=$((failed + $(echo "$summary" | sed -E 's/.*Failed: +([0-9]+),.*/\1/')))
  passed=$((passed + $(echo "$summary" | sed -E 's/.*Passed: +([0-9]+),.*/\1/')))
done

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
