package org.urbaninvest.project.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Answers that carry the resource's version as {@code ETag: "<version>"}. */
final class Tags {

    private Tags() {
    }

    static Response ok(Object entity, long version) {
        return Response.ok(entity).tag(new EntityTag(Long.toString(version))).build();
    }

    static Response created(URI location, Object entity, long version) {
        return Response.created(location).entity(entity).tag(new EntityTag(Long.toString(version))).build();
    }
}
