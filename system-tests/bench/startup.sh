#!/usr/bin/env bash
# Start-up time and memory of each service, against a bare Quarkus REST + Panache + Kafka application built
# from the same BOM. Time = JVM launch until /q/health/ready answers 200; memory = RSS at that moment.
#
# With URBANINVEST_SERVICE_JAVA_HOME set to a JDK 25+, the services run there with the AOT cache (app.aot) that
# ./run.sh records on that JDK; when a service has none yet, one start records it first (as ./run.sh's training run
# does before the services start: -XX:AOTCacheOutput, ready, stopped), which is not one of the measured runs. Needs the suite's PostgreSQL and Kafka (./run.sh running, default ports) and the packaged services
# (`./run.sh` builds them). Usage: system-tests/bench/startup.sh [runs]   (default 5 runs per application)
# Prints one line per run and, per application, `RESULT p5.<application>.ready <median> ms` and `... .rss <median> MB`.
set -euo pipefail
# shellcheck source=suite.sh
source "$(dirname "${BASH_SOURCE[0]}")/suite.sh"
runs="${1:-5}"
work="$root/system-tests/target/bench-startup"
mkdir -p "$work"

# shellcheck source=bare-app.sh
source "$root/system-tests/bench/bare-app.sh"
bare_app_build
bare="$bare_app"

export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$home/keys/jwks.json"

# the services' JDK when it is another than this one (URBANINVEST_SERVICE_JAVA_HOME=default or empty: this one)
service_jdk=${URBANINVEST_SERVICE_JAVA_HOME:-}
[[ $service_jdk == default ]] && service_jdk=

running= # the application being measured: stopped with this script, however it ends
trap '[[ -z $running ]] || kill "$running" 2>/dev/null || true' EXIT

# measure NAME APPDIR DATABASE [nocds]: prints one line per run; uses the app's AppCDS archive when it has one
measure() {
  local name=$1 app=$2 db=$3 port=$((18090 + offset))
  local cds=() java=java
  [[ -f "$app/app-cds.jsa" && ${4:-} != nocds ]] && cds=(-XX:SharedArchiveFile="$app/app-cds.jsa" -Xshare:auto)
  # as the launcher does: on a JDK 25+ named by URBANINVEST_SERVICE_JAVA_HOME, the AOT cache of an earlier run
  if [[ -n $service_jdk && $name != bare-app ]]; then
    java="$service_jdk/bin/java"
    cds=()
    [[ -f "$app/app.aot" && ${4:-} != nocds ]] && cds=(-XX:AOTCache="$app/app.aot")
  fi
  if [[ -n $service_jdk && $name != bare-app && ${4:-} != nocds && ! -f "$app/app.aot" ]]; then
    record_aot_cache "$name" "$app" "$db" "$java" "$port"
    cds=(-XX:AOTCache="$app/app.aot")
  fi
  # what run-all.sh reads to say whether the cache was used (a later build of the jar removes the file)
  [[ ${cds[*]:-} == -XX:AOTCache=* ]] && echo "$name: starts with the AOT cache $app/app.aot"
  local readies=() rsses=()
  for ((i = 1; i <= runs; i++)); do
    local start pid ms rss
    start=$(date +%s%N)
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/$db" QUARKUS_HTTP_PORT=$port \
      "$java" -Xmx512m "${cds[@]}" -jar "$app/quarkus-run.jar" >"$work/$name.log" 2>&1 &
    pid=$! running=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
      kill -0 "$pid" 2>/dev/null || { echo "$name exited; see $work/$name.log" >&2; exit 1; }
      sleep 0.01
    done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
    kill "$pid"; wait "$pid" 2>/dev/null || true
    running=
    echo "$name run=$i ready_ms=$ms rss_mb=$rss"
    readies+=("$ms") rsses+=("$rss")
  done
  echo "RESULT p5.$name.ready $(median "${readies[@]}") ms"
  echo "RESULT p5.$name.rss $(median "${rsses[@]}") MB"
}

# record_aot_cache NAME APPDIR DATABASE JAVA PORT: one start that records APPDIR/app.aot, stopped once ready (the JVM
# writes the cache as it exits)
record_aot_cache() {
  local name=$1 app=$2 db=$3 java=$4 port=$5 pid
  echo "$name: recording its AOT cache (one start, not measured)"
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/$db" QUARKUS_HTTP_PORT=$port \
    "$java" -Xmx512m -XX:AOTCacheOutput="$app/app.aot" -jar "$app/quarkus-run.jar" >"$work/$name-aot.log" 2>&1 &
  pid=$! running=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited while recording; see $work/$name-aot.log" >&2; exit 1; }
    sleep 0.05
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  running=
  [[ -f "$app/app.aot" ]] || { echo "$name recorded no AOT cache; see $work/$name-aot.log" >&2; exit 1; }
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

measure bare-app "$bare/target/quarkus-app" postgres
measure project-service "$root/project-service/target/quarkus-app" project
measure investment-service "$root/investment-service/target/quarkus-app" investment
measure reporting-service "$root/reporting-service/target/quarkus-app" reporting
for service in project investment reporting; do
  measure "$service-service(no-cds)" "$root/$service-service/target/quarkus-app" "$service" nocds
done
