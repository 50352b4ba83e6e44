package org.urbaninvest.platform.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/**
 * What a taken unique key means to a client, by the name of the database constraint or unique index that refused
 * the write ({@code urbaninvest.unique-keys.<constraint>.field} and {@code .detail}): the 409 names the field and
 * says what is taken. A key without an entry answers the generic "stored concurrently" conflict.
 */
@ConfigMapping(prefix = "urbaninvest.unique-keys")
public interface UniqueKeys {

    @WithParentName
    Map<String, Key> byConstraint();

    /** The request field whose value is taken, and what the 409 says. */
    interface Key {

        String field();

        String detail();
    }
}
