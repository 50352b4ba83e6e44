package org.urbaninvest.project.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.urbaninvest.platform.problem.Problem;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.Roles;
import org.urbaninvest.project.domain.Codes;
import org.urbaninvest.project.mapping.Oc4idsMapper;
import org.urbaninvest.project.service.Oc4idsService;

@Path("/api/v1/oc4ids")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OC4IDS", description = "The zones' projects published in the Open Contracting for Infrastructure Data"
        + " Standard (OC4IDS 0.9)")
public class Oc4idsResource {

    @Inject
    Oc4idsService service;

    @Inject
    Oc4idsMapper mapper;

    @GET
    @Path("project-package")
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "200", description = "an OC4IDS 0.9 project package of the zone's projects",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectPackage.class)))
    @Operation(operationId = "getOc4idsProjectPackage", summary = "Export a zone's projects as an OC4IDS package",
            description = "The projects of the zone (and of every zone below it with includeSubzones=true) as an"
                    + " OC4IDS 0.9 project package: budget, funding sources, locations, milestones, the zone's"
                    + " authority as publicAuthority, the investors of signed agreements as funders and the funds they"
                    + " disbursed as transactions. A zone without projects, unknown or outside the token's zones"
                    + " answers 404. Needs the viewer role.")
    public ProjectPackage projectPackage(
            @Parameter(description = "the zone's code", required = true) @QueryParam("zone") String zone,
            @Parameter(description = "true: the projects of every zone below it too (default false)",
                    schema = @Schema(enumeration = {"true", "false"})) @QueryParam("includeSubzones")
            String includeSubzones,
            @Context UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (zone == null || zone.isBlank()) {
            errors.add(new Problem.FieldError("zone", "is required"));
        } else if (!Codes.isCode(zone)) {
            errors.add(new Problem.FieldError("zone", Codes.MESSAGE));
        }
        if (includeSubzones != null && !includeSubzones.equals("true") && !includeSubzones.equals("false")) {
            errors.add(new Problem.FieldError("includeSubzones", "must be true or false"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid query parameters", errors);
        }
        return mapper.toPackage(service.packageOf(zone, "true".equals(includeSubzones)),
                uri.getRequestUri().toString());
    }
}
