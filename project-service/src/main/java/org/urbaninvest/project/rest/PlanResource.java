package org.urbaninvest.project.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.urbaninvest.platform.history.Version;
import org.urbaninvest.platform.idempotency.Idempotent;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.platform.security.Roles;
import org.urbaninvest.project.mapping.PlanMapper;
import org.urbaninvest.project.service.PlanService;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "A zone's development plans: indicators with their baselines, targets and observations")
public class PlanResource {

    private static final String RULES = " Rules (400, every broken one listed): the period ends on or after its start;"
            + " indicator codes are unique; unit is an ISO 4217 code or persons, km2, percent, count, hectares, jobs;"
            + " a derived indicator is counted in a currency and has no observations; target years lie inside the"
            + " period, after the baseline year, one per year; observation dates lie between the start of the"
            + " baseline year (the period's start without a baseline) and the period's end, are not in the future,"
            + " one per indicator and date. Values are decimal strings.";

    @Inject
    PlanService plans;

    @Inject
    PlanMapper mapper;

    @POST
    @Idempotent
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "201", description = "the new plan, version 1, with Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Plan.class)))
    @Operation(operationId = "publishPlan", summary = "Publish a plan",
            description = "Creates a zone's plan with its indicators. Needs the editor role and, with a zones claim,"
                    + " the plan's zone in scope; answers 201 with Location and ETag \"1\"; 409 when the code exists,"
                    + " 422 when the zone does not." + RULES)
    public Response publish(@Valid @ConvertGroup(from = Default.class, to = OnCreate.class) @NotNull PlanRequest request,
            UriInfo uri) {
        Plan plan = mapper.toApi(plans.publish(mapper.draft(request), request.indicators()));
        return Tags.created(uri.getAbsolutePathBuilder().path(plan.code()).build(), plan, plan.version());
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listPlans", summary = "List plans",
            description = "A page of plans, ordered by code; with zone, only that zone's. Needs the viewer role."
                    + " A token with a zones claim sees only what lies in its zones or beneath them.")
    public Page<Plan> list(@QueryParam("zone") String zone,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return plans.list(zone, page, size).map(mapper::toApi);
    }

    @GET
    @Path("{code}")
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "200", description = "the plan, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Plan.class)))
    @Operation(operationId = "getPlan", summary = "Read a plan",
            description = "The plan with its indicators; the ETag is its version, to send back as If-Match when"
                    + " changing it. Needs the viewer role.")
    public Response get(@PathParam("code") String code) {
        Plan plan = mapper.toApi(plans.get(code));
        return Tags.ok(plan, plan.version());
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "200", description = "the plan after the change, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Plan.class)))
    @Operation(operationId = "updatePlan", summary = "Change a plan",
            description = "A full replace of the plan, its indicators and their observations included (the path"
                    + " names its code), made only if it is still at the version named by If-Match. Needs the editor"
                    + " role." + RULES)
    public Response update(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlanRequest request) {
        Plan plan = mapper.toApi(plans.update(code, ifMatch, mapper.draft(request), request.indicators()));
        return Tags.ok(plan, plan.version());
    }

    @POST
    @Path("{code}/observations")
    @Idempotent
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "200", description = "the plan with the observations appended, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Plan.class)))
    @Operation(operationId = "recordPlanObservations", summary = "Record observations of an indicator",
            description = "Appends observations to one observed indicator of the plan: one new version and one event"
                    + " plan.observation-recorded. If-Match is optional here; when sent, the plan must still be at"
                    + " that version (412). 422 when the plan has no such indicator or it is derived; 400 when a date"
                    + " lies outside the baseline year's start and the period's end, is in the future or is already"
                    + " observed. Needs the editor role.")
    public Response recordObservations(@PathParam("code") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ObservationBatch batch) {
        Plan plan = mapper.toApi(plans.recordObservations(code, ifMatch, batch.indicatorCode(), batch.observations()));
        return Tags.ok(plan, plan.version());
    }

    @GET
    @Path("{code}/history")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "getPlanHistory", summary = "A plan's history",
            description = "Every version of the plan, oldest first: when, by whom (the token's subject), and which"
                    + " fields changed from what to what (indicators as a whole list). Needs the viewer role.")
    public List<Version> history(@PathParam("code") String code) {
        return plans.history(code);
    }
}
