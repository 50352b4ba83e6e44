package org.urbaninvest.reporting.rest;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.urbaninvest.platform.http.Csv;
import org.urbaninvest.platform.json.WireEnum;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.Roles;
import org.urbaninvest.reporting.domain.AgreementReport;
import org.urbaninvest.reporting.domain.Catalogue;
import org.urbaninvest.reporting.domain.FindingRule;
import org.urbaninvest.reporting.domain.Findings;
import org.urbaninvest.reporting.domain.Funnel;
import org.urbaninvest.reporting.domain.InvestorKind;
import org.urbaninvest.reporting.domain.PlanReport;
import org.urbaninvest.reporting.domain.ProgrammeReport;
import org.urbaninvest.reporting.domain.ProjectReport;
import org.urbaninvest.reporting.domain.SeriesInterval;
import org.urbaninvest.reporting.domain.SeriesMetric;
import org.urbaninvest.reporting.domain.TimeseriesPoint;
import org.urbaninvest.reporting.domain.ZoneReport;
import org.urbaninvest.reporting.mapping.ZoneCsv;
import org.urbaninvest.reporting.service.ReportService;

/**
 * The reports of SYSTEM.md §6. They answer the service's read model ({@code domain/}) as it is: its JSON is the
 * response, so no response record of its own sits here.
 */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Read models built from the events of project-service and investment-service")
@RolesAllowed(Roles.VIEWER)
public class ReportResource {

    private static final String AS_OF = "The agreements as of the end of this day, YYYY-MM-DD (from 1990-01-01 to"
            + " today): each counts from its …On date, disbursements from their date, amounts as now";

    @Inject
    ReportService reports;

