# Sourced by the benchmark scripts: where the suite that ./run.sh started listens, and where its state lives.
# URBANINVEST_PORT_OFFSET moves every port, as ./run.sh --port-offset does; URBANINVEST_HOME as for ./run.sh.
offset="${URBANINVEST_PORT_OFFSET:-0}"
pg_port=$((15432 + offset)) kafka_port=$((19092 + offset))
project=http://127.0.0.1:$((8081 + offset)) investment=http://127.0.0.1:$((8082 + offset)) reporting=http://127.0.0.1:$((8083 + offset))
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
home="${URBANINVEST_HOME:-$root/.local}"
