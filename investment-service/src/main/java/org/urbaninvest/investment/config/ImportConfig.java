package org.urbaninvest.investment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The agreement import's limits. */
@ConfigMapping(prefix = "urbaninvest.investment.import")
public interface ImportConfig {

    /** The most data lines (header not counted) one CSV import may carry. */
    @WithDefault("100000")
    int maxLines();

    /** Lines applied, then their agreements written and published, per batch. */
    @WithDefault("1000")
    int batchSize();
}
