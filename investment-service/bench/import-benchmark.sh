#!/usr/bin/env bash
# CSV agreement import throughput of investment-service: 100,000 agreement lines created, then all moved to SIGNED,
# then re-imported unchanged (and once more as a dry run), each as one all-or-nothing request against real
# PostgreSQL and Kafka (the test infrastructure).
# Usage: investment-service/bench/import-benchmark.sh [lines] [warm-up lines]   (from anywhere; default 100000 and 5000)
# Prints the runs and `RESULT p4.agreement.<run> <lines/s> lines/s` lines (system-tests/bench/run-all.sh reads them).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q verify -pl investment-service -am -Dtest=AgreementImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest.jvm.args=-Xmx768m -Dbench.lines="${1:-100000}" -Dbench.warmup="${2:-5000}"
cat investment-service/target/import-benchmark.txt
# "import moved to SIGNED   100,000 lines in  25.45 s =    3,930 lines/s (...)" → RESULT p4.agreement.moved-to-signed 3930 lines/s
sed -nE 's/^import (.*[^ ]) +[0-9,]+ lines in .* = +([0-9,]+) lines\/s.*/\1 \2/p' investment-service/target/import-benchmark.txt \
  | awk '{ n = $NF; gsub(/,/, "", n); $NF = ""; l = tolower($0); gsub(/[()]/, "", l); gsub(/ +$/, "", l); gsub(/ +/, "-", l)
         print "RESULT p4.agreement." l, n, "lines/s" }'
