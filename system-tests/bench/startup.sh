#!/usr/bin/env bash
# Start-up time and memory of each service, against a bare Quarkus REST + Panache + Kafka application built
# from the same BOM. Time = JVM launch until /q/health/ready answers 200; memory = RSS at that moment.
#
# With URBANINVEST_SERVICE_JAVA_HOME set to a JDK 25+, the services run there with the AOT cache (app.aot) that
# ./run.sh records on that JDK. Needs the suite's PostgreSQL and Kafka (./run.sh running, default ports) and the packaged services
# (`./run.sh` builds them). Usage: system-tests/bench/startup.sh [runs]   (default 5 runs per application)
set -euo pipefail
# shellcheck source=suite.sh
source "$(dirname "${BASH_SOURCE[0]}")/suite.sh"
runs="${1:-5}"
work="$root/system-tests/target/bench-startup"
mkdir -p "$work"

bare="$work/bare-app"
if [[ ! -f "$bare/target/quarkus-app/quarkus-run.jar" ]]; then
  mkdir -p "$bare/src/main/java/bench" "$bare/src/main/resources"
  cat > "$bare/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bare-app</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release></properties>
  <dependencyManagement><dependencies><dependency>
    <groupId>io.quarkus</groupId><artifactId>quarkus-bom</artifactId><version>3.33.2</version>
    <type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest-jackson</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-hibernate-orm-panache</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-jdbc-postgresql</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-messaging-kafka</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-smallrye-health</artifactId></dependency>
  </dependencies>
  <build><plugins><plugin>
    <artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version>
  </plugin><plugin>
    <groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId><version>3.33.2</version>
    <extensions>true</extensions>
    <executions><execution><goals><goal>build</goal></goals></execution></executions>
  </plugin></plugins></build>
</project>
POM
  cat > "$bare/src/main/java/bench/Item.java" <<'JAVA'
package bench;

@jakarta.persistence.Entity
public class Item extends io.quarkus.hibernate.orm.panache.PanacheEntity {
    public String name;
}
JAVA
  cat > "$bare/src/main/java/bench/ItemResource.java" <<'JAVA'
package bench;

@jakarta.ws.rs.Path("/items")
public class ItemResource {
    @org.eclipse.microprofile.reactive.messaging.Channel("items-out")
    org.eclipse.microprofile.reactive.messaging.Emitter<String> emitter;

    @jakarta.ws.rs.POST
    @jakarta.transaction.Transactional
    public Item create(Item item) {
        item.persist();
        emitter.send(item.name);
        return item;
    }

    @org.eclipse.microprofile.reactive.messaging.Incoming("items-in")
    public void consume(String name) {
    }
}
JAVA
  cat > "$bare/src/main/resources/application.properties" <<'PROPS'
quarkus.devservices.enabled=false
quarkus.hibernate-orm.schema-management.strategy=update
mp.messaging.outgoing.items-out.topic=bench-items
mp.messaging.incoming.items-in.topic=bench-items
PROPS
  echo "building the bare application ..."
  mvn -q -f "$bare/pom.xml" package -DskipTests
fi

export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$home/keys/jwks.json"

# measure NAME APPDIR DATABASE [nocds]: prints one line per run; uses the app's AppCDS archive when it has one
measure() {
  local name=$1 app=$2 db=$3 port=$((18090 + offset))
  local cds=() java=java
  [[ -f "$app/app-cds.jsa" && ${4:-} != nocds ]] && cds=(-XX:SharedArchiveFile="$app/app-cds.jsa" -Xshare:auto)
  # as the launcher does: on a JDK 25+ named by URBANINVEST_SERVICE_JAVA_HOME, the AOT cache of an earlier run
  if [[ -n ${URBANINVEST_SERVICE_JAVA_HOME:-} && $name != bare-app ]]; then
    java="$URBANINVEST_SERVICE_JAVA_HOME/bin/java"
    cds=()
    [[ -f "$app/app.aot" && ${4:-} != nocds ]] && cds=(-XX:AOTCache="$app/app.aot")
  fi
  for ((i = 1; i <= runs; i++)); do
    local start pid ms rss
    start=$(date +%s%N)
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/$db" QUARKUS_HTTP_PORT=$port \
      "$java" -Xmx512m "${cds[@]}" -jar "$app/quarkus-run.jar" >"$work/$name.log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
      kill -0 "$pid" 2>/dev/null || { echo "$name exited; see $work/$name.log" >&2; exit 1; }
      sleep 0.01
    done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$name run=$i ready_ms=$ms rss_mb=$rss"
  done
}

measure bare-app "$bare/target/quarkus-app" postgres
measure project-service "$root/project-service/target/quarkus-app" project
measure investment-service "$root/investment-service/target/quarkus-app" investment
measure reporting-service "$root/reporting-service/target/quarkus-app" reporting
for service in project investment reporting; do
  measure "$service-service(no-cds)" "$root/$service-service/target/quarkus-app" "$service" nocds
done
