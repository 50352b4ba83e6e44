#!/usr/bin/env bash
# CSV import throughput of project-service: 100,000 lines created, then all updated, then re-imported unchanged,
# each as one all-or-nothing request against real PostgreSQL and Kafka (the test infrastructure).
# Usage: project-service/bench/import-benchmark.sh [lines] [warm-up lines]   (from anywhere; default 100000 and 20000)
# Prints the runs and `RESULT p4.project.<run> <lines/s> lines/s` lines (system-tests/bench/run-all.sh reads them).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q verify -pl project-service -am -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest.jvm.args=-Xmx768m -Dbench.lines="${1:-100000}" -Dbench.warmup="${2:-20000}"
cat project-service/target/import-benchmark.txt
# "import updated   100,000 lines in  13.98 s =    7,152 lines/s (...)" → RESULT p4.project.updated 7152 lines/s
sed -nE 's/^import (.*[^ ]) +[0-9,]+ lines in .* = +([0-9,]+) lines\/s.*/\1 \2/p' project-service/target/import-benchmark.txt \
  | awk '{ n = $NF; gsub(/,/, "", n); $NF = ""; l = tolower($0); gsub(/[()]/, "", l); gsub(/ +$/, "", l); gsub(/ +/, "-", l)
         print "RESULT p4.project." l, n, "lines/s" }'
