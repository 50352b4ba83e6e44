-- The W3C trace context (traceparent, tracestate) of the span that wrote the event, sent with it as Kafka headers;
-- null when tracing is off or the write had no trace.
ALTER TABLE outbox ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
