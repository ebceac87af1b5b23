#!/usr/bin/env bash
# Times the easy-read PDF of the public programme with a warm browser: a benchmark, not a test.
# Builds the portal in Release, runs it on a fresh SQLite database (with the demo data) in a
# temporary folder on a free port, warms the browser, then times /programme.pdf with curl:
# 100 requests one after another, then 100 more from 10 clients at once. Prints p50 and p95.
# Usage: bench/pdf-timing.sh [requests]   (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${1:-100}
clients=10
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
app_pid=""

finish() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2> /dev/null || true
    wait "$app_pid" 2> /dev/null || true
  fi
  rm -rf "$work"
}
trap finish EXIT

# p50 and p95 (nearest rank) of the times in seconds in a file, in milliseconds.
percentiles() {
  sort -n "$1" | awk '{ t[NR] = $1 * 1000 } END {
    p50 = int(NR * 0.50 + 0.999999); p95 = int(NR * 0.95 + 0.999999);
    printf "n=%d p50=%.0f ms p95=%.0f ms min=%.0f ms max=%.0f ms\n", NR, t[p50], t[p95], t[1], t[NR] }'
}

time_pdf() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$base/programme.pdf"; }

echo "Building in Release..."
dotnet build src/CoProduce.Web -c Release --nologo -v quiet > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

echo "Starting the portal at $base (database in $work)..."
# Pdf__KeepPublicPdfs=false: every request prints, so printing is what is timed, not the public PDF cache.
# The PDF rate limit (30 a minute from one address) is raised: every request comes from this machine.
ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__CoProduce="Data Source=$work/coproduce.db" \
Database__SeedDemoData=true \
Pdf__KeepPublicPdfs=false \
RateLimiting__Pdf__PerAddress__Permits=1000000 \
Portal__PublicBaseUrl="https://coproduce.example" \
Email__PickupFolder="$work/mail" \
Files__Folder="$work/files" \
Logging__LogLevel__Default=Warning \
  dotnet run --no-build -c Release --project src/CoProduce.Web --no-launch-profile -- --urls "$base" > "$work/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 120); do
  if curl -s -o /dev/null "$base/health"; then break; fi
  sleep 1
done

echo "Warming the browser..."
for _ in 1 2 3 4 5; do
  result=$(time_pdf)
  [ "${result%% *}" = "200" ] || { echo "The PDF failed: $result" >&2; tail -n 20 "$work/app.log" >&2; exit 1; }
done

load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Timing $requests requests one after another..."
: > "$work/sequential"
for _ in $(seq 1 "$requests"); do
  time_pdf | awk '$1 == 200 { print $2 } $1 != 200 { print "failed: " $0 > "/dev/stderr" }' >> "$work/sequential"
done

echo "Timing $requests requests from $clients clients at once..."
pids=()
for c in $(seq 1 "$clients"); do
  (for _ in $(seq 1 $((requests / clients))); do time_pdf; done > "$work/client-$c") &
  pids+=($!)
done
wait "${pids[@]}"
cat "$work"/client-* | awk '$1 == 200 { print $2 } $1 != 200 { print "failed: " $0 > "/dev/stderr" }' > "$work/concurrent"

echo
echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') memory, $(. /etc/os-release && echo "$PRETTY_NAME"), $(/usr/bin/chromium --version 2> /dev/null || echo 'no chromium')"
echo "Load average when timing began: $load"
echo "PDF size: $(curl -s "$base/programme.pdf" | wc -c) bytes"
echo "Sequential:          $(percentiles "$work/sequential")"
echo "$clients clients at once: $(percentiles "$work/concurrent")"
