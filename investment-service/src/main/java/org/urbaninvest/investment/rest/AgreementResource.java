package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.urbaninvest.investment.mapping.AgreementMapper;
import org.urbaninvest.investment.service.AgreementImporter;
import org.urbaninvest.investment.service.AgreementService;
import org.urbaninvest.platform.http.Csv;
import org.urbaninvest.platform.http.CsvUpload;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.platform.json.WireEnum;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.idempotency.Idempotent;
import org.urbaninvest.platform.security.Roles;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.investment.domain.AgreementFilter;

@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Investment agreements: an investor's intention to invest in a project,"
        + " through signing, start and operation, with the funds received")
public class AgreementResource {

    @Inject
    AgreementService agreements;

    @Inject
    AgreementMapper mapper;

    @Inject
    AgreementImporter importer;

    @POST
    @Idempotent
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "intendAgreement", summary = "Record an intention to invest",
            description = "Creates an agreement in stage intended between an existing investor and a project that is"
                    + " not cancelled. Needs the editor role; answers 201 with Location and ETag \"1\".")
    @APIResponse(responseCode = "201", description = "the new agreement, stage intended, version 1, with Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Agreement.class)))
    public Response intend(@Valid @NotNull IntendRequest request) {
        return created(mapper.toResponse(agreements.intend(request.projectCode(), request.investorId(),
                request.intendedAmount(), request.intendedOn(), request.reference())));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listAgreements", summary = "List agreements",
            description = "A page of agreements matching every filter given (project, zone with or without its"
                    + " subzones, stage, investor), each with its history and disbursements. Needs the viewer role."
                    + " A token with a zones claim sees only what lies in its zones or beneath them.")
    public Page<Agreement> list(@QueryParam("project") String project, @QueryParam("zone") String zone,
            @QueryParam("includeSubzones") @DefaultValue("false") String includeSubzones,
            @QueryParam("stage") String stage, @QueryParam("investor") String investor,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        AgreementFilter filter = new AgreementFilter(blankToNull(project), blankToNull(zone),
                bool("includeSubzones", includeSubzones), stage(stage), uuid("investor", investor));
        return mapper.toResponse(agreements.list(filter, page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "getAgreement", summary = "Read an agreement",
            description = "The agreement with its history and disbursements; the ETag is its version. Needs the viewer"
                    + " role.")
    @APIResponse(responseCode = "200", description = "the agreement, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Agreement.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(mapper.toResponse(agreements.get(id)));
    }

    @POST
    @Idempotent
    @Path("/{id}/sign")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "signAgreement", summary = "Sign an agreement",
            description = "Moves an intended agreement to signed, with the signed amount and date; from any other"
                    + " stage the move is refused with 409. Needs the editor role.")
    @APIResponse(responseCode = "200", description = "the agreement in its new stage, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Agreement.class)))
    public Response sign(@PathParam("id") UUID id, @Valid @NotNull SignRequest request) {
        return ok(mapper.toResponse(agreements.sign(id, request.signedAmount(), request.signedOn())));
    }

    @POST
    @Idempotent
    @Path("/{id}/start")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "startAgreement", summary = "Start an agreement",
            description = "Moves a signed agreement to started (construction began on that date); from any other stage"
                    + " the move is refused with 409. Needs the editor role.")
    @APIResponse(responseCode = "200", description = "the agreement in its new stage, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Agreement.class)))
    public Response start(@PathParam("id") UUID id, @Valid @NotNull StartRequest request) {
        return ok(mapper.toResponse(agreements.start(id, request.startedOn())));
    }

    @POST
    @Idempotent
    @Path("/{id}/operate")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "operateAgreement", summary = "Mark an agreement operational",
            description = "Moves a started agreement to operational, a final stage; from any other stage the move is"
                    + " refused with 409. Needs the editor role.")
    @APIResponse(responseCode = "200", description = "the agreement in its new stage, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Agreement.class)))
    public Response operate(@PathParam("id") UUID id, @Valid @NotNull OperateRequest request) {
        return ok(mapper.toResponse(agreements.operate(id, request.operationalOn())));
    }

    @POST
    @Idempotent
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "withdrawAgreement", summary = "Withdraw an agreement",
            description = "Moves an agreement that is not yet operational to withdrawn, a final stage, with a reason;"
                    + " from operational or withdrawn it is refused with 409. Needs the editor role.")
    @APIResponse(responseCode = "200", description = "the agreement in its new stage, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Agreement.class)))
    public Response withdraw(@PathParam("id") UUID id, @Valid @NotNull WithdrawRequest request) {
        return ok(mapper.toResponse(agreements.withdraw(id, request.withdrawnOn(), request.reason())));
    }

    @POST
    @Idempotent
    @Path("/{id}/amend")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "amendAgreement", summary = "Revise an agreement's amounts",
            description = "Replaces the intended and/or the signed amount (each states the new total, it is not"
                    + " added), with a reason; a withdrawn agreement's amounts are final (409). Needs the editor role.")
    @APIResponse(responseCode = "200", description = "the agreement with its revised amounts, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Agreement.class)))
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull AmendRequest request) {
        return ok(mapper.toResponse(
                agreements.amend(id, request.intendedAmount(), request.signedAmount(), request.reason())));
    }

    /** Answers 201 with the updated agreement; {@code Location} is the agreement's. */
    @POST
    @Idempotent
    @Path("/{id}/disbursements")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "disburseAgreement", summary = "Record funds received",
            description = "Records funds received under a signed, started or operational agreement (not a stage move);"
                    + " answers 201 with the agreement, its Location and ETag. Needs the editor role.")
    @APIResponse(responseCode = "201", description = "the agreement with the new disbursement, with Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Agreement.class)))
    public Response disburse(@PathParam("id") UUID id, @Valid @NotNull DisburseRequest request) {
        return created(mapper.toResponse(agreements.disburse(id, request.amount(), request.receivedOn(),
                request.reference())));
    }

    @POST
    @Idempotent
    @TransactionConfiguration(timeout = CsvUpload.TIMEOUT_SECONDS) // with a key, the import joins its transaction
    @Path("/import")
    @Consumes(Csv.MEDIA_TYPE)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "importAgreements", summary = "Import agreements and disbursements from CSV",
            description = "Each agreement line states the target state of the agreement its investor knows by"
                    + " reference: it creates the agreement or moves it forward through the same stages as the"
                    + " actions (never back), replacing amounts as amendments do; each disbursement line records"
                    + " funds once per (agreement, disbursementReference); a line that matches what is stored"
                    + " changes nothing. All or nothing: if any line is refused nothing is stored and the 422 lists"
                    + " the errors of each line (the header is line 1); a line outside the zones of the token"
                    + " refuses the file with 403. With dryRun=true the same checks and counts, nothing stored."
                    + " Every change publishes the event the action would. Needs the editor role.")
    @APIResponse(responseCode = "200", description = "what was done (or, on a dry run, would be)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportResult.class)))
    public ImportResult importCsv(@QueryParam("dryRun") @DefaultValue("false") String dryRun, InputStream csv) {
        boolean dry = bool("dryRun", dryRun);
        return AgreementMapper.toResponse(importer.importCsv(csv, dry), dry);
    }

    /** 201 with the agreement; {@code Location} is the agreement's. */
    private static Response created(Agreement agreement) {
        return Response.created(URI.create("/api/v1/agreements/" + agreement.id())).entity(agreement)
                .tag(Long.toString(agreement.version())).build();
    }

    private static Response ok(Agreement agreement) {
        return Response.ok(agreement).tag(Long.toString(agreement.version())).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean bool(String name, String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }

    private static Stage stage(String value) {
        return WireEnum.parameter(Stage.class, "stage", value);
    }

    private static UUID uuid(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
    }
}
