package org.urbaninvest.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
@Tag(name = "Administration", description = "Operating the read models: rebuilding the projections from the topics")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    RebuildService rebuild;

    @POST
    @Operation(operationId = "startRebuild", summary = "Rebuild the projections",
            description = "Rebuilds the projections from the beginning of every topic; reports answer from the current"
                    + " projections meanwhile. Needs the admin role.")
    @APIResponse(responseCode = "202", description = "the rebuild has started; GET follows its progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildStatus.class),
                    examples = @ExampleObject(name = "started", value = ReportExamples.REBUILD_STARTED)))
    @APIResponse(responseCode = "409", description = "a rebuild is already running")
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Operation(operationId = "getRebuild", summary = "Progress of the last rebuild",
            description = "The state and progress of the last rebuild. Needs the admin role.")
    @APIResponse(responseCode = "200", description = "where the last rebuild stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildStatus.class),
                    examples = @ExampleObject(name = "running", value = ReportExamples.REBUILD_RUNNING)))
    public RebuildStatus status() {
        return rebuild.status();
    }
}
