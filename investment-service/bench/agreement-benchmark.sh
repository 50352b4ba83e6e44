#!/usr/bin/env bash
# Agreement acceptance throughput of investment-service (SYSTEM.md §12 "Writes"): POST /api/v1/agreements at 32
# clients after a warm-up, against the same two inserts over JDBC at 32 clients on the same PostgreSQL.
# Usage: investment-service/bench/agreement-benchmark.sh [measure-seconds] [warm-up-seconds]   (default 30 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q verify -pl investment-service -Dtest=AgreementWriteBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest.jvm.args=-Xmx768m -Dbench.seconds="${1:-30}" -Dbench.warmup="${2:-60}"
cat investment-service/target/agreement-benchmark.txt
