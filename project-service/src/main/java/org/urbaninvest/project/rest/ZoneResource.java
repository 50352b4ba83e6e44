package org.urbaninvest.project.rest;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import java.util.List;
import org.urbaninvest.platform.history.Version;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.urbaninvest.platform.idempotency.Idempotent;
import org.urbaninvest.platform.security.Roles;
import org.urbaninvest.project.mapping.ZoneMapper;
import org.urbaninvest.project.service.ZoneService;
import org.urbaninvest.platform.paging.Page;

@Path("/api/v1/zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Zones", description = "The zone hierarchy: districts, parks and areas that projects are located in")
public class ZoneResource {

    @Inject
    ZoneService zones;

    @POST
    @Idempotent
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "201", description = "the new zone, version 1, with Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Zone.class)))
    @Operation(operationId = "registerZone", summary = "Register a zone",
            description = "Creates a zone under its parent (none for a top-level zone). Needs the editor role; answers"
                    + " 201 with Location and ETag \"1\"."
                    + " A token with a zones claim needs the parent in its zones.")
    public Response register(@Valid @ConvertGroup(from = Default.class, to = OnCreate.class) @NotNull ZoneRequest request,
            UriInfo uri) {
        Zone zone = ZoneMapper.toApi(zones.register(ZoneMapper.draft(request)));
        return Tags.created(uri.getAbsolutePathBuilder().path(zone.code()).build(), zone, zone.version());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    @Operation(operationId = "listZones", summary = "List zones",
            description = "A page of zones, ordered by code; with parent, only that zone's direct children. Needs the"
                    + " viewer role."
                    + " A token with a zones claim sees only what lies in its zones or beneath them.")
    public Page<Zone> list(@QueryParam("parent") String parent,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return zones.list(parent, page, size).map(ZoneMapper::toApi);
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    @APIResponse(responseCode = "200", description = "the zone, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Zone.class)))
    @Operation(operationId = "getZone", summary = "Read a zone",
            description = "The zone with its direct children; the ETag is its version, to send back as If-Match when"
                    + " changing it. Needs the viewer role.")
    public Response get(@PathParam("code") String code) {
        Zone zone = ZoneMapper.toApi(zones.get(code));
        return Tags.ok(zone, zone.version());
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "200", description = "the zone after the change, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Zone.class)))
    @Operation(operationId = "updateZone", summary = "Change a zone",
            description = "A full replace of the zone (the path names its code), made only if it is still at the"
                    + " version named by If-Match. Needs the editor role.")
    public Response update(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ZoneRequest request) {
        Zone zone = ZoneMapper.toApi(zones.update(code, ifMatch, ZoneMapper.draft(request)));
        return Tags.ok(zone, zone.version());
    }

    @GET
    @Path("{code}/history")
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    @Operation(operationId = "getZoneHistory", summary = "A zone's history",
            description = "Every version of the zone, oldest first: when, by whom (the token's subject), and which fields changed from what"
                    + " to what. Needs the viewer role.")
    public List<Version> history(@PathParam("code") String code) {
        return zones.history(code);
    }
}
