package org.urbaninvest.project.domain;

import org.urbaninvest.platform.json.WireEnum;

/**
 * The suite's own figure a derived plan indicator follows instead of observations, per currency; reporting-service
 * computes it from the agreements' events. Wire values are lower-case with hyphens, e.g. {@code signed-investment}.
 */
public enum DerivedFrom implements WireEnum {
    SIGNED_INVESTMENT,
    FUNDS_IN_PLACE,
    REGISTERED_INVESTMENT;

    @Override
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return value();
    }
}
