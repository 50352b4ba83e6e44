# Sourced by the benchmark scripts: where the suite that ./run.sh started listens, and where its state lives.
# URBANINVEST_PORT_OFFSET moves every port, as ./run.sh --port-offset does; URBANINVEST_HOME as for ./run.sh.
offset="${URBANINVEST_PORT_OFFSET:-0}"
pg_port=$((15432 + offset)) kafka_port=$((19092 + offset))
project=http://127.0.0.1:$((8081 + offset)) investment=http://127.0.0.1:$((8082 + offset)) reporting=http://127.0.0.1:$((8083 + offset))
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
home="${URBANINVEST_HOME:-$root/.local}"

# wrk_ms VALUE: a latency as wrk prints it (850.00us, 12.34ms, 1.20s, 2.00m) in milliseconds
wrk_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    printf "%.2f\n", n * (u == "us" ? 0.001 : u == "s" ? 1000 : u == "m" ? 60000 : 1) }'
}

# needs TOOL...: stops with what to install when one is missing
needs() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (Debian: apt-get install wrk postgresql-client curl)" >&2; exit 1; }
  done
}

# service_pid SERVICE: the pid of this suite's JVM of SERVICE (e.g. investment-service; the first instance)
service_pid() {
  cat "$home/run/$1-0.pid"
}

# cpu_ticks: the CPU time (user + system, in clock ticks) each part of the suite has used so far, one "part ticks"
# line each: the three services, Kafka, and PostgreSQL (the server, its live backends, and the backends that ended,
# which the server has reaped)
cpu_ticks() {
  local part pid
  for part in project-service investment-service reporting-service; do
    echo "$part $(awk '{ print $14 + $15 }' "/proc/$(service_pid "$part")/stat")"
  done
  echo "kafka $(awk '{ print $14 + $15 }' "/proc/$(cat "$home/run/kafka.pid")/stat")"
  pid=$(cat "$home/run/postgres.pid")
  echo "postgres $( { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat"
    for child in $(pgrep -P "$pid"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk '{ s += $1 } END { print s }')"
}

# cpu_per_unit BEFORE AFTER UNITS PREFIX: from two cpu_ticks outputs (files), each part's CPU milliseconds per unit
# of work (an agreement, a transaction) as `RESULT PREFIX.<part> <ms> ms` lines, and their sum as PREFIX.total
cpu_per_unit() {
  awk -v n="$3" -v p="$4" -v hz="$(getconf CLK_TCK)" '
    NR == FNR { before[$1] = $2; next }
    { ms = ($2 - before[$1]) * 1000 / hz / n; total += ms; printf "RESULT %s.%s %.3f ms\n", p, $1, ms }
    END { printf "RESULT %s.total %.3f ms\n", p, total }' "$1" "$2"
}

# profile_start NAME SERVICE / profile_stop NAME SERVICE: with BENCH_PROFILE=true, a JFR recording (settings=profile)
# of SERVICE's JVM in between, written to $work/NAME.jfr, and where its CPU went to $work/NAME.md (HotPaths.java)
profile_start() {
  [[ ${BENCH_PROFILE:-false} == true ]] || return 0
  jcmd "$(service_pid "$2")" JFR.start name="$1" settings=profile filename="$work/$1.jfr" >/dev/null
}
profile_stop() {
  [[ ${BENCH_PROFILE:-false} == true ]] || return 0
  jcmd "$(service_pid "$2")" JFR.stop name="$1" >/dev/null
  java "$root/system-tests/bench/HotPaths.java" "$work/$1.jfr" 15 >"$work/$1.md"
  echo "where $2's CPU went: $work/$1.md"
}
