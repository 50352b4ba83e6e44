#!/usr/bin/env bash
# Write throughput: accepting agreements over REST (row + outbox row, durable commit) against what pgbench
# gets from the same PostgreSQL for the same two inserts, both at 32 clients (SYSTEM.md §12: at least 0.6×).
#
# Needs ./run.sh running (default ports, tokens in $URBANINVEST_HOME/tokens.env), pgbench and wrk
# (Debian: apt-get install postgresql-client wrk). Usage: system-tests/bench/write-throughput.sh [seconds] [warmup]
set -euo pipefail
# shellcheck source=suite.sh
source "$(dirname "${BASH_SOURCE[0]}")/suite.sh"
seconds="${1:-60}"
warmup="${2:-120}"
clients=32
work="$root/system-tests/target/bench-writes"
mkdir -p "$work"
# shellcheck disable=SC1091
source "$home/tokens.env"
for tool in pgbench wrk curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install postgresql-client wrk curl)" >&2; exit 1; }
done

api() { # METHOD URL [BODY] → body on stdout; fails on a non-2xx answer, 409 (exists) is fine
  local status
  status=$(curl -s -o "$work/answer.json" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $EDITOR_TOKEN" \
    -H 'Content-Type: application/json' ${3:+-d "$3"} "$2")
  [[ $status == 2* || $status == 409 ]] || { echo "$1 $2 → $status: $(cat "$work/answer.json")" >&2; exit 1; }
  cat "$work/answer.json"
}

api POST $project/api/v1/zones '{"code":"bench-zone","name":"Benchmark zone","kind":"OTHER"}' >/dev/null
api POST $project/api/v1/projects '{"code":"bench-project","name":"Benchmark project","zoneCode":"bench-zone","status":"identification","estimatedInvestment":{"amount":"1000000.00","currency":"CNY"}}' >/dev/null
investor=$(api POST $investment/api/v1/investors '{"name":"Benchmark investor","kind":"PRIVATE"}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')

echo "== pgbench: the same two inserts, $clients clients, ${seconds}s"
export PGPASSWORD=postgres
psql_() { psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d investment -v ON_ERROR_STOP=1 "$@"; }
psql_ -c "DROP TABLE IF EXISTS bench_agreement, bench_outbox;
          CREATE TABLE bench_agreement (LIKE agreement INCLUDING ALL);
          CREATE TABLE bench_outbox (LIKE outbox INCLUDING ALL);"
payload=$(curl -s -H "Authorization: Bearer $VIEWER_TOKEN" "$investment/api/v1/agreements?size=1" | head -c 900)
cat > "$work/two-inserts.sql" <<SQL
BEGIN;
INSERT INTO bench_agreement (id, project_code, zone_code, investor_id, stage, intended_amount, intended_currency,
  intended_on, version, created_at, updated_at)
  VALUES (gen_random_uuid(), 'bench-project', 'bench-zone', '$investor', 'INTENDED', 1000000.00, 'CNY',
  '2022-05-01', 1, now(), now());
INSERT INTO bench_outbox (event_id, topic, message_key, ce_type, ce_source, ce_time, payload)
  VALUES (gen_random_uuid(), 'agreements.v1', '$investor', 'org.urbaninvest.agreement.intended',
  '/investment-service', now(), '$(printf '%s' "$payload" | sed "s/'/''/g")');
END;
SQL
pgbench -n -h 127.0.0.1 -p "$pg_port" -U postgres -c "$clients" -j 2 -T "$seconds" -f "$work/two-inserts.sql" investment \
  | tee "$work/pgbench.txt" | grep -E "tps|latency"
psql_ -c "DROP TABLE bench_agreement, bench_outbox;"

cat > "$work/agreement.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $EDITOR_TOKEN"
wrk.body = '{"projectCode":"bench-project","investorId":"$investor","intendedAmount":{"amount":"1000000.00","currency":"CNY"},"intendedOn":"2022-05-01"}'
done = function(summary, latency, requests)
  io.write(string.format("non2xx=%d errors=%d\n", summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
echo "== warm-up: POST /api/v1/agreements, $clients connections, ${warmup}s"
wrk -t2 -c"$clients" -d"${warmup}s" -s "$work/agreement.lua" $investment/api/v1/agreements >/dev/null
echo "== measured: POST /api/v1/agreements, $clients connections, ${seconds}s"
wrk -t2 -c"$clients" -d"${seconds}s" --latency -s "$work/agreement.lua" $investment/api/v1/agreements \
  | tee "$work/wrk.txt" | grep -E "Requests/sec|50%|99%|non2xx"

pg=$(grep -oE 'tps = [0-9.]+' "$work/pgbench.txt" | head -1 | grep -oE '[0-9.]+')
rest=$(grep -oE 'Requests/sec: +[0-9.]+' "$work/wrk.txt" | grep -oE '[0-9.]+$')
echo "pgbench ${pg} tx/s, REST ${rest} agreements/s, ratio $(awk -v a="$rest" -v b="$pg" 'BEGIN{printf "%.2f", a/b}')"
