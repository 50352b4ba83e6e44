package org.urbaninvest.project.rest;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import org.urbaninvest.platform.http.Csv;
import org.urbaninvest.platform.http.CsvUpload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.urbaninvest.platform.idempotency.Idempotent;
import org.urbaninvest.platform.security.Roles;
import org.urbaninvest.platform.security.ZoneScope;
import org.urbaninvest.project.domain.ProjectFilter;
import org.urbaninvest.project.mapping.ProjectMapper;
import org.urbaninvest.project.service.ProjectCsvExport;
import org.urbaninvest.project.service.ProjectImporter;
import org.urbaninvest.project.service.ProjectService;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.platform.json.WireEnum;
import org.urbaninvest.project.domain.ProjectStatus;

@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "Infrastructure projects, in the OC4IDS vocabulary, with their status history")
public class ProjectResource {


    @Inject
    ProjectService projects;

    @Inject
    ZoneScope scope;

    @Inject
    ProjectImporter importer;

    @Inject
    ProjectCsvExport export;

    @Inject
    ProjectMapper mapper;

    @POST
    @Idempotent
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "201", description = "the new project, version 1, with Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class)))
    @Operation(operationId = "registerProject", summary = "Register a project",
            description = "Creates a project in a zone, optionally in a programme's category. Needs the editor role;"
                    + " answers 201 with Location and ETag \"1\".")
    public Response register(
            @Valid @ConvertGroup(from = Default.class, to = OnCreate.class) @NotNull ProjectRequest request,
            UriInfo uri) {
        Project project = mapper.toApi(projects.register(mapper.draft(request)));
        return Tags.created(uri.getAbsolutePathBuilder().path(project.code()).build(), project, project.version());
    }

    /**
     * A page of projects as JSON, or with {@code Accept: text/csv} every match streamed as Csv.MEDIA_TYPE (the import's
     * columns first); JSON unless the client prefers Csv.MEDIA_TYPE.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    @APIResponse(responseCode = "200", description = "a page of projects (items are projects), or all matches as CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = Page.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = Project.class))),
                @Content(mediaType = Csv.MEDIA_TYPE)})
    @Operation(operationId = "listProjects", summary = "List or export projects",
            description = "A page of projects matching every filter given, as JSON; with Accept: text/csv every match,"
                    + " streamed as CSV with the import's columns first. Needs the viewer role."
                    + " A token with a zones claim sees only what lies in its zones or beneath them.")
    public Response list(@QueryParam("zone") String zone,
            @QueryParam("includeSubzones") @DefaultValue("false") boolean includeSubzones,
            @QueryParam("programme") String programme, @QueryParam("category") String category,
            @QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size, @Context HttpHeaders headers) {
        Page.check(page, size);
        ProjectFilter filter = filter(zone, includeSubzones, programme, category, status, q,
                scope.visibleZones().orElse(null));
        if (!Csv.preferred(headers)) {
            return Response.ok(projects.list(filter, page, size).map(mapper::toApi), MediaType.APPLICATION_JSON)
                    .build();
        }
        StreamingOutput body = out -> export.write(filter, out);
        return Response.ok(body, Csv.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"projects.csv\"").build();
    }


    @POST
    @Idempotent
    @TransactionConfiguration(timeout = CsvUpload.TIMEOUT_SECONDS) // with a key, the import joins its transaction
    @Path("import")
    @Consumes(Csv.MEDIA_TYPE)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "importProjects", summary = "Import projects from CSV",
            description = "Registers or updates every line of a CSV file (the export's columns) in one transaction: if"
                    + " any line is refused, nothing is written and the problem lists the errors of each line. Needs"
                    + " the editor role.")
    public ImportResult importCsv(InputStream csv) {
        return ProjectMapper.toApi(importer.importCsv(csv));
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    @APIResponse(responseCode = "200", description = "the project, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class)))
    @Operation(operationId = "getProject", summary = "Read a project",
            description = "The project; the ETag is its version, to send back as If-Match when changing it. Needs the"
                    + " viewer role.")
    public Response get(@PathParam("code") String code) {
        Project project = mapper.toApi(projects.get(code));
        return Tags.ok(project, project.version());
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "200", description = "the project after the change, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class)))
    @Operation(operationId = "replaceProject", summary = "Change a project",
            description = "A full replace of the project (the path names its code), made only if it is still at the"
                    + " version named by If-Match. Needs the editor role.")
    public Response replace(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProjectRequest request) {
        Project project = mapper.toApi(projects.replace(code, ifMatch, mapper.draft(request)));
        return Tags.ok(project, project.version());
    }

    @POST
    @Idempotent
    @Path("{code}/status")
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "200", description = "the project in its new status, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class)))
    @Operation(operationId = "changeProjectStatus", summary = "Move a project to another status",
            description = "Moves the project along its lifecycle forward (e.g. preparation to implementation) or to"
                    + " cancelled, with a reason; any other move is refused with 409. Needs the editor role.")
    public Response changeStatus(@PathParam("code") String code, @Valid @NotNull StatusChange change) {
        Project project = mapper.toApi(projects.changeStatus(code, change.status(), change.reason()));
        return Tags.ok(project, project.version());
    }

    @GET
    @Path("{code}/history")
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    @Operation(operationId = "getProjectHistory", summary = "A project's history",
            description = "Every version of the project, oldest first: who changed what, and why. Needs the viewer"
                    + " role.")
    public List<ProjectVersion> history(@PathParam("code") String code) {
        return projects.history(code).stream().map(mapper::toApi).toList();
    }

    private static ProjectFilter filter(String zone, boolean includeSubzones, String programme, String category,
            String status, String q, Set<String> zonesInScope) {
        WireEnum.parameter(ProjectStatus.class, "status", status);
        return new ProjectFilter(blankToNull(zone), includeSubzones, blankToNull(programme), blankToNull(category),
                status, blankToNull(q), zonesInScope);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
