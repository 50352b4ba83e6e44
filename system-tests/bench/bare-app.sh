# Sourced by the benchmark scripts (after suite.sh): a bare Quarkus application built from the same BOM as the
# services (REST + Panache + PostgreSQL + Kafka, one entity, one resource, one channel each way, and GET /constant
# returning a constant JSON body). bare_app_build builds it once under system-tests/target; $bare_app/target/quarkus-app
# is what runs.
bare_app="$root/system-tests/target/bench-startup/bare-app"

bare_app_build() {
  local bare=$bare_app
  [[ -f "$bare/target/quarkus-app/quarkus-run.jar" && -f "$bare/src/main/java/bench/ConstantResource.java" ]] && return
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
  cat > "$bare/src/main/java/bench/ConstantResource.java" <<'JAVA'
package bench;

/** A constant JSON body: the cheapest GET the framework serves, the anchor of the read benchmark. */
@jakarta.ws.rs.Path("/constant")
public class ConstantResource {
    public record Constant(String zone, long agreements, String currency) {
    }

    private static final Constant CONSTANT = new Constant("bench-zone", 1000, "CNY");

    @jakarta.ws.rs.GET
    @jakarta.ws.rs.Produces("application/json")
    public Constant get() {
        return CONSTANT;
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
}
