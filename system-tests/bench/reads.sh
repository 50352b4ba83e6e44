#!/usr/bin/env bash
# Read throughput and latency: GET /api/v1/reports/zones/{zone} (viewer token) against a bare Quarkus GET returning a
# constant JSON body (the bare application of startup.sh, started here on a free port), both with wrk --latency at
# 32 connections after a short warm-up, one after the other (issue 13, P3: p99 <= 5 ms, >= 0.5x the bare GET, at
# 1,000,000 agreements). A zone the reporting projection does not hold yet is generated there first, with
# BENCH_READ_AGREEMENTS agreements (default 1,000,000) over 100 subzones (reporting-service/bench/generate-zone.sql:
# projection rows written with SQL, as a million agreements through Kafka would take long).
#
# Needs ./run.sh running (tokens in $URBANINVEST_HOME/tokens.env), wrk and psql.
# Usage: system-tests/bench/reads.sh [seconds] [zone] [warmup]   (default 60 s, bench-million, 10 s)
# Prints `RESULT p3.<measure> <value> <unit>` lines (system-tests/bench/run-all.sh reads them).
set -euo pipefail
# shellcheck source=suite.sh
source "$(dirname "${BASH_SOURCE[0]}")/suite.sh"
# shellcheck source=bare-app.sh
source "$root/system-tests/bench/bare-app.sh"
seconds="${1:-60}"
zone="${2:-bench-million}"
agreements="${BENCH_READ_AGREEMENTS:-1000000}"
warmup="${3:-10}"
clients=32
work="$root/system-tests/target/bench-reads"
mkdir -p "$work"
# shellcheck disable=SC1091
source "$home/tokens.env"
needs wrk psql curl
bare_app_build

export PGPASSWORD=postgres
reporting_sql() { psql -q -At -h 127.0.0.1 -p "$pg_port" -U postgres -d reporting -v ON_ERROR_STOP=1 "$@"; }
if [[ -z $(reporting_sql -c "SELECT 1 FROM zone_view v JOIN projection_generation g ON g.generation = v.generation
    AND g.status = 'ACTIVE' WHERE v.code = '$zone'") ]]; then
  echo "== generating the zone $zone in the reporting projection: $agreements agreements over 100 subzones"
  started=$SECONDS
  reporting_sql -v zone="$zone" -v subzones=100 -v agreements="$agreements" -f "$root/reporting-service/bench/generate-zone.sql"
  echo "generated in $((SECONDS - started)) s"
fi

port=$((18190 + offset))
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port \
  java -Xmx512m -jar "$bare_app/target/quarkus-app/quarkus-run.jar" >"$work/bare-app.log" 2>&1 &
bare_pid=$!
trap 'kill "$bare_pid" 2>/dev/null || true; wait "$bare_pid" 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
  kill -0 "$bare_pid" 2>/dev/null || { echo "the bare application exited; see $work/bare-app.log" >&2; exit 1; }
  sleep 0.1
done
report="$reporting/api/v1/reports/zones/$zone"
curl -sf -o /dev/null -H "Authorization: Bearer $VIEWER_TOKEN" "$report" || { echo "GET $report failed" >&2; exit 1; }

# run NAME URL [SERVICE] [wrk options]: warm-up, then the measured run (SERVICE's JVM profiled with BENCH_PROFILE=true);
# RESULT lines for req/s, p50, p99 and non-2xx answers
run() {
  local name=$1 url=$2 service=$3
  shift 3
  echo "== $name: GET $url, $clients connections, ${warmup}s warm-up, ${seconds}s measured"
  wrk -t2 -c"$clients" -d"${warmup}s" --timeout 10s "$@" "$url" >/dev/null
  [[ -z $service ]] || profile_start "profile-$name" "$service"
  wrk -t2 -c"$clients" -d"${seconds}s" --timeout 10s --latency "$@" "$url" | tee "$work/$name.txt" | grep -E "Requests/sec|50%|99%|Non-2xx"
  [[ -z $service ]] || profile_stop "profile-$name" "$service"
  echo "RESULT p3.$name $(grep -oE 'Requests/sec: +[0-9.]+' "$work/$name.txt" | grep -oE '[0-9.]+$') req/s"
  echo "RESULT p3.$name.p50 $(wrk_ms "$(awk '$1 == "50%" { print $2 }' "$work/$name.txt")") ms"
  echo "RESULT p3.$name.p99 $(wrk_ms "$(awk '$1 == "99%" { print $2 }' "$work/$name.txt")") ms"
  echo "RESULT p3.$name.non2xx $(grep -oE 'Non-2xx or 3xx responses: [0-9]+' "$work/$name.txt" | grep -oE '[0-9]+$' || echo 0) requests"
}
run constant "http://127.0.0.1:$port/constant" ""
run report "$report" reporting-service -H "Authorization: Bearer $VIEWER_TOKEN"
# the agreements the report counts: those in the intended set and those withdrawn
held=$(curl -sf -H "Authorization: Bearer $VIEWER_TOKEN" "$report" \
  | grep -oE '"(intended|withdrawn)" *: *\{ *"count" *: *[0-9]+' | grep -oE '[0-9]+$' | awk '{ s += $1 } END { print s + 0 }')
echo "the zone report of $zone counts $held agreements"
echo "RESULT p3.agreements $held agreements"
