#!/usr/bin/env bash
# Write throughput: accepting agreements over REST (the whole pipeline live) against two pgbench anchors on the same
# PostgreSQL, all at 32 clients (issue 13, P1: at least 0.5x the pipeline's own transaction):
#  - "agreement transaction": the statements one accepted agreement runs in the investment database (docs/benchmarks.md,
#    "The statements one agreement costs"): the replica + investor look-up, INSERT agreement, INSERT agreement_history,
#    INSERT outbox, one durable commit; into copies of the tables (same indexes, the same foreign keys), with the
#    values of an agreement just accepted over REST; prepared statements,
#    as the JDBC driver runs them;
#  - "two inserts" (the old anchor): the agreement insert and the outbox insert alone.
# After the REST run, waits until the zone report counts every stored agreement of the benchmark zone. Also prints the
# CPU each part of the suite used per pgbench transaction and per agreement accepted over REST (p1.cpu.*), and with
# BENCH_PROFILE=true records where investment-service's CPU went during the measured REST run.
#
# Needs ./run.sh running (default ports, tokens in $URBANINVEST_HOME/tokens.env), pgbench and wrk
# (Debian: apt-get install postgresql-client wrk). Usage: system-tests/bench/write-throughput.sh [seconds] [warmup]
# Prints `RESULT p1.<measure> <value> <unit>` lines (system-tests/bench/run-all.sh reads them).
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
needs pgbench wrk curl

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
body='{"projectCode":"bench-project","investorId":"'$investor'","intendedAmount":{"amount":"1000000.00","currency":"CNY"},"intendedOn":"2022-05-01"}'

export PGPASSWORD=postgres
psql_() { PGOPTIONS='-c client_min_messages=warning' psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d investment \
  -v ON_ERROR_STOP=1 "$@"; }
drop_copies() { # the anchors' tables and functions, also when a run fails
  psql_ -c "DROP TABLE IF EXISTS bench_agreement_history, bench_agreement, bench_outbox;
            DROP FUNCTION IF EXISTS bench_literal(anyelement);"
}
trap drop_copies EXIT
tps() { grep -oE 'tps = [0-9.]+' "$1" | head -1 | grep -oE '[0-9.]+'; }

echo "== pgbench: the two inserts (old anchor), $clients clients, ${seconds}s"
drop_copies
psql_ -c "CREATE TABLE bench_agreement (LIKE agreement INCLUDING ALL);
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
drop_copies
echo "RESULT p1.pgbench.two-inserts $(tps "$work/pgbench.txt") tx/s"

echo "== pgbench: the agreement transaction as the pipeline runs it, $clients clients, ${seconds}s"
# one agreement accepted over REST gives the values: its row, its history entry and its outbox record, as stored
agreement=$(api POST $investment/api/v1/agreements "$body" | sed -E 's/.*"id":"([^"]+)".*/\1/')
drop_copies
psql_ -c "CREATE TABLE bench_agreement (LIKE agreement INCLUDING ALL, FOREIGN KEY (investor_id) REFERENCES investor (id));
          CREATE TABLE bench_agreement_history (LIKE agreement_history INCLUDING ALL,
            FOREIGN KEY (agreement_id) REFERENCES bench_agreement (id));
          CREATE TABLE bench_outbox (LIKE outbox INCLUDING ALL);"
# the stored values as SQL literals; a colon is written \x3a (pgbench would read ":20" in a timestamp as a variable)
psql_ -c "CREATE FUNCTION bench_literal(v anyelement) RETURNS text LANGUAGE sql AS \$\$
            SELECT CASE WHEN v IS NULL THEN 'NULL' ELSE 'E''' || replace(replace(replace(v::text, '\\', '\\\\'), '''',
              ''''''), ':', '\\x3a') || '''' END \$\$;"
# a fresh id per transaction, the same in the agreement and its history entry, without a round trip of its own
id="(lpad(to_hex(CAST(:a AS bigint)), 16, '0') || lpad(to_hex(CAST(:b AS bigint)), 16, '0'))::uuid"
statement() { psql_ -At -c "$1" | sed "s#@ID@#$id#"; }
{
  echo '\set a random(1, 9223372036854775806)'
  echo '\set b random(1, 9223372036854775806)'
  echo 'BEGIN;'
  echo "SELECT p.zone_code, p.status, p.version, EXISTS (SELECT 1 FROM investor i WHERE i.id = '$investor')
  FROM (VALUES (1)) AS one LEFT JOIN project_replica p ON p.code = 'bench-project';"
  statement "SELECT 'INSERT INTO bench_agreement (id, project_code, zone_code, investor_id, reference, stage,
    intended_amount, intended_currency, intended_on, signed_amount, signed_currency, signed_on, started_on,
    operational_on, withdrawn_on, withdrawal_reason, version, created_at, updated_at) VALUES (@ID@, '
    || concat_ws(', ', bench_literal(project_code), bench_literal(zone_code), bench_literal(investor_id),
      bench_literal(reference), bench_literal(stage), bench_literal(intended_amount), bench_literal(intended_currency),
      bench_literal(intended_on), bench_literal(signed_amount), bench_literal(signed_currency),
      bench_literal(signed_on), bench_literal(started_on), bench_literal(operational_on), bench_literal(withdrawn_on),
      bench_literal(withdrawal_reason), bench_literal(version)) || ', now(), now());'
    FROM agreement WHERE id = '$agreement'"
  statement "SELECT 'INSERT INTO bench_agreement_history (id, agreement_id, seq, at, action, stage, date, actor, reason,
    changes) VALUES (gen_random_uuid(), @ID@, ' || concat_ws(', ', bench_literal(seq), 'now()', bench_literal(action),
      bench_literal(stage), bench_literal(date), bench_literal(actor), bench_literal(reason), bench_literal(changes))
    || ');' FROM agreement_history WHERE agreement_id = '$agreement'"
  statement "SELECT 'INSERT INTO bench_outbox (event_id, topic, message_key, ce_type, ce_source, ce_time, payload,
    traceparent, tracestate) VALUES (gen_random_uuid(), ' || concat_ws(', ', bench_literal(topic),
      bench_literal(message_key), bench_literal(ce_type), bench_literal(ce_source), 'now()', bench_literal(payload),
      bench_literal(traceparent), bench_literal(tracestate)) || ');'
    FROM outbox WHERE payload LIKE '%$agreement%' ORDER BY id LIMIT 1"
  echo 'END;'
} > "$work/agreement-transaction.sql"
[[ $(grep -c '^INSERT' "$work/agreement-transaction.sql") == 3 ]] \
  || { echo "could not read the stored rows of agreement $agreement; see $work/agreement-transaction.sql" >&2; exit 1; }
