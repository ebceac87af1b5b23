#!/usr/bin/env bash
# The portal's benchmark: not part of the test suite. It builds Release, generates data at scale 1
# and scale 100 (the seed command), starts the portal on each (Production settings, SQLite), signs
# in as each role, warms up, then drives each main page with wrk at 1 connection and at 32, and
# writes the results, with the machine described, between the markers in docs/benchmarks.md.
#
# Usage: bench/run.sh [--passes N] [--seconds S] [--scales "1 100"] [--fresh-data] [--no-write]
#   --passes      how many times to measure everything, each with a freshly started portal (2)
#   --seconds     how long wrk drives each page at each number of connections (8)
#   --scales      the scales to measure; the first is the baseline of the ratio (1 100)
#   --fresh-data  generate the data again even if bench/data has it for this code
#   --no-write    print the report only; leave docs/benchmarks.md alone
# Needs: the .NET SDK, wrk and python3 (Debian packages wrk, python3), Chromium for the PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

passes=2
seconds=8
scales="1 100"
fresh_data=false
write=true
while [ $# -gt 0 ]; do
  case "$1" in
    --passes) passes=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --scales) scales=$2; shift 2 ;;
    --fresh-data) fresh_data=true; shift ;;
    --no-write) write=false; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

for tool in wrk python3 curl dotnet; do
  command -v "$tool" > /dev/null || { echo "bench/run.sh needs $tool (Debian: apt-get install $tool)" >&2; exit 1; }
done

data="$root/bench/data"   # generated databases, kept between runs (ignored by git)
out="$root/bench/out"     # this run's results and logs
mkdir -p "$data" "$out"
rm -f "$out"/results.tsv "$out"/memory.tsv "$out"/passes.tsv "$out"/generation.tsv "$out"/sizes.tsv
work=$(mktemp -d)
app_pid=""

stop_app() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2> /dev/null || true
    wait "$app_pid" 2> /dev/null || true
    app_pid=""
  fi
}
finish() { stop_app; rm -rf "$work"; }
trap finish EXIT

echo "Building in Release..."
dotnet build src/CoProduce.Web -c Release --nologo -v quiet > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
app_dll="$root/src/CoProduce.Web/bin/Release/net10.0/CoProduce.Web.dll"

# The data is generated again whenever the portal's code changed (committed or not).
stamp="$(git rev-parse HEAD:src/CoProduce.Web 2> /dev/null || echo none) $(git diff HEAD -- src/CoProduce.Web | sha1sum | cut -c 1-12)"

generate() {
  local scale=$1 file="$data/scale-$1.db"
  if ! $fresh_data && [ -f "$file" ] && [ "$(cat "$file.stamp" 2> /dev/null)" = "$stamp" ]; then
    echo "Scale $scale: reusing $file (made by the same code)."
    cat "$file.made" >> "$out/generation.tsv"
    return
  fi
  rm -f "$file" "$file-wal" "$file-shm" "$file.stamp" "$file.made"
  echo "Scale $scale: generating..."
  local started=$SECONDS
  # /usr/bin/time would give the peak memory too, but it is not on every machine.
  (cd src/CoProduce.Web && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__CoProduce="Data Source=$file" \
    Email__PickupFolder="$work/mail" Logging__LogLevel__Default=Warning \
    dotnet "$app_dll" seed --scale "$scale") > "$out/seed-$scale.log" 2>&1 || { cat "$out/seed-$scale.log"; exit 1; }
  printf '%s\t%s\t%s\t%s\n' "$scale" "$((SECONDS - started))" "$(stat -c %s "$file")" "$(cut -d ' ' -f 1 /proc/loadavg)" > "$file.made"
  cat "$file.made" >> "$out/generation.tsv"
  echo "$stamp" > "$file.stamp"
  tail -n 12 "$out/seed-$scale.log"
}

for scale in $scales; do generate "$scale"; done

# Production settings, with what a benchmark must change: two-factor sign-in is not asked of
# staff (wrk cannot type codes), and the rate limits on sign-in and PDFs are raised (every request
# comes from this machine). Secure cookies: the portal is told it is behind TLS, as it is in
# production, and is addressed as localhost, which curl treats as secure.
start_app() {
  local db=$1 port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  base="http://localhost:$port"
  (cd src/CoProduce.Web && exec env ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__CoProduce="Data Source=$db" \
    Security__RequireTwoFactorForStaff=false \
    RateLimiting__SignIn__PerAddress__Permits=1000000 \
    RateLimiting__SignIn__PerAccount__Permits=1000000 \
    RateLimiting__Pdf__PerAddress__Permits=1000000 \
    Portal__PublicBaseUrl="https://coproduce.example" \
    Email__PickupFolder="$work/mail" \
    Logging__LogLevel__Default=Warning \
    dotnet "$app_dll" --urls "http://127.0.0.1:$port") > "$out/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 180); do
    if curl -sf -o /dev/null "$base/health"; then return; fi
    kill -0 "$app_pid" 2> /dev/null || { tail -n 40 "$out/app.log"; exit 1; }
    sleep 1
  done
  echo "The portal did not start" >&2; tail -n 40 "$out/app.log"; exit 1
}

