#!/usr/bin/env bash
# Every benchmark of issue 13 in one run on one machine: starts a suite of its own (./run.sh --port-offset 500
# --no-demo --reset, its state under system-tests/target/bench/home), runs start-up (P5), writes (P1), event lag (P2),
# reads (P3) and imports (P4) one after the other, stops the suite, and prints one table — figure, measured, anchor,
# ratio, target, met or missed — also written, with the date, nproc, commit and load average at start and end, P1's
# statements per agreement and, with BENCH_PROFILE=true, where the CPU went, to system-tests/target/bench/results.md.
# Each step's output is in system-tests/target/bench/<step>.log. The suite's PostgreSQL loads pg_stat_statements
# (URBANINVEST_POSTGRES_SETTINGS, unless set otherwise): P1's anchor replays the statements it captures.
#
# Durations and sizes (environment, the issue's values by default; small values try the script quickly):
#   BENCH_SECONDS=60        measured seconds of each wrk and pgbench run (P1, P3)
#   BENCH_WARMUP=120        REST write warm-up seconds before P1's measured run
#   BENCH_READ_WARMUP=10    warm-up seconds of each read endpoint (P3)
#   BENCH_READ_AGREEMENTS=1000000  agreements of the zone whose report P3 reads (generated in the projection)
#   BENCH_LAG_RATE=300      agreements per second of the event-lag run (P2)
#   BENCH_LAG_SECONDS=60    seconds of the event-lag run (P2)
#   BENCH_IMPORT_LINES=100000  CSV lines per import run, and rows of the COPY anchor (P4)
#   BENCH_IMPORT_WARMUP     warm-up lines of the import benchmarks (default: theirs, 20000 and 5000)
#   BENCH_STARTUP_RUNS=5    starts per application (P5; the medians are compared)
#   BENCH_SERVICE_JAVA_HOME the JDK 25+ of P5's second pass (default: the newest in /usr/lib/jvm; empty: no second pass)
#   BENCH_PORT_OFFSET=500   the suite's --port-offset;  BENCH_HOME: its state (default system-tests/target/bench/home)
#   BENCH_PROFILE=true      a JFR recording of the service measured during P1's and P3's measured runs, and where its
#                           CPU went (HotPaths.java), appended to results.md; false: none (JFR costs ~1-2 % CPU)
# Needs java, mvn, curl; installs wrk and postgresql-client (pgbench, psql) with apt-get when missing and run as root.
# Example, a quick try: BENCH_SECONDS=5 BENCH_WARMUP=5 BENCH_LAG_SECONDS=5 BENCH_IMPORT_LINES=2000 \
#   BENCH_IMPORT_WARMUP=500 BENCH_STARTUP_RUNS=1 system-tests/bench/run-all.sh
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds=${BENCH_SECONDS:-60} warmup=${BENCH_WARMUP:-120} read_warmup=${BENCH_READ_WARMUP:-10}
lag_rate=${BENCH_LAG_RATE:-300} lag_seconds=${BENCH_LAG_SECONDS:-60}
import_lines=${BENCH_IMPORT_LINES:-100000} import_warmup=${BENCH_IMPORT_WARMUP:-} startup_runs=${BENCH_STARTUP_RUNS:-5}
export URBANINVEST_PORT_OFFSET=${BENCH_PORT_OFFSET:-500}
out="$(cd "$bench/../.." && pwd)/system-tests/target/bench"
export URBANINVEST_HOME=${BENCH_HOME:-$out/home}
export BENCH_PROFILE=${BENCH_PROFILE:-true}
# shellcheck source=suite.sh
source "$bench/suite.sh"
cd "$root"
mkdir -p "$out"
results="$out/results.txt"
: >"$results"
rm -f system-tests/target/bench-writes/profile-* system-tests/target/bench-reads/profile-* \
  system-tests/target/bench-writes/statements.md # an earlier run's

