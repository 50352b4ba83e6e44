-- The trace context of the event application that marked the zone changed: its zone summary continues that trace.
ALTER TABLE zone_change ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