cpu_ticks >"$work/cpu-before-pgbench.txt"
pgbench -n -M prepared -h 127.0.0.1 -p "$pg_port" -U postgres -c "$clients" -j 2 -T "$seconds" \
  -f "$work/agreement-transaction.sql" investment | tee "$work/pgbench-agreement.txt" | grep -E "tps|latency"
cpu_ticks >"$work/cpu-after-pgbench.txt"
drop_copies
echo "RESULT p1.pgbench.agreement-transaction $(tps "$work/pgbench-agreement.txt") tx/s"
# the suite's CPU per transaction while pgbench ran (PostgreSQL's share is the anchor's; the rest idles)
cpu_per_unit "$work/cpu-before-pgbench.txt" "$work/cpu-after-pgbench.txt" \
  "$(grep -oE 'number of transactions actually processed: [0-9]+' "$work/pgbench-agreement.txt" | grep -oE '[0-9]+$')" \
  p1.cpu.pgbench

cat > "$work/agreement.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $EDITOR_TOKEN"
wrk.body = '$body'
done = function(summary, latency, requests)
  io.write(string.format("non2xx=%d errors=%d\n", summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
echo "== warm-up: POST /api/v1/agreements, $clients connections, ${warmup}s"
wrk -t2 -c"$clients" -d"${warmup}s" --timeout 10s -s "$work/agreement.lua" $investment/api/v1/agreements >/dev/null
echo "== measured: POST /api/v1/agreements, $clients connections, ${seconds}s"
profile_start profile-writes investment-service
cpu_ticks >"$work/cpu-before-rest.txt"
wrk -t2 -c"$clients" -d"${seconds}s" --timeout 10s --latency -s "$work/agreement.lua" $investment/api/v1/agreements \
  | tee "$work/wrk.txt" | grep -E "Requests/sec|50%|99%|non2xx"
cpu_ticks >"$work/cpu-after-rest.txt"
profile_stop profile-writes investment-service

rest=$(grep -oE 'Requests/sec: +[0-9.]+' "$work/wrk.txt" | grep -oE '[0-9.]+$')
echo "RESULT p1.rest $rest agreements/s"
echo "RESULT p1.rest.p99 $(wrk_ms "$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")") ms"
echo "RESULT p1.rest.non2xx $(grep -oE 'non2xx=[0-9]+' "$work/wrk.txt" | cut -d= -f2) requests"
echo "RESULT p1.rest.errors $(grep -oE 'errors=[0-9]+' "$work/wrk.txt" | cut -d= -f2) requests"
# each part's CPU per agreement accepted in the measured run (the relay, the consumers and reporting's projection
# included: they run meanwhile)
cpu_per_unit "$work/cpu-before-rest.txt" "$work/cpu-after-rest.txt" \
  "$(grep -oE '[0-9]+ requests in' "$work/wrk.txt" | grep -oE '^[0-9]+')" p1.cpu.rest

# every accepted agreement must reach the report: wait (bounded) until the zone report counts every stored one (the
# count is read again each time: requests wrk gave up on may still commit)
stored=0 reported=0
for ((i = 0; i < 600; i++)); do
  stored=$(psql_ -At -c "SELECT count(*) FROM agreement WHERE zone_code = 'bench-zone'")
  reported=$(curl -s -H "Authorization: Bearer $VIEWER_TOKEN" $reporting/api/v1/reports/zones/bench-zone \
    | grep -oE '"intended" *: *\{ *"count" *: *[0-9]+' | grep -oE '[0-9]+$' || echo 0)
  [[ $reported -ge $stored ]] && break
  sleep 0.1
done
echo "stored $stored agreements in bench-zone, the zone report counts $reported"
echo "RESULT p1.unreported $((stored - reported)) agreements"
