package org.urbaninvest.reporting.domain;

import org.urbaninvest.platform.json.WireEnum;

/**
 * What a time series counts: the intended set by {@code intendedOn}, the signed set by {@code signedOn}, or the
 * signed set's disbursements by {@code receivedOn}. Its wire value names it in the {@code metric} parameter.
 */
public enum SeriesMetric implements WireEnum {
    INTENDED(AgreementState.METRIC_INTENDED), SIGNED(AgreementState.METRIC_SIGNED),
    FUNDS_IN_PLACE(AgreementState.METRIC_FUNDS_IN_PLACE);

    private final String stored;

    SeriesMetric(String stored) {
        this.stored = stored;
    }

    /** The metric as {@code zone_timeseries.metric} holds it. */
    public String stored() {
        return stored;
    }
}
