#!/usr/bin/env bash
# Write throughput: accepting agreements over REST (the whole pipeline live) against pgbench anchors on the same
# PostgreSQL (issue 13, P1: at least 0.5x the pipeline's own SQL):
#  - "pipeline" (the P1 anchor): the SQL the pipeline ran per agreement in the three databases, captured with
#    pg_stat_statements during the measured REST run ($work/statements.md), replayed by four pgbench runs started
#    together for the same number of agreements: the agreement transaction (investment, 32 clients), the relay's
#    batch (investment: read and mark the anchor's own outbox rows), reporting's projection batch (inbox, agreement_view,
#    totals, days, timeseries, clock, change rows) and project's replica record, each with the batch size and the
#    threads the capture shows; the logged texts, on copies of the tables, with the values of agreements this
#    benchmark accepted (a sample with every statement logged) and fresh agreement ids. Agreements / wall-clock seconds,
#    and how much of the captured calls and execution time per agreement it replays, per database;
#  - "agreement transaction" (old): the investment database's share alone, written by hand: the replica + investor
#    look-up, INSERT agreement, INSERT agreement_history, INSERT outbox, one durable commit, 32 clients, for [seconds];
#  - "two inserts" (older): the agreement insert and the outbox insert alone.
# All replay prepared statements, as the JDBC driver runs them, into copies of the tables (same indexes, the same
# foreign keys), dropped after, also when the run fails.
# After the REST run, waits until the zone report counts every stored agreement of the benchmark zone. Also prints the
# CPU each part of the suite used per pgbench transaction and per agreement accepted over REST (p1.cpu.*), and with
# BENCH_PROFILE=true records where investment-service's CPU went during the measured REST run.
#
# Needs ./run.sh running (default ports, tokens in $URBANINVEST_HOME/tokens.env), started with
# URBANINVEST_POSTGRES_SETTINGS=shared_preload_libraries=pg_stat_statements for the pipeline anchor (without it, the
# script says so and measures the rest), pgbench, wrk and perl (Debian: apt-get install postgresql-client wrk).
# Usage: system-tests/bench/write-throughput.sh [seconds] [warmup]
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
needs pgbench wrk curl perl

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
psql_db() { # DATABASE ARGS...
  PGOPTIONS='-c client_min_messages=warning' psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d "$1" -v ON_ERROR_STOP=1 \
    "${@:2}"
}
psql_() { psql_db investment "$@"; }
copies="$work/copies.txt" # "database table" of each copy the pipeline anchor made
logging="$work/statement-logging" # present while every statement is logged (the sample of parameter values)
drop_copies() { # the anchors' tables and functions, also when a run fails; statement logging off again
  local db table
  if [[ -f $logging ]]; then
    psql_ -c "ALTER SYSTEM RESET log_statement" -c "ALTER SYSTEM RESET log_line_prefix" -c "SELECT pg_reload_conf()" \
      >/dev/null && rm -f "$logging"
  fi
  if [[ -f $copies ]]; then
    while read -r db table; do psql_db "$db" -c "DROP TABLE IF EXISTS bench_$table CASCADE"; done <"$copies"
    rm -f "$copies"
  fi
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

echo "== pgbench: the agreement transaction alone (old anchor), $clients clients, ${seconds}s"
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

# wait_reported: waits (bounded) until the zone report counts every stored agreement of the benchmark zone; sets stored
# and reported (the count is read again each time: requests wrk gave up on may still commit). Its statement is marked
# /* bench */, which the capture leaves out.
wait_reported() {
  stored=0 reported=0
  for ((i = 0; i < 600; i++)); do
    stored=$(psql_ -At -c "/* bench */ SELECT count(*) FROM agreement WHERE zone_code = 'bench-zone'")
    reported=$(curl -s -H "Authorization: Bearer $VIEWER_TOKEN" $reporting/api/v1/reports/zones/bench-zone \
      | grep -oE '"intended" *: *\{ *"count" *: *[0-9]+' | grep -oE '[0-9]+$' || echo 0)
    [[ $reported -ge $stored ]] && break
    sleep 0.1
  done
}

# the statements the pipeline runs per agreement, in the three databases: pg_stat_statements, reset right before the
# measured run and read once the report has caught up (the suite started with
# URBANINVEST_POSTGRES_SETTINGS=shared_preload_libraries=pg_stat_statements, as run-all.sh does)
databases=(investment reporting project)
capture=false
if [[ $(psql_ -At -c "SHOW shared_preload_libraries") == *pg_stat_statements* ]]; then
  capture=true
  for db in "${databases[@]}"; do psql_db "$db" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"; done
else
  echo "pg_stat_statements is NOT loaded (shared_preload_libraries='$(psql_ -At -c "SHOW shared_preload_libraries")'):" \
    "the pipeline's statements are not captured and its anchor (p1.pgbench.pipeline) is not measured; start the" \
    "suite with URBANINVEST_POSTGRES_SETTINGS=shared_preload_libraries=pg_stat_statements" >&2
fi

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
if [[ $capture == true ]]; then
  wait_reported # the warm-up's agreements projected before the capture starts
  reset_at=$(psql_ -At -c "/* bench */ SELECT clock_timestamp() FROM pg_stat_statements_reset()")
fi
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

wait_reported
echo "stored $stored agreements in bench-zone, the zone report counts $reported"
echo "RESULT p1.unreported $((stored - reported)) agreements"

[[ $capture == true ]] || exit 0

# --- the pipeline's statements per agreement (statements.md) ---------------------------------------------------------
# the agreements created since the reset (a warm-up request still in flight when it ended is not one of them)
accepted=$(psql_ -At -c "/* bench */ SELECT count(*) FROM agreement WHERE zone_code = 'bench-zone'
  AND created_at >= '$reset_at'")
((accepted > 0)) || { echo "no agreement accepted in the measured run: nothing to divide the statements by" >&2; exit 1; }
psql_ -At -F $'\t' -c "/* bench */ SELECT d.datname, s.calls, s.rows, round(s.total_exec_time::numeric, 3),
    regexp_replace(s.query, '\s+', ' ', 'g')
  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
  WHERE d.datname IN ('investment', 'reporting', 'project') AND s.query NOT LIKE '/* bench */%'
  ORDER BY d.datname, s.total_exec_time DESC" >"$work/statements.tsv"
awk -F'\t' -v n="$accepted" -v s="$seconds" '
  BEGIN { printf "# The statements the pipeline ran per agreement\n\n%d agreements accepted over REST in %d s (32 connections), all in the zone report; pg_stat_statements of the three databases, reset before that run, read after it (the services periodic work included).\n", n, s }
  $1 != db { db = $1; printf "\n## %s\n\n| calls | rows | ms | calls/agreement | ms/agreement | statement |\n|---:|---:|---:|---:|---:|---|\n", db }
  { q = $5; gsub(/\|/, "\\|", q); if (length(q) > 220) q = substr(q, 1, 220) "…"
    printf "| %d | %d | %.1f | %.3f | %.4f | `%s` |\n", $2, $3, $4, $2 / n, $4 / n, q }' "$work/statements.tsv" >"$work/statements.md"
echo "== the statements per agreement ($accepted agreements; table: $work/statements.md)"
awk -F'\t' -v n="$accepted" '{ c[$1] += $2; t[$1] += $4; k[$1]++ }
  END { for (db in c) printf "%s: %.1f statement calls and %.3f ms of execution per agreement (%d distinct statements)\n",
    db, c[db] / n, t[db] / n, k[db] }' "$work/statements.tsv" | sort
calls_of() { # DATABASE TEXT-PREFIX: the captured calls of the statement starting so; fails loudly when none is
  local calls
  calls=$(awk -F'\t' -v db="$1" -v p="$2" '$1 == db && index($5, p) == 1 { c += $2 } END { print c + 0 }' "$work/statements.tsv")
  ((calls > 0)) || { echo "the capture holds no '$2' in $1: the pipeline changed, the anchor must follow" >&2; exit 1; }
  echo "$calls"
}

# --- parameter values: every statement logged, with its parameters, while a few more agreements pass ------------------
# (the capture gives the statement texts; the log gives, for the same texts, the values of agreements this benchmark
# accepted)
psql_ -c "ALTER SYSTEM SET log_statement = 'all'" -c "ALTER SYSTEM SET log_line_prefix = '%m [%p] %d '" \
  -c "SELECT pg_reload_conf()" >/dev/null
touch "$logging"
log_offset=$(stat -c %s "$home/logs/postgres.log")
wrk -t2 -c"$clients" -d2s --timeout 10s -s "$work/agreement.lua" $investment/api/v1/agreements >/dev/null
wait_reported
psql_ -c "ALTER SYSTEM RESET log_statement" -c "ALTER SYSTEM RESET log_line_prefix" -c "SELECT pg_reload_conf()" >/dev/null
rm -f "$logging"
tail -c +$((log_offset + 1)) "$home/logs/postgres.log" >"$work/sample.log"

# replay LOG DATABASE MARKER BATCH TABLES SCRIPT TEXTS [MODE [KEEP]]: from the logged transactions of DATABASE that
# run a statement matching MARKER, the one whose agreement count is nearest BATCH, as a pgbench script: the logged
# texts, the tables of TABLES (comma-separated) swapped to their bench_ copies, the parameters as literals, the
# agreements' ids fresh per transaction (MODE write: every uuid but KEEP; relay: the batch read and marked from the
# copy of the outbox; otherwise: the keys of the inbox rows). The texts go to TEXTS; prints "agreements connections".
replay() {
  perl - "$@" <<'PERL'
use strict; use warnings;
my ($log, $db, $marker, $batch, $tables, $script, $texts, $mode, $keep) = @ARGV;
$mode //= '';
$keep //= '';
my %copy = map { $_ => 1 } split /,/, $tables;
my (%open, %last, @units);
open my $in, '<', $log or die "$log: $!";
my @records;
while (my $line = <$in>) {
  chomp $line;
  if ($line =~ /^\d{4}-\d\d-\d\d [\d:.]+ \S+ \[(\d+)\] (\S*) ?([A-Z]+):  (.*)$/) {
    push @records, [$1, $2, $3, $4];
  } elsif (@records) {
    $records[-1][3] .= "\n$line";
  }
}
my $seq = 0;
for my $r (@records) {
  my ($pid, $d, $level, $msg) = @$r;
  $seq++;
  next unless $d eq $db;
  if ($level eq 'LOG' && $msg =~ /^statement: BEGIN$/) {
    $open{$pid} = [{ text => 'BEGIN', params => [], start => $seq }];
  } elsif ($level eq 'LOG' && $msg =~ /^(?:execute [^:]+|statement): (.*)$/s) {
    my $text = $1;
    next unless $open{$pid};
    if ($text =~ /^(COMMIT|END)$/) {
      $open{$pid}[0]{end} = $seq;
      $open{$pid}[0]{before} = $last{$pid};
      $last{$pid} = $open{$pid};
      push @units, $open{$pid};
      delete $open{$pid};
    } else {
      push @{ $open{$pid} }, { text => $text, params => [] };
    }
  } elsif ($level eq 'DETAIL' && $msg =~ /^Parameters: (.*)$/s && $open{$pid}) {
    my $p = $1;
    my @values;
    while ($p =~ /\G\$(\d+) = (NULL|'((?:[^']++|'')*+)')(?:, |$)/gcs) {
      $values[$1] = $2 eq 'NULL' ? undef : ($3 =~ s/''/'/gr);
    }
    $open{$pid}[-1]{params} = \@values;
  }
}
my @candidates = grep { my $u = $_; grep { $_->{text} =~ /$marker/ } @$u } @units;
die "no transaction of the sample matches /$marker/ in $db\n" unless @candidates;
# the agreements a unit applies: the keys of its inbox rows (consumed_version), or the rows the relay marks
sub agreements {
  my ($u) = @_;
  return 1 if $mode eq 'write';
  return scalar(grep { $_->{text} =~ /INSERT INTO consumed_version/ } @$u) if $mode ne 'relay';
  my ($mark) = grep { $_->{text} =~ /^UPDATE outbox SET published_at/ } @$u;
  my $ids = $mark->{params}[1] // '{}';
  return scalar(() = $ids =~ /\d+/g);
}
my ($unit) = sort { abs(agreements($a) - $batch) <=> abs(agreements($b) - $batch) } @candidates;
my $n = agreements($unit);
# fresh agreement ids: the keys of the unit's inbox rows, one pgbench variable each
my (%fresh, $fresh_count);
for my $s (@$unit) {
  my @keys = $mode eq 'write' ? grep { defined && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/ && $_ ne $keep } @{ $s->{params} }
    : $s->{text} =~ /INSERT INTO consumed_version/ ? ($s->{params}[2]) : ();
  $fresh{$_} //= 'f' . ++$fresh_count for grep { defined } @keys;
}
sub literal {
  my ($v) = @_;
  return 'NULL' unless defined $v;
  return ":$fresh{$v}" if $fresh{$v};
  if ($v =~ /^\{(.*)\}$/s && grep { $fresh{$_} } split /,/, $1) {
    return 'ARRAY[' . join(', ', map { literal($_) } split /,/, $1) . ']';
  }
  return $v if $v =~ /^-?\d+(\.\d+)?$/;
  $v =~ s/\\/\\\\/g; $v =~ s/'/''/g; $v =~ s/:/\\x3a/g; $v =~ s/\n/\\n/g;
  return "E'$v'";
}
open my $out, '>', $script or die;
open my $tx, '>', $texts or die;
if (%fresh) { # one fresh id per agreement and transaction, as the pipeline's ids are new ones
  print $out 'SELECT ' . join(', ', map { "gen_random_uuid()::text AS $_" } sort values %fresh) . " \\gset\n";
}
# a consumer's read-only transaction right before the unit on its connection (the projection's generation check)
my $before = $unit->[0]{before};
my @statements = @$unit;
if ($mode eq '' && $before && !grep { $_->{text} ne 'BEGIN' && $_->{text} !~ /^SELECT\b/ } @$before) {
  @statements = (@$before, { text => 'END', params => [] }, @$unit);
}
for my $s (@statements) {
  my $text = $s->{text};
  if ($text eq 'END') {
    print $out "END;\n";
    next;
  }
  (my $norm = $text) =~ s/\s+/ /g;
  print $tx "$norm\n";
  my $sql = $text;
  for my $t (keys %copy) {
    $sql =~ s/\b(FROM|INTO|UPDATE|JOIN)(\s+)$t\b/$1$2bench_$t/gi;
    $sql =~ s/\b$t\./bench_$t./g;
  }
  my @p = @{ $s->{params} };
  if ($mode eq 'relay' && $text =~ /LIMIT \$1$/) {
    $sql =~ s/\$1$/$n/;
    print $out "SELECT coalesce(array_agg(id), '{}') AS ids, count(*) AS got FROM ($sql) AS batch \\gset\n";
    next;
  }
  if ($mode eq 'relay' && $text =~ /^UPDATE outbox SET published_at/) {
    $sql =~ s/\$1/:ids/;
    print $out "$sql;\n";
    next;
  }
  $sql =~ s/\$(\d+)/literal($p[$1])/ge;
  print $out "$sql;\n";
}
print $out "END;\n";
# a short batch: the relay would wait for the next commit's wake-up; here a millisecond, and reads again
print $out "\\if :got < $n\n\\sleep 1 ms\n\\endif\n" if $mode eq 'relay';
# the threads running such transactions: the most of them open at one time
my $threads = 0;
for my $c (@candidates) {
  my $open = grep { $_->[0]{start} <= $c->[0]{start} && $c->[0]{start} < $_->[0]{end} } @candidates;
  $threads = $open if $open > $threads;
}
print "$n $threads\n";
PERL
}

# --- the pipeline anchor: its SQL per agreement, concurrently in the three databases ---------------------------------
# share|database|marker|statement run once per transaction in the capture|tables copied|mode
shares=(
  "write|investment|^INSERT INTO agreement_history|INSERT INTO agreement_history|agreement,agreement_history,outbox|write"
  "relay|investment|^UPDATE outbox SET published_at|UPDATE outbox SET published_at|outbox|relay"
  "projection|reporting|^INSERT INTO consumed_version|INSERT INTO generation_clock|consumed_version,agreement_view,zone_agreement_totals,zone_agreement_days,zone_timeseries,generation_clock,zone_change,finding_change,projection_generation|"
  "replica|project|^INSERT INTO agreement_replica|INSERT INTO agreement_replica|consumed_version,agreement_replica|"
)
n=$(((accepted > 2048 ? accepted : 2048) + clients - 1)) && n=$((n / clients * clients))
drop_copies
: >"$copies"
declare -A share_clients share_tx
for share in "${shares[@]}"; do
  IFS='|' read -r name db marker per_tx tables mode <<<"$share"
  per_tx_calls=$(calls_of "$db" "$per_tx")
  batch=$(awk -v a="$accepted" -v c="$per_tx_calls" 'BEGIN { printf "%.2f", a / c }')
  unit=$(replay "$work/sample.log" "$db" "$marker" "$batch" "$tables" "$work/pipeline-$name.sql" \
    "$work/pipeline-$name.texts" "$mode" "$investor")
  read -r per_unit threads <<<"$unit"
  share_clients[$name]=$([[ $name == write ]] && echo "$clients" || echo "$threads")
  share_tx[$name]=$(((n + per_unit * share_clients[$name] - 1) / (per_unit * share_clients[$name])))
  echo "$name ($db): $batch agreements per transaction in the capture, $per_unit in the replayed one;" \
    "${share_clients[$name]} client(s) x $([[ $name == relay ]] && echo "as many as it takes to mark the outbox rows" \
    || echo "${share_tx[$name]} transactions")"
  for table in ${tables//,/ }; do
    grep -qx "$db $table" "$copies" && continue
    echo "$db $table" >>"$copies"
    psql_db "$db" -c "CREATE TABLE bench_$table (LIKE $table INCLUDING ALL)"
    # reporting's and project's copies hold what the originals hold (the rows the projection reads and upserts)
    [[ $db == investment ]] || psql_db "$db" -c "INSERT INTO bench_$table OVERRIDING SYSTEM VALUE SELECT * FROM $table"
    # and their identity columns go on after the copied rows (a change queue such as finding_change may hold some)
    while read -r column; do
      psql_db "$db" -c "SELECT setval(pg_get_serial_sequence('bench_$table', '$column'), max($column)) FROM bench_$table
        HAVING max($column) IS NOT NULL"
    done < <(psql_db "$db" -At -c "SELECT attname FROM pg_attribute WHERE attrelid = 'bench_$table'::regclass
      AND attidentity <> ''")
  done
done
# the copies' foreign keys: the originals', to the copy where the referenced table has one
for db in "${databases[@]}"; do
  while read -r table definition; do
    for copied in $(awk -v db="$db" '$1 == db { print $2 }' "$copies"); do
      definition=$(sed -E "s/REFERENCES $copied\(/REFERENCES bench_$copied(/" <<<"$definition")
    done
    psql_db "$db" -c "ALTER TABLE bench_$table ADD $definition"
  done < <(psql_db "$db" -At -F ' ' -c "SELECT conrelid::regclass, pg_get_constraintdef(oid) FROM pg_constraint
    WHERE contype = 'f' AND conrelid::regclass::text IN ($(awk -v db="$db" '$1 == db { printf "%s'\''%s'\''", s, $2; s = ", " }' "$copies"))")
done

echo "== pgbench: the pipeline's SQL for $n agreements, the four shares at once (write $clients clients, relay," \
  "projection and replica as their threads)"
# the relay's share runs until the anchor's outbox rows are all marked (it polls, as the relay does, in the meantime)
started=$(date +%s.%N)
pids=() relay=
for share in "${shares[@]}"; do
  IFS='|' read -r name db _ <<<"$share"
  runs=(-t "${share_tx[$name]}")
  [[ $name == relay ]] && runs=(-T 3600)
  pgbench -n -M prepared -h 127.0.0.1 -p "$pg_port" -U postgres -c "${share_clients[$name]}" \
    -j "$((share_clients[$name] > 1 ? 2 : 1))" "${runs[@]}" -f "$work/pipeline-$name.sql" "$db" \
    >"$work/pgbench-pipeline-$name.txt" 2>&1 &
  if [[ $name == relay ]]; then relay=$!; else pids+=($!); fi
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
for ((i = 0; i < 6000; i++)); do
  [[ $(psql_ -At -c "SELECT count(*) FILTER (WHERE published_at IS NULL) FROM bench_outbox") == 0 ]] && break
  kill -0 "$relay" 2>/dev/null || break
  sleep 0.01
done
elapsed=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.3f", e - s }')
kill -TERM "$relay" 2>/dev/null || failed=1 # it ended before the outbox was marked: it failed
wait "$relay" || true
for share in "${shares[@]}"; do
  name=${share%%|*}
  [[ $name == relay ]] && continue
  echo "$name: $(grep -E '^(number of transactions actually processed|latency average|tps)' "$work/pgbench-pipeline-$name.txt" \
    | tr '\n' ' ')"
done
echo "relay: marked $(psql_ -At -c "SELECT count(*) FILTER (WHERE published_at IS NOT NULL) || ' of the ' || count(*)
  FROM bench_outbox") outbox rows the write share wrote"
((failed == 0)) || { echo "a pgbench of the pipeline anchor failed: see $work/pgbench-pipeline-*.txt" >&2; exit 1; }
drop_copies
echo "$n agreements in $elapsed s"
echo "RESULT p1.pgbench.pipeline $(awk -v n="$n" -v e="$elapsed" 'BEGIN { printf "%.1f", n / e }') agreements/s"

# coverage: the share of the captured per-agreement statement calls (and execution time) the anchor replays, per database
for share in "${shares[@]}"; do
  IFS='|' read -r name db _ <<<"$share"
  awk -v db="$db" -v k="$((share_tx[$name] * share_clients[$name]))" -v n="$n" '{ print db "\t" k / n "\t" $0 }' \
    "$work/pipeline-$name.texts"
done >"$work/replayed.tsv"
awk -F'\t' -v a="$accepted" '
  NR == FNR { replayed[$1 "\t" $3] += $2; next }
  { per = $2 / a; r = replayed[$1 "\t" $5]; covered = r < per ? r : per
    calls[$1] += per; time[$1] += $4 / a; ccalls[$1] += covered; ctime[$1] += per > 0 ? $4 / a * covered / per : 0 }
  END { for (db in calls) printf "%s %.1f %.1f\n", db, 100 * ccalls[db] / calls[db], 100 * ctime[db] / (time[db] > 0 ? time[db] : 1) }' \
  "$work/replayed.tsv" "$work/statements.tsv" | sort >"$work/coverage.txt"
while read -r db share_calls share_time; do
  echo "coverage, $db: the anchor replays $share_calls % of the captured statement calls per agreement, $share_time % of their execution time"
  echo "RESULT p1.pgbench.pipeline.coverage.$db.calls $share_calls %"
  echo "RESULT p1.pgbench.pipeline.coverage.$db.time $share_time %"
done <"$work/coverage.txt"
