package org.urbaninvest.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "urbaninvest.outbox")
public interface OutboxConfig {

    /** Whether this instance relays its outbox to Kafka (tests of the table alone may turn it off). */
    @WithDefault("true")
    boolean relayEnabled();

    /** The safety-net timer; the relay is normally woken by each commit that wrote an event. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events sent per round trip to the broker and per transaction on the table. */
    @WithDefault("500")
    int batchSize();

    /** How long published rows are kept for inspection before they are deleted. */
    @WithDefault("1h")
    Duration retention();

    /** The longest the relay waits for the broker to acknowledge a batch before retrying it. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** On shutdown, how long the relay keeps draining what is pending. */
    @WithDefault("10s")
    Duration shutdownFlush();

    /** The CloudEvents {@code source}; defaults to {@code /<application name>}. */
    Optional<String> source();

    /**
     * Where consumers fetch this service's event schemas: every event's {@code ce_dataschema} is this URL followed
     * by {@code /<type>} (the type without {@code org.urbaninvest.}). The default names the service inside its
     * Kubernetes namespace; the launcher sets the local address, an operator may set a public one.
     */
    String schemaBaseUrl();
}
