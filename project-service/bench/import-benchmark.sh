#!/usr/bin/env bash
# CSV import throughput of project-service: 100,000 lines created, then all updated, then re-imported unchanged,
# each as one all-or-nothing request against real PostgreSQL and Kafka (the test infrastructure).
# Usage: project-service/bench/import-benchmark.sh [lines]   (from anywhere; default 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q verify -pl project-service -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.lines="${1:-100000}" -DargLine="-Xmx768m -Dbench.lines=${1:-100000}"
cat project-service/target/import-benchmark.txt
