package org.urbaninvest.platform.tracing;

/**
 * A span's W3C trace context as text: what an outbox row and a zone-change mark keep of the span that wrote them,
 * and what travels with an event as its {@code traceparent}/{@code tracestate} headers. Both are null when there is
 * no trace (tracing off, or nothing traced the write).
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);

    public boolean isPresent() {
        return traceparent != null;
    }
}