    @GET
    @Path("/zones/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getZoneReport", summary = "Report of a zone",
            description = "A zone's projects, agreements and rates; with its descendants unless includeSubzones=false."
                    + " Needs the viewer role."
                    + " A zone above the token's zones claim answers 403: its roll-up covers other areas.")
    @APIResponse(responseCode = "200", description = "the zone's report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ZoneReport.class),
                    examples = @ExampleObject(name = "zone", value = ReportExamples.ZONE_REPORT)))
    public Uni<Response> zone(@PathParam("code") String code,
            @QueryParam("includeSubzones") @DefaultValue("true") boolean includeSubzones,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf) {
        LocalDate day = reports.asOf(asOf);
        byte[] held = day == null ? reports.heldZoneJson(code, includeSubzones) : null;
        if (held != null) { // from memory, already written, on the I/O thread: no hand-over to a worker
            return Uni.createFrom().item(Response.ok(held, MediaType.APPLICATION_JSON_TYPE).build());
        }
        return Uni.createFrom().item(() -> Response.ok(reports.zone(code, includeSubzones, day)).build())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @GET
    @Path("/zones")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listZoneReports", summary = "Summary of every zone",
            description = "One summary row per zone (paged JSON, or every zone as CSV with Accept: text/csv). Needs"
                    + " the viewer role."
                    + " A token with a zones claim sees only what lies in its zones or beneath them.")
    @APIResponse(responseCode = "200", description = "A page of zone reports, or every zone's report as CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = Page.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = ZoneReport.class)),
                    examples = @ExampleObject(name = "page", value = ReportExamples.ZONE_REPORTS)),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response zones(@QueryParam("includeSubzones") @DefaultValue("true") boolean includeSubzones,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf, @Context HttpHeaders headers) {
        Page.check(page, size);
        LocalDate day = reports.asOf(asOf);
        if (Csv.preferred(headers)) {
            return Response.ok(ZoneCsv.write(reports.allZones(includeSubzones, day)), Csv.CONTENT_TYPE).build();
        }
        return Response.ok(reports.zones(includeSubzones, page, size, day), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/zones/{code}/funnel")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getZoneFunnel", summary = "Funnel and ageing of a zone",
            description = "Per stage the agreements reached and the conversion from the previous stage, and the days"
                    + " the agreements still in each stage have spent in it, as of a date (default today). Needs the"
                    + " viewer role."
                    + " A zone above the token's zones claim answers 403: its roll-up covers other areas.")
    @APIResponse(responseCode = "200", description = "the zone's funnel",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Funnel.class),
                    examples = @ExampleObject(name = "funnel", value = ReportExamples.FUNNEL)))
    public Funnel funnel(@PathParam("code") String code,
            @QueryParam("includeSubzones") @DefaultValue("true") boolean includeSubzones,
            @Parameter(description = "Only agreements with an investor of this kind")
            @QueryParam("investorKind") String investorKind,
            @Parameter(description = "The day measured to, YYYY-MM-DD (default today); from 1990-01-01 to today")
            @QueryParam("asOf") String asOf) {
        InvestorKind kind = WireEnum.parameter(InvestorKind.class, "investorKind", investorKind);
        LocalDate day = reports.asOf(asOf);
        return reports.funnel(code, includeSubzones, kind, day == null ? reports.today() : day);
    }

    @GET
    @Path("/zones/{code}/timeseries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getZoneTimeseries", summary = "Time series of a zone",
            description = "Intended (by intendedOn), signed (by signedOn) or funds in place (by receivedOn) per"
                    + " period. Needs the viewer role."
                    + " A zone above the token's zones claim answers 403: its roll-up covers other areas.")
    @APIResponse(responseCode = "200", description = "the points, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TimeseriesPoint.class),
                    examples = @ExampleObject(name = "monthly", value = ReportExamples.TIMESERIES)))
    public List<TimeseriesPoint> timeseries(@PathParam("code") String code, @QueryParam("metric") String metric,
            @QueryParam("interval") @DefaultValue("month") String interval,
            @QueryParam("includeSubzones") @DefaultValue("true") boolean includeSubzones) {
        return reports.timeseries(code, includeSubzones, parse(SeriesMetric.class, "metric", metric),
                parse(SeriesInterval.class, "interval", interval));
    }

    @GET
    @Path("/zones/{code}/findings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getZoneFindings", summary = "Findings of a zone",
            description = "Records of a zone that need attention today (stale intentions, signed but not started,"
                    + " no funds, overdue milestones, over-disbursed, opportunity lists not matching), paged, with"
                    + " counts per rule. Needs the viewer role."
                    + " A zone above the token's zones claim answers 403: its roll-up covers other areas.")
    @APIResponse(responseCode = "200", description = "a page of the zone's findings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Findings.class),
                    examples = @ExampleObject(name = "findings", value = ReportExamples.FINDINGS)))
    public Findings findings(@PathParam("code") String code,
            @QueryParam("includeSubzones") @DefaultValue("true") boolean includeSubzones,
            @Parameter(description = "Only the findings of this rule") @QueryParam("rule") String rule,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return reports.findings(code, includeSubzones, WireEnum.parameter(FindingRule.class, "rule", rule), page, size);
    }

    @GET
    @Path("/zones/{code}/plans")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getZonePlans", summary = "Plans of a zone and progress against their targets",
            description = "Per plan of the zone and indicator: the baseline, the latest actual (observed, or derived from"
                    + " the zone's figures), each target with progress = (actual − baseline) / (target − baseline), and"
                    + " whether it is on track for the next target; SUM indicators roll up the same indicator of the"
                    + " plans of the zones beneath. Needs the viewer role."
                    + " A zone above the token's zones claim answers 403: its roll-up covers other areas.")
    @APIResponse(responseCode = "200", description = "the zone's plans",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanReport.class),
                    examples = @ExampleObject(name = "plans", value = ReportExamples.PLANS)))
    public PlanReport plans(@PathParam("code") String code,
            @Parameter(description = "The day measured to, YYYY-MM-DD (default today): observations up to it, derived"
                    + " figures as the zone report as of it; from 1990-01-01 to today")
            @QueryParam("asOf") String asOf) {
        return reports.plans(code, reports.asOf(asOf));
    }

    @GET
    @Path("/programmes/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProgrammeReport", summary = "Report of a programme",
            description = "A programme's declared figures against its registered projects, per category. Needs the"
                    + " viewer role."
                    + " A token with a zones claim gets 404 for a programme outside its zones.")
    @APIResponse(responseCode = "200", description = "the programme's report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeReport.class),
                    examples = @ExampleObject(name = "programme", value = ReportExamples.PROGRAMME_REPORT)))
    public ProgrammeReport programme(@PathParam("code") String code) {
        return reports.programme(code);
    }

    @GET
    @Path("/agreements/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAgreementReport", summary = "An agreement as the reports hold it",
            description = "What the reports know of an agreement (its stage, dates, amounts, disbursements and"
                    + " revisions, from its events) and the findings on it today: where a finding's link leads."
                    + " The agreement itself is investment-service's. Needs the viewer role."
                    + " A token with a zones claim gets 404 for an agreement outside its zones.")
    @APIResponse(responseCode = "200", description = "the agreement and its findings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementReport.class),
                    examples = @ExampleObject(name = "agreement", value = ReportExamples.AGREEMENT_REPORT)))
    public AgreementReport agreement(@PathParam("id") String id) {
        return reports.agreement(id);
    }

    @GET
    @Path("/projects/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProjectReport", summary = "A project as the reports hold it",
            description = "What the reports know of a project (its zone, programme, status, estimated investment and"
                    + " milestones, from its events) and the findings on it today: where a finding's link leads."
                    + " The project itself is project-service's. Needs the viewer role."
                    + " A token with a zones claim gets 404 for a project outside its zones.")
    @APIResponse(responseCode = "200", description = "the project and its findings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectReport.class),
                    examples = @ExampleObject(name = "project", value = ReportExamples.PROJECT_REPORT)))
    public ProjectReport project(@PathParam("code") String code) {
        return reports.project(code);
    }

    @GET
    @Path("/catalogue")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCatalogue", summary = "Zones and programmes known to the reports",
            description = "The zones and programmes known to the reports, with names (for pickers). Needs the viewer"
                    + " role."
                    + " A token with a zones claim sees only what lies in its zones or beneath them.")
    @APIResponse(responseCode = "200", description = "the catalogue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Catalogue.class),
                    examples = @ExampleObject(name = "catalogue", value = ReportExamples.CATALOGUE)))
    public Catalogue catalogue() {
        return reports.catalogue();
    }

    /** A required enum query parameter by its wire value; 400 naming the parameter and the values it takes. */
    private static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String field, String value) {
        E parsed = WireEnum.parameter(type, field, value);
        if (parsed == null) {
            throw ProblemException.badRequest(field, WireEnum.mustBeOneOf(type));
        }
        return parsed;
    }
}
