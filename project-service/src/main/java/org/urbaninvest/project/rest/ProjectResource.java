package org.urbaninvest.project.rest;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import org.urbaninvest.platform.http.Csv;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.urbaninvest.platform.idempotency.Idempotent;
import org.urbaninvest.platform.security.Roles;
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
public class ProjectResource {


    @Inject
    ProjectService projects;

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
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "200", description = "a page of projects (items are projects), or all matches as Csv.MEDIA_TYPE",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)),
                @Content(mediaType = Csv.MEDIA_TYPE)})
    public Response list(@QueryParam("zone") String zone,
            @QueryParam("includeSubzones") @DefaultValue("false") boolean includeSubzones,
            @QueryParam("programme") String programme, @QueryParam("category") String category,
            @QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size, @Context HttpHeaders headers) {
        Page.check(page, size);
        ProjectFilter filter = filter(zone, includeSubzones, programme, category, status, q);
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
    @TransactionConfiguration(timeout = ProjectImporter.TIMEOUT_SECONDS) // with a key, the import joins its transaction
    @Path("import")
    @Consumes(Csv.MEDIA_TYPE)
    @RolesAllowed(Roles.EDITOR)
    public ImportResult importCsv(InputStream csv) {
        return ProjectMapper.toApi(importer.importCsv(csv));
    }

    @GET
    @Path("{code}")
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "200", description = "the project, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class)))
    public Response get(@PathParam("code") String code) {
        Project project = mapper.toApi(projects.get(code));
        return Tags.ok(project, project.version());
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "200", description = "the project after the change, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class)))
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
    public Response changeStatus(@PathParam("code") String code, @Valid @NotNull StatusChange change) {
        Project project = mapper.toApi(projects.changeStatus(code, change.status(), change.reason()));
        return Tags.ok(project, project.version());
    }

    @GET
    @Path("{code}/history")
    @RolesAllowed(Roles.VIEWER)
    public List<ProjectVersion> history(@PathParam("code") String code) {
        return projects.history(code).stream().map(mapper::toApi).toList();
    }

    private static ProjectFilter filter(String zone, boolean includeSubzones, String programme, String category,
            String status, String q) {
        WireEnum.parameter(ProjectStatus.class, "status", status);
        return new ProjectFilter(blankToNull(zone), includeSubzones, blankToNull(programme), blankToNull(category),
                status, blankToNull(q));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