# --- tools -------------------------------------------------------------------------------------------------------
install() { # PACKAGE: apt-get install, as root only
  [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null \
    || { echo "$1 is missing: install it (Debian: apt-get install $1) or run this script as root" >&2; exit 1; }
  echo "installing $1 ..."
  apt-get install -y -q "$1" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$1" >/dev/null; }
}
command -v wrk >/dev/null || install wrk
command -v pgbench >/dev/null && command -v psql >/dev/null || install postgresql-client
needs java mvn curl wrk pgbench psql

# --- the suite ---------------------------------------------------------------------------------------------------
started_at=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
commit=$(git rev-parse --short HEAD)$([[ -z $(git status --porcelain --untracked-files=no) ]] || echo " (with local changes)")
if [[ -z ${URBANINVEST_SKIP_BUILD:-} ]]; then
  URBANINVEST_SKIP_BUILD=true
  for jar in deploy/local/target/launcher-*.jar {project,investment,reporting}-service/target/quarkus-app/quarkus-run.jar; do
    [[ -f $jar ]] || URBANINVEST_SKIP_BUILD=false
  done
fi
export URBANINVEST_SKIP_BUILD
# pg_stat_statements loaded: P1 captures the statements the pipeline runs per agreement, its anchor replays them
export URBANINVEST_POSTGRES_SETTINGS=${URBANINVEST_POSTGRES_SETTINGS:-shared_preload_libraries=pg_stat_statements}
echo "== the suite: ./run.sh --port-offset $offset --no-demo --reset (home $home, log $out/suite.log," \
  "PostgreSQL settings: $URBANINVEST_POSTGRES_SETTINGS)"
./run.sh --port-offset "$offset" --no-demo --reset >"$out/suite.log" 2>&1 &
suite_pid=$! # run.sh execs the launcher: this is its pid
stop_suite() {
  kill -0 "$suite_pid" 2>/dev/null || return 0
  echo "== stopping the suite (pid $suite_pid)"
  kill -TERM "$suite_pid"
  for ((i = 0; i < 600; i++)); do kill -0 "$suite_pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "the suite (pid $suite_pid) did not stop within 60 s; see $out/suite.log" >&2
}
trap stop_suite EXIT
trap 'exit 130' INT TERM
waiting_since=$SECONDS
while true; do
  kill -0 "$suite_pid" 2>/dev/null || { echo "the suite exited; see $out/suite.log" >&2; tail -20 "$out/suite.log" >&2; exit 1; }
  ready=true
  for url in "$project" "$investment" "$reporting"; do
    curl -sf -o /dev/null "$url/q/health/ready" || ready=false
  done
  [[ $ready == true && -f $home/tokens.env ]] && break
  ((SECONDS - waiting_since < 600)) || { echo "the suite was not ready within 10 min; see $out/suite.log" >&2; exit 1; }
  sleep 0.1
done
echo "the suite is ready ($((SECONDS - waiting_since)) s)"

# --- the benchmarks ----------------------------------------------------------------------------------------------
failed=()
step() { # NAME COMMAND...: runs one benchmark, its output to NAME.log, its RESULT lines collected and shown
  local name=$1
  shift
  echo "== $name: $* (log: system-tests/target/bench/$name.log)"
  "$@" >"$out/$name.log" 2>&1 || { failed+=("$name"); echo "$name failed: $(tail -3 "$out/$name.log")"; }
  grep '^RESULT ' "$out/$name.log" | tee -a "$results" || true
}

copy_anchor() { # P4's anchor: COPY of as many agreement rows into a copy of the agreement table (its indexes and keys)
  export PGPASSWORD=postgres
  local psql_=(psql -q -At -h 127.0.0.1 -p "$pg_port" -U postgres -d investment -v ON_ERROR_STOP=1) investor columns rows ms
  investor=$("${psql_[@]}" -c "SELECT id FROM investor ORDER BY created_at LIMIT 1") || return 1
  [[ -n $investor ]] || { echo "no investor in the suite: the write benchmark creates one" >&2; return 1; }
  "${psql_[@]}" -c "DROP TABLE IF EXISTS bench_copy_agreement;
    CREATE TABLE bench_copy_agreement (LIKE agreement INCLUDING ALL, FOREIGN KEY (investor_id) REFERENCES investor (id));
    " || return 1
  columns="id, project_code, zone_code, investor_id, reference, stage, intended_amount, intended_currency, intended_on"
  columns+=", signed_amount, signed_currency, signed_on, started_on, operational_on, withdrawn_on, withdrawal_reason"
  columns+=", version, created_at, updated_at"
  rows="SELECT gen_random_uuid(), 'bench-project', 'bench-zone', '$investor', 'copy-' || i, 'INTENDED', 1000 + i + 0.25,
    'CNY', DATE '2022-03-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, now(), now()
    FROM generate_series(1, $import_lines) AS i"
  # \copy reads one line
  "${psql_[@]}" -c "\\copy (${rows//$'\n'/ }) TO '$out/copy-agreements.csv' CSV" || return 1
  # timed by the server's clock around the COPY, in one session: the connection is not counted
  ms=$("${psql_[@]}" -c "SELECT extract(epoch FROM clock_timestamp())" \
    -c "\\copy bench_copy_agreement ($columns) FROM '$out/copy-agreements.csv' CSV" \
    -c "SELECT extract(epoch FROM clock_timestamp())" | awk '/^[0-9.]+$/ { t[n++] = $1 } END { printf "%.0f", (t[1] - t[0]) * 1000 }') \
    || return 1
  "${psql_[@]}" -c "DROP TABLE bench_copy_agreement;" || return 1
  rm -f "$out/copy-agreements.csv"
  echo "COPY of $import_lines agreement rows: $ms ms"
  echo "RESULT p4.copy $(awk -v n="$import_lines" -v ms="$ms" 'BEGIN { printf "%.0f", n * 1000 / (ms > 0 ? ms : 1) }') lines/s"
}

# the services' start-up again on the newest JDK 25+ (with the AOT cache ./run.sh records there, when it has been)
newest_jdk() {
  local d v
  for d in /usr/lib/jvm/*/; do
    v=$("$d/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p') || continue
    [[ -n $v && $v -ge 25 ]] && echo "$v ${d%/}"
  done | sort -n | tail -1 | cut -d' ' -f2
}
jdk25=${BENCH_SERVICE_JAVA_HOME-$(newest_jdk)}
startup_on_jdk25() {
  URBANINVEST_SERVICE_JAVA_HOME=$jdk25 "$bench/startup.sh" "$startup_runs" | sed 's/^RESULT p5\./RESULT p5-jdk25./'
}

step startup "$bench/startup.sh" "$startup_runs"
[[ -z $jdk25 ]] || step startup-jdk25 startup_on_jdk25
step writes "$bench/write-throughput.sh" "$seconds" "$warmup"
step event-lag "$bench/event-lag.sh" "$lag_rate" "$lag_seconds"
step reads "$bench/reads.sh" "$seconds" bench-million "$read_warmup"
step copy copy_anchor
step project-import project-service/bench/import-benchmark.sh "$import_lines" ${import_warmup:+"$import_warmup"}
step agreement-import investment-service/bench/import-benchmark.sh "$import_lines" ${import_warmup:+"$import_warmup"}
stop_suite
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the table ---------------------------------------------------------------------------------------------------
declare -A r
while read -r _ name value _; do r[$name]=$value; done <"$results"
has() { local k; for k in "$@"; do [[ -n ${r[$k]:-} && ${r[$k]} != none ]] || return 1; done; }
why() { # STEP: why a figure of that step is missing
  if [[ " ${failed[*]} " == *" $1 "* ]]; then echo "not measured: $1 failed, see system-tests/target/bench/$1.log"
  else echo "not measured: no result from $1, see system-tests/target/bench/$1.log"; fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = op == ">=" ? v >= t : v <= t; print ok ? "met" : "missed" }'; }
rows=()
row() { rows+=("| $1 | $2 | $3 | $4 | $5 | $6 |"); }
int() { printf "%'.0f" "$1" 2>/dev/null || echo "$1"; }

# P1 writes: REST against the pipeline's own SQL in the three databases (and, as before, its agreement transaction
# alone and the two bare inserts)
p1_verdict() { # RATIO: met/missed, missed as well when a request failed or an agreement did not reach the report
  local v
  v=$(verdict "$1" '>=' 0.5)
  [[ ${r[p1.rest.non2xx]:-1} == 0 && ${r[p1.rest.errors]:-1} == 0 && ${r[p1.unreported]:-?} == 0 ]] \
    || v="missed (non-2xx ${r[p1.rest.non2xx]:-?}, errors ${r[p1.rest.errors]:-?}, not in the report ${r[p1.unreported]:-?})"
  echo "$v"
}
p1_measured() { echo "$(int "${r[p1.rest]}")/s (p99 ${r[p1.rest.p99]:-?} ms; not in the report after: ${r[p1.unreported]:-?})"; }
coverage() { # DATABASE: "calls %, time %" of the captured statements per agreement the pipeline anchor replays
  echo "$1 ${r[p1.pgbench.pipeline.coverage.$1.calls]:-?} % of the calls, ${r[p1.pgbench.pipeline.coverage.$1.time]:-?} % of the time"
}
if has p1.rest p1.pgbench.pipeline; then
  x=$(ratio "${r[p1.rest]}" "${r[p1.pgbench.pipeline]}")
  row "P1 writes: REST agreements/s, $seconds s at 32 connections after ${warmup} s warm-up" "$(p1_measured)" \
    "pgbench replaying the SQL the pipeline ran per agreement (pg_stat_statements during the REST run), the four shares at once: the agreement transaction (32 clients), the relay's, reporting's projection and project's replica (their threads); it replays $(coverage investment), $(coverage reporting), $(coverage project) (statements.md): $(int "${r[p1.pgbench.pipeline]}") agreements/s" \
    "$x" "≥ 0.5" "$(p1_verdict "$x")"
else
  if has p1.rest; then
    row "P1 writes: REST agreements/s at 32 connections" "$(p1_measured)" \
      "pgbench replaying the pipeline's SQL in the three databases: not measured (pg_stat_statements not loaded, or the anchor failed: see system-tests/target/bench/writes.log)" \
      "-" "≥ 0.5" "-"
  else
    row "P1 writes: REST agreements/s at 32 connections" "$(why writes)" \
      "pgbench replaying the pipeline's SQL in the three databases" "-" "≥ 0.5" "-"
  fi
fi
if has p1.rest p1.pgbench.agreement-transaction; then
  x=$(ratio "${r[p1.rest]}" "${r[p1.pgbench.agreement-transaction]}")
  row "P1 writes, old anchor: the agreement transaction only" "$(int "${r[p1.rest]}")/s" \
    "pgbench, the agreement transaction alone (look-up, 3 inserts), 32 clients: $(int "${r[p1.pgbench.agreement-transaction]}") tx/s" \
    "$x (old)" "old: ≥ 0.5" "old"
fi
if has p1.rest p1.pgbench.two-inserts; then
  row "P1 writes, old anchor: the two inserts" "$(int "${r[p1.rest]}")/s" \
    "pgbench, the two inserts (agreement, outbox), 32 clients: $(int "${r[p1.pgbench.two-inserts]}") tx/s" \
    "$(ratio "${r[p1.rest]}" "${r[p1.pgbench.two-inserts]}") (old)" "old: ≥ 0.6 (SYSTEM.md §12)" "old"
fi
if has p1.cpu.rest.total p1.cpu.pgbench.postgres; then
  ms() { printf '%.2f' "${r[$1]}"; }
  row "P1 writes: the suite's CPU per agreement accepted over REST (both cores busy in both runs)" \
    "$(ms p1.cpu.rest.total) ms: investment $(ms p1.cpu.rest.investment-service), PostgreSQL $(ms p1.cpu.rest.postgres), reporting $(ms p1.cpu.rest.reporting-service), Kafka $(ms p1.cpu.rest.kafka), project $(ms p1.cpu.rest.project-service)" \
    "PostgreSQL's CPU per pgbench transaction: $(ms p1.cpu.pgbench.postgres) ms (PostgreSQL's per agreement in the REST run, $(ms p1.cpu.rest.postgres) ms, is all three databases' SQL: alone on 2 cores at most $(awk -v c="${r[p1.cpu.rest.postgres]}" 'BEGIN { printf "%.0f", 2000 / c }')/s)" \
    "$(ratio "${r[p1.cpu.pgbench.postgres]}" "${r[p1.cpu.rest.total]}")" "-" "explains P1"
fi

# P2 event lag
if has p2.cpu.total; then
  row "P2: the suite's CPU per agreement at $lag_rate/s (the report poller's reads included)" \
    "$(printf '%.2f' "${r[p2.cpu.total]}") ms: investment $(printf '%.2f' "${r[p2.cpu.investment-service]}"), PostgreSQL $(printf '%.2f' "${r[p2.cpu.postgres]}"), reporting $(printf '%.2f' "${r[p2.cpu.reporting-service]}"), Kafka $(printf '%.2f' "${r[p2.cpu.kafka]}"), project $(printf '%.2f' "${r[p2.cpu.project-service]}")" \
    "2 cores: at most $(awk -v c="${r[p2.cpu.total]}" 'BEGIN { printf "%.0f", 2000 / c }') agreements/s at this cost" "-" "-" "explains P2"
fi
lag="$lag_rate/s for $lag_seconds s"
accepted="accepted ${r[p2.accepted]:-?} of ${r[p2.requested]:-?}, failed ${r[p2.failed]:-?}"
for leg in "kafka|commit → on Kafka|50" "report|accepted → in the zone report|100"; do
  IFS='|' read -r key label target <<<"$leg"
  if has "p2.$key.p99"; then
    v=$(verdict "${r[p2.$key.p99]}" '<=' "$target")
    [[ ${r[p2.failed]:-1} == 0 ]] || v="missed ($accepted)"
    row "P2 event lag, $label p99, $lag" "${r[p2.$key.p99]} ms (p50 ${r[p2.$key.p50]:-?} ms, n ${r[p2.$key.samples]:-?}; $accepted)" \
      "-" "-" "≤ $target ms" "$v"
  else
    row "P2 event lag, $label p99, $lag" "$(why event-lag)" "-" "-" "≤ $target ms" "-"
  fi
done

# P3 reads
if has p3.report p3.constant p3.report.p99; then
  held="the zone report counts $(int "${r[p3.agreements]:-0}") agreements"
  small() { # VERDICT: not met below the issue's size
    if [[ ${r[p3.agreements]:-0} -lt 1000000 && $1 == met ]]; then echo "not at 1,000,000 agreements"; else echo "$1"; fi
  }
  row "P3 zone report p99, 32 connections, $seconds s ($held)" "${r[p3.report.p99]} ms (p50 ${r[p3.report.p50]:-?} ms)" \
    "bare constant GET p99 ${r[p3.constant.p99]:-?} ms" "-" "≤ 5 ms" "$(small "$(verdict "${r[p3.report.p99]}" '<=' 5)")"
  v=$(small "$(verdict "$(ratio "${r[p3.report]}" "${r[p3.constant]}")" '>=' 0.5)")
  [[ ${r[p3.report.non2xx]:-1} == 0 ]] || v="missed (non-2xx ${r[p3.report.non2xx]:-?})"
  row "P3 zone report req/s, 32 connections" "$(int "${r[p3.report]}")/s" \
    "bare Quarkus GET of a constant JSON body: $(int "${r[p3.constant]}")/s" \
    "$(ratio "${r[p3.report]}" "${r[p3.constant]}")" "≥ 0.5" "$v"
else
  row "P3 zone report p99 and req/s, 32 connections" "$(why reads)" "bare constant GET" "-" "≤ 5 ms, ≥ 0.5" "-"
fi

# P4 imports
for run in "project|created|project-import" "project|updated|project-import" "project|unchanged|project-import" \
  "agreement|created-intended|agreement-import" "agreement|moved-to-signed|agreement-import" \
  "agreement|unchanged|agreement-import"; do
  IFS='|' read -r kind name log <<<"$run"
  if has "p4.$kind.$name"; then
    row "P4 $kind import, $name, $(int "$import_lines") lines" "$(int "${r[p4.$kind.$name]}") lines/s" "-" "-" \
      "≥ 5,000 lines/s" "$(verdict "${r[p4.$kind.$name]}" '>=' 5000)"
  else
    row "P4 $kind import, $name" "$(why "$log")" "-" "-" "≥ 5,000 lines/s" "-"
  fi
done
if has p4.agreement.created-intended p4.copy; then
  x=$(ratio "${r[p4.agreement.created-intended]}" "${r[p4.copy]}")
  row "P4 agreement import (created) against COPY, $(int "$import_lines") rows" \
    "$(int "${r[p4.agreement.created-intended]}") lines/s" \
    "COPY into a copy of the agreement table (its indexes, investor key): $(int "${r[p4.copy]}") rows/s" \
    "$x" "≥ 0.1 (at most 10× COPY's time)" "$(verdict "$x" '>=' 0.1)"
else
  row "P4 agreement import against COPY" "$(why copy)" "COPY into a copy of the agreement table" "-" "≥ 0.1" "-"
fi

# P5 start-up and memory: each service's medians against those of the bare application in the same pass (which
# startup.sh runs on the default JDK)
p5_rows() { # PREFIX JDK-LABEL STEP
  local prefix=$1 jdk=$2 log=$3 service s x aot
  if ! has "$prefix.bare-app.ready" "$prefix.bare-app.rss"; then
    row "P5 start-up and memory ($jdk)" "$(why "$log")" "bare app" "-" "≤ 0.5, ≤ 1.0" "-"
    return
  fi
  for service in project investment reporting; do
    s="$service-service"
    aot=""
    # whether startup.sh started the service with its AOT cache (its log says so; a later build removes the file)
    [[ $prefix == p5 ]] || aot=", AOT cache $(grep -q "^$s: starts with the AOT cache" "$out/$log.log" 2>/dev/null \
      && echo yes || echo "no: none recorded")"
    if has "$prefix.$s.ready" "$prefix.$s.rss"; then
      x=$(ratio "${r[$prefix.$s.ready]}" "${r[$prefix.bare-app.ready]}")
      row "P5 $s ready, $jdk$aot (median of $startup_runs)" "${r[$prefix.$s.ready]} ms" \
        "bare app ${r[$prefix.bare-app.ready]} ms ($(java -version 2>&1 | sed -nE '1s/.*version "([^"]+)".*/JDK \1/p'))" \
        "$x" "≤ 0.5" "$(verdict "$x" '<=' 0.5)"
      x=$(ratio "${r[$prefix.$s.rss]}" "${r[$prefix.bare-app.rss]}")
      row "P5 $s RSS at ready, $jdk (median)" "${r[$prefix.$s.rss]} MB" "bare app ${r[$prefix.bare-app.rss]} MB" \
        "$x" "≤ 1.0" "$(verdict "$x" '<=' 1.0)"
    else
      row "P5 $s ready and RSS, $jdk" "$(why "$log")" "bare app" "-" "≤ 0.5, ≤ 1.0" "-"
    fi
  done
}
p5_rows p5 "$(java -version 2>&1 | sed -nE '1s/.*version "([^"]+)".*/JDK \1/p')" startup
if [[ -n $jdk25 ]]; then
  p5_rows p5-jdk25 "$("$jdk25/bin/java" -version 2>&1 | sed -nE '1s/.*version "([^"]+)".*/JDK \1/p')" startup-jdk25
else
  row "P5 services on JDK 25+" "not measured: no JDK 25+ in /usr/lib/jvm (BENCH_SERVICE_JAVA_HOME names one)" "-" "-" "-" "-"
fi

# P6: mvn verify's time is not run here; the last figure of docs/benchmarks.md's summary
p6=$(awk -F'|' '/^\| tests: `mvn verify`/ { gsub(/^ +| +$/, "", $3); print $3; exit }' docs/benchmarks.md)
row "P6 mvn verify on 2 cores (not run by this script)" "${p6:-not in docs/benchmarks.md} (from docs)" "-" "-" "≤ 15 min" \
  "from docs"

{
  echo "# Benchmarks: system-tests/bench/run-all.sh"
  echo
  echo "- date: $started_at (ended $(date -u '+%H:%M:%S UTC'))"
  echo "- machine: nproc $(nproc), $(awk '/MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"
  echo "- commit: $commit"
  echo "- load average (1, 5, 15 min): $load_start at start, $load_end at end"
  echo "- parameters: BENCH_SECONDS=$seconds BENCH_WARMUP=$warmup BENCH_READ_WARMUP=$read_warmup BENCH_LAG_RATE=$lag_rate" \
    "BENCH_LAG_SECONDS=$lag_seconds BENCH_IMPORT_LINES=$import_lines BENCH_IMPORT_WARMUP=${import_warmup:-default}" \
    "BENCH_STARTUP_RUNS=$startup_runs BENCH_READ_AGREEMENTS=${BENCH_READ_AGREEMENTS:-1000000}"
  [[ ${#failed[@]} == 0 ]] || echo "- failed steps: ${failed[*]} (logs in system-tests/target/bench/)"
  echo
  echo "| figure | measured | anchor | ratio | target | met/missed |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  # P1's capture: what the pipeline ran per agreement in the three databases, which its anchor replays
  if [[ -f $root/system-tests/target/bench-writes/statements.md ]]; then
    echo
    sed 's/^#/##/' "$root/system-tests/target/bench-writes/statements.md"
  fi
  for profile in "$root"/system-tests/target/bench-writes/profile-writes.md "$root"/system-tests/target/bench-reads/profile-report.md; do
    [[ $BENCH_PROFILE == true && -f $profile ]] || continue
    echo
    echo "## Where the CPU went: ${profile#"$root"/}"
    echo
    cat "$profile"
  done
} >"$out/results.md"
echo
cat "$out/results.md"
[[ ${#failed[@]} == 0 ]]
