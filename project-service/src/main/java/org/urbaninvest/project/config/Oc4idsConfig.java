package org.urbaninvest.project.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The OC4IDS project package: who publishes it, and how its project identifiers begin. */
@ConfigMapping(prefix = "urbaninvest.oc4ids")
public interface Oc4idsConfig {

    /** {@code publisher.name} of every package: the organization that publishes the data. */
    @WithDefault("UrbanInvest")
    String publisherName();

    /**
     * What every project {@code id} begins with: OC4IDS asks for a registered project identifier prefix
     * ({@code oc4ids-} and six characters); a publisher sets the one it registered.
     */
    @WithDefault("oc4ids-urbaninvest-")
    String projectIdPrefix();
}
