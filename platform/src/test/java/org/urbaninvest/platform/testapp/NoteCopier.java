package org.urbaninvest.platform.testapp;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.urbaninvest.platform.events.IncomingEvent;
import org.urbaninvest.platform.inbox.EventInbox;

/** Reads notes.v1 back through the inbox, counting how many events it applied per note. */
@ApplicationScoped
public class NoteCopier {

    @Inject
    EventInbox inbox;

    @Incoming("notes-in")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.apply(record, "notes.v1", NoteCopier::copy);
    }

    /** Stores the note's text and version, counting the events applied to it; in the caller's transaction. */
    public static void copy(IncomingEvent event) {
        NoteCopy copy = NoteCopy.findById(event.key());
        if (copy == null) {
            copy = new NoteCopy();
            copy.id = event.key();
        }
        copy.text = event.text("text");
        copy.version = event.version();
        copy.appliedCount++;
        copy.persist();
    }
}
