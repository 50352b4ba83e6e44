#!/usr/bin/env bash
# Runs UrbanInvest locally: PostgreSQL, a Kafka broker and the three services, with demo data, until Ctrl-C.
# Builds what is missing or older than its sources first; everything else is the launcher in deploy/local
# (./run.sh --help lists its options).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

# check MODULE OUTPUT SOURCES...: MODULE needs a build if OUTPUT is missing or a source changed since its last build
stale=()
check() {
  local module=$1 output=$2
  shift 2
  local built="$module/target/.built-by-run-sh"
  [[ -e $built ]] || built=$output
  if [[ ! -e $output || -n $(find "$@" -newer "$built" -type f -print -quit 2>/dev/null) ]]; then
    stale+=("$module")
  fi
}
check deploy/local deploy/local/target/lib deploy/local/src/main deploy/local/pom.xml pom.xml
for service in project-service investment-service reporting-service; do
  check "$service" "$service/target/quarkus-app/app-cds.jsa" "$service/src/main" "$service/pom.xml" \
    platform/src/main platform/pom.xml pom.xml
done

# --help needs only the launcher, which says its options
for arg in "$@"; do
  if [[ $arg == --help || $arg == -h ]]; then
    [[ ${stale[*]} == *deploy/local* ]] && stale=(deploy/local) || stale=()
  fi
done

if [[ ${#stale[@]} -gt 0 && ${URBANINVEST_SKIP_BUILD:-false} != true ]]; then
  modules=$(IFS=,; echo "${stale[*]}")
  command -v mvn >/dev/null || { echo "run.sh: Maven (mvn) is needed to build $modules" >&2; exit 1; }
  echo "Building $modules (mvn package, tests skipped) ..."
  started=$(mktemp)
  # shellcheck disable=SC2086 # URBANINVEST_MVN_ARGS may hold several arguments, e.g. "-o"
  # AppCDS: each service's class archive is written at build time and used at every start (faster start-up)
  mvn -q ${URBANINVEST_MVN_ARGS:-} -Dmaven.test.skip=true -Dquarkus.package.jar.appcds.enabled=true \
    package -pl "$modules" -am
  for module in "${stale[@]}"; do touch -r "$started" "$module/target/.built-by-run-sh"; done
  rm -f "$started"
fi

launcher=$(ls deploy/local/target/launcher-*.jar 2>/dev/null | head -n 1)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# the launcher only starts, watches and stops processes: a small heap that grows only if needed
# shellcheck disable=SC2086 # the JVM options are several words
exec "$java" ${URBANINVEST_LAUNCHER_JAVA_OPTS:--Xms16m -Xmx128m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1} \
  -Durbaninvest.repository="$root" -cp "$launcher:deploy/local/target/lib/*" \
  org.urbaninvest.launcher.Launcher "$@"
