#!/usr/bin/env bash
# Event lag at a fixed write rate (SYSTEM.md §12: on Kafka within 50 ms p99, in reports within 200 ms p99 at
# 300 writes/s). Needs ./run.sh running (default ports). Usage: system-tests/bench/event-lag.sh [rate] [seconds]
# Prints the percentiles and `RESULT p2.<measure> <value> <unit>` lines (system-tests/bench/run-all.sh reads them),
# with the CPU each part of the suite used per accepted agreement (p2.cpu.*).
set -euo pipefail
# shellcheck source=suite.sh
source "$(dirname "${BASH_SOURCE[0]}")/suite.sh"
set -a
# shellcheck disable=SC1091
source "$home/tokens.env"
set +a
api() {
  curl -s -X POST -H "Authorization: Bearer $EDITOR_TOKEN" -H 'Content-Type: application/json' -d "$2" "$1"
}
api $project/api/v1/zones '{"code":"lag-zone","name":"Event lag zone","kind":"OTHER"}' >/dev/null
api $project/api/v1/projects '{"code":"lag-project","name":"Event lag project","zoneCode":"lag-zone","status":"identification","estimatedInvestment":{"amount":"1.00","currency":"CNY"}}' >/dev/null
investor=$(api $investment/api/v1/investors '{"name":"Event lag investor","kind":"PRIVATE"}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
until curl -sf -o /dev/null -H "Authorization: Bearer $VIEWER_TOKEN" $reporting/api/v1/reports/zones/lag-zone; do
  sleep 0.2
done
work="$root/system-tests/target/bench-lag"
mkdir -p "$work"
cpu_ticks >"$work/cpu-before.txt"
java -cp "$root/deploy/local/target/lib/*" "$root/system-tests/bench/EventLag.java" "${1:-300}" "${2:-30}" \
  lag-project "$investor" lag-zone "$investment" "$reporting" "127.0.0.1:$kafka_port" 2>/dev/null | tee "$work/lag.txt"
cpu_ticks >"$work/cpu-after.txt"
# each part's CPU per accepted agreement at this fixed rate (the report poller's reads, every 5 ms, included)
cpu_per_unit "$work/cpu-before.txt" "$work/cpu-after.txt" "$(awk '$2 == "p2.accepted" { print $3 }' "$work/lag.txt")" \
  p2.cpu
