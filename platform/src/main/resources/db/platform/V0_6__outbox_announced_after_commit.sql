-- The outbox no longer notifies from inside the writing transaction: PostgreSQL serialises notifying commits on one
-- lock held through their WAL flush, which queued every business write behind the others. A commit that wrote
-- events now wakes its own instance's relay, and an instance that does not relay announces them on "outbox" in a
-- transaction of its own (OutboxRelay).
DROP TRIGGER outbox_written ON outbox;
DROP FUNCTION outbox_notify();
