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
import org.urbaninvest.project.mapping.ProgrammeMapper;
import org.urbaninvest.project.service.ProgrammeService;
import org.urbaninvest.platform.paging.Page;

@Path("/api/v1/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "Opportunity lists: a zone's programme with its categories and declared totals")
public class ProgrammeResource {

    @Inject
    ProgrammeService programmes;

    @POST
    @Idempotent
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "201", description = "the new programme, version 1, with Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Programme.class)))
    @Operation(operationId = "publishProgramme", summary = "Publish a programme",
            description = "Creates a programme with its categories and their declared totals. Needs the editor role;"
                    + " answers 201 with Location and ETag \"1\".")
    public Response publish(
            @Valid @ConvertGroup(from = Default.class, to = OnCreate.class) @NotNull ProgrammeRequest request,
            UriInfo uri) {
        Programme programme = ProgrammeMapper.toApi(
                programmes.publish(ProgrammeMapper.draft(request), request.categories()));
        return Tags.created(uri.getAbsolutePathBuilder().path(programme.code()).build(), programme,
                programme.version());
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listProgrammes", summary = "List programmes",
            description = "A page of programmes, ordered by code; with zone, only that zone's. Needs the viewer role."
                    + " A token with a zones claim sees only what lies in its zones or beneath them.")
    public Page<Programme> list(@QueryParam("zone") String zone,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return programmes.list(zone, page, size).map(ProgrammeMapper::toApi);
    }

    @GET
    @Path("{code}")
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "200", description = "the programme, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Programme.class)))
    @Operation(operationId = "getProgramme", summary = "Read a programme",
            description = "The programme with its categories; the ETag is its version, to send back as If-Match when"
                    + " changing it. Needs the viewer role.")
    public Response get(@PathParam("code") String code) {
        Programme programme = ProgrammeMapper.toApi(programmes.get(code));
        return Tags.ok(programme, programme.version());
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "200", description = "the programme after the change, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Programme.class)))
    @Operation(operationId = "updateProgramme", summary = "Change a programme",
            description = "A full replace of the programme and its categories (the path names its code), made only if"
                    + " it is still at the version named by If-Match. Needs the editor role.")
    public Response update(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProgrammeRequest request) {
        Programme programme = ProgrammeMapper.toApi(
                programmes.update(code, ifMatch, ProgrammeMapper.draft(request), request.categories()));
        return Tags.ok(programme, programme.version());
    }

    @GET
    @Path("{code}/history")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "getProgrammeHistory", summary = "A programme's history",
            description = "Every version of the programme, oldest first: when, by whom (the token's subject), and which fields changed from"
                    + " what to what. Needs the viewer role.")
    public List<Version> history(@PathParam("code") String code) {
        return programmes.history(code);
    }
}