curl_as() { # curl_as ROLE URL-PATH [curl options...]
  local role=$1 path=$2; shift 2
  curl -s -H "X-Forwarded-Proto: https" -b "$work/$role.jar" -c "$work/$role.jar" "$@" "$base$path"
}

sign_in() { # sign_in ROLE EMAIL
  local role=$1 email=$2 token status
  rm -f "$work/$role.jar"
  token=$(curl_as "$role" /sign-in | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  status=$(curl_as "$role" /sign-in -o /dev/null -w '%{http_code}' --data-urlencode "Email=$email" \
    --data-urlencode "Password=Demo-Pass-2026" --data-urlencode "__RequestVerificationToken=$token")
  [ "$status" = 302 ] || { echo "Signing in as $email answered $status" >&2; exit 1; }
}

cookie_header() { # every cookie of a role's jar, as one Cookie header
  awk -F '\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$work/$1.jar"
}

# The pages measured: name, role, path. Ids are the biggest of their kind in the data.
pages_for() {
  local db=$1
  python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
one = lambda sql: db.execute(sql).fetchone()
busy_expert, busy_email = one("""select s.ExpertProfileId, u.Email from SignUps s join ExpertProfiles e on e.Id = s.ExpertProfileId
    join AspNetUsers u on u.Id = e.UserId group by s.ExpertProfileId order by count(*) desc, s.ExpertProfileId limit 1""")
project = one("select ProjectId from Activities group by ProjectId order by count(*) desc, ProjectId limit 1")[0]
activity, signups = one("select ActivityId, count(*) from SignUps group by ActivityId order by count(*) desc, ActivityId limit 1")
claim = one("select c.Id from Claims c left join ClaimExpenses x on x.ClaimId = c.Id where c.Status = 'Submitted' group by c.Id order by count(x.Number) desc, c.Id limit 1")[0]
batch, lines = one("select PaymentBatchId, count(*) from PaymentBatchLines group by PaymentBatchId order by count(*) desc, PaymentBatchId limit 1")
print(f"BUSY_EXPERT\t{busy_email}")
print(f"SIZES\tbusiest activity {signups:,} sign-ups, biggest payment batch {lines:,} claims")
for row in [
    ("Bare page (accessibility statement)", "lead", "/accessibility-statement"),
    ("Public rules", "anonymous", "/co-production-rules"),
    ("Projects list", "commissioner", "/projects"),
    ("Project page", "commissioner", f"/projects/{project}"),
    ("Manage activities", "lead", "/manage/activities"),
    ("Busiest activity (organiser's page)", "lead", f"/manage/activities/{activity}"),
    ("Roster", "lead", "/roster"),
    ("Roster, filtered", "lead", "/roster?area=LearningDisability&need=EasyRead&mode=InPerson"),
    ("Open activities", "expert", "/activities"),
    ("My involvement", "expert", "/my-involvement"),
    ("Finance queue", "finance", "/finance"),
    ("Making payment batches", "finance", "/finance/batches"),
    ("Claim page", "finance", f"/finance/claims/{claim}"),
    ("Biggest payment batch", "finance", f"/finance/batches/{batch}"),
    ("Export of the biggest batch", "finance", f"/finance/batches/{batch}/export"),
    ("Easy-read PDF (bookings)", "expert", "/my-involvement/bookings.pdf"),
]:
    print("\t".join(row))
PY
}

rss_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$app_pid/status"; }

# Prints the wrk RESULT line for one page at one number of connections.
drive() { # drive ROLE PATH CONNECTIONS
  local role=$1 path=$2 connections=$3 threads=1 cookie=""
  [ "$connections" -gt 1 ] && threads=2
  [ "$role" != anonymous ] && cookie=$(cookie_header "$role")
  wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 30s -s "$root/bench/wrk-report.lua" \
    -H "X-Forwarded-Proto: https" -H "Cookie: $cookie" "$base$path" | grep '^RESULT' || echo "RESULT failed"
}

for pass in $(seq 1 "$passes"); do
  for scale in $scales; do
    db="$work/scale-$scale.db"
    cp "$data/scale-$scale.db" "$db"
    start_app "$db"
    load=$(cut -d ' ' -f 1 /proc/loadavg)
    printf '%s\t%s\t%s\t%s\n' "$pass" "$scale" "$load" "$(date -u +%H:%M)" >> "$out/passes.tsv"
    echo "Pass $pass, scale $scale: portal at $base, load average $load"

    pages_for "$db" > "$work/pages.tsv"
    [ "$pass" = 1 ] && printf '%s\t%s\n' "$scale" "$(awk -F '\t' '$1 == "SIZES" { print $2 }' "$work/pages.tsv")" >> "$out/sizes.tsv"
    touch "$work/anonymous.jar"
    sign_in lead lead@example.org
    sign_in commissioner commissioner@example.org
    sign_in finance finance@example.org
    sign_in expert "$(awk -F '\t' '$1 == "BUSY_EXPERT" { print $2 }' "$work/pages.tsv")"

    # Warm up: every page a few times (the first PDF starts the browser), and each must answer 200.
    # Not the export: its first time (reading the lines and keeping the file) is measured below.
    while IFS=$'\t' read -r name role path; do
      case "$name" in BUSY_EXPERT|SIZES) continue ;; esac
      case "$name" in "Export of"*) continue ;; esac
      for _ in 1 2 3 4 5; do
        status=$(curl_as "$role" "$path" -o /dev/null -w '%{http_code}')
        [ "$status" = 200 ] || { echo "$name ($path) answered $status while warming up" >&2; tail -n 20 "$out/app.log"; exit 1; }
      done
    done < "$work/pages.tsv"
    rss_after_warm_up=$(rss_kb VmRSS)

    # The batch's first export, alone: its time, and how far it raises the process's peak memory
    # (the peak is reset first; a streamed export raises it by about the same at any batch size).
    export_path=$(awk -F '\t' '$1 ~ /^Export of/ { print $3 }' "$work/pages.tsv")
    echo 5 > "/proc/$app_pid/clear_refs" 2> /dev/null || true
    peak_before_export=$(rss_kb VmHWM)
    first_export=$(curl_as finance "$export_path" -o "$work/export.csv" -w '%{http_code} %{time_total}')
    [ "${first_export%% *}" = 200 ] || { echo "The first export answered $first_export" >&2; exit 1; }
    export_peak_growth=$(( $(rss_kb VmHWM) - peak_before_export ))

    for connections in 1 32; do
      while IFS=$'\t' read -r name role path; do
        case "$name" in BUSY_EXPERT|SIZES) continue ;; esac
        result=$(drive "$role" "$path" "$connections")
        # The process's peak memory so far: what one page adds shows as a step after it.
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$pass" "$scale" "$connections" "$name" "$path" "$result" "$(rss_kb VmHWM)" >> "$out/results.tsv"
        printf '  %-40s %2s conn  %s\n' "$name" "$connections" "${result#RESULT }"
      done < "$work/pages.tsv"
      [ "$connections" = 1 ] && peak_after_one=$(rss_kb VmHWM)
    done
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$pass" "$scale" "$rss_after_warm_up" "$peak_after_one" "$(rss_kb VmHWM)" \
      "${first_export#* }" "$export_peak_growth" "$(wc -l < "$work/export.csv")" >> "$out/memory.tsv"
    stop_app
  done
done

machine=$(python3 - <<'PY'
import os, platform, re, subprocess
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")) / 1024 / 1024
osname = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME")), platform.system())
def version(*cmd):
    try: return subprocess.run(cmd, capture_output=True, text=True, timeout=20).stdout.strip().splitlines()[0]
    except Exception: return "not found"
print(f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB memory, {osname}; .NET {version('dotnet', '--version')}; "
      f"{version('/usr/bin/chromium', '--version')}; {version('wrk', '--version').split(' [')[0]}")
PY
)
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo " (with uncommitted changes)")
python3 bench/report.py --out "$out" --machine "$machine" --commit "$commit" --seconds "$seconds" \
  --baseline "$(echo "$scales" | awk '{ print $1 }')" --target "$(echo "$scales" | awk '{ print $NF }')" > "$out/report.md"
cat "$out/report.md"
if $write; then
  python3 bench/report.py --splice docs/benchmarks.md "$out/report.md"
  echo "Written to docs/benchmarks.md"
fi
