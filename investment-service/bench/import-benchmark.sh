#!/usr/bin/env bash
# CSV agreement import throughput of investment-service: 100,000 agreement lines created, then all moved to SIGNED,
# then re-imported unchanged (and once more as a dry run), each as one all-or-nothing request against real
# PostgreSQL and Kafka (the test infrastructure).
# Usage: investment-service/bench/import-benchmark.sh [lines]   (from anywhere; default 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q verify -pl investment-service -am -Dtest=AgreementImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.lines="${1:-100000}" -DargLine="-Xmx768m -Dbench.lines=${1:-100000}"
cat investment-service/target/import-benchmark.txt
