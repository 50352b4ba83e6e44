package org.urbaninvest.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.urbaninvest.platform.security.Roles;
import org.urbaninvest.reporting.domain.RebuildStatus;
import org.urbaninvest.reporting.service.RebuildService;

@Path("/api/v1/admin/rebuild")
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    RebuildService rebuild;

    @POST
    @Operation(summary = "Rebuild the projections from the beginning of every topic; reports answer meanwhile")
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Operation(summary = "Progress of the last rebuild")
    public RebuildStatus status() {
        return rebuild.status();
    }
}
