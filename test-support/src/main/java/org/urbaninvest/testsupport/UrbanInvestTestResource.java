package org.urbaninvest.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.urbaninvest.launcher.PostgresServer;

/**
 * Points a {@code @QuarkusTest} application at the real PostgreSQL and Kafka of {@link TestInfrastructure}
 * and at its keys. Use it once per module, e.g.
 * {@code @WithTestResource(value = UrbanInvestTestResource.class, scope = TestResourceScope.GLOBAL,
 * initArgs = @ResourceArg(name = "database", value = "project"))}.
 */
public class UrbanInvestTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infrastructure.database(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        config.put("kafka.bootstrap.servers", infrastructure.kafka().bootstrapServers());
        config.put("mp.jwt.verify.issuer", infrastructure.tokens().issuer());
        // the JWK Set of the issuer's key and investment-service's own key, each selected by the token's kid
        config.put("mp.jwt.verify.publickey.location", infrastructure.tokens().jwksFile().toUri().toString());
        config.put("smallrye.jwt.sign.key.location",
                infrastructure.tokens().serviceKeyFile("investment-service").toUri().toString());
        return config;
    }

    @Override
    public void stop() {
        // the infrastructure lives as long as the JVM, shared by every application start of the module's tests
    }
}
