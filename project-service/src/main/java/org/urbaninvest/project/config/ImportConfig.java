package org.urbaninvest.project.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "urbaninvest.project.import")
public interface ImportConfig {

    /** The most data lines (header not counted) one CSV import may carry. */
    @WithDefault("100000")
    int maxLines();

    /** Projects read, written and published per batch statement. */
    @WithDefault("1000")
    int batchSize();
}
