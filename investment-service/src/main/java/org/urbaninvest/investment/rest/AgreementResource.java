package org.urbaninvest.investment.rest;

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
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import org.urbaninvest.investment.service.AgreementService;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.idempotency.Idempotent;
import org.urbaninvest.platform.security.Roles;
import org.urbaninvest.platform.paging.Page;
import org.urbaninvest.investment.domain.AgreementFilter;

@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementResource {

    @Inject
    AgreementService agreements;

    @POST
    @Idempotent
    @RolesAllowed(Roles.EDITOR)
    public Response intend(@Valid @NotNull AgreementRequests.Intend request) {
        AgreementView agreement = agreements.intend(request);
        return Response.created(location(agreement)).entity(agreement).tag(etag(agreement)).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<AgreementView> list(@QueryParam("project") String project, @QueryParam("zone") String zone,
            @QueryParam("includeSubzones") @DefaultValue("false") String includeSubzones,
            @QueryParam("stage") String stage, @QueryParam("investor") String investor,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        AgreementFilter filter = new AgreementFilter(blankToNull(project), blankToNull(zone),
                bool("includeSubzones", includeSubzones), stage(stage), uuid("investor", investor));
        return agreements.list(filter, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public Response get(@PathParam("id") UUID id) {
        return ok(agreements.get(id));
    }

    @POST
    @Idempotent
    @Path("/{id}/sign")
    @RolesAllowed(Roles.EDITOR)
    public Response sign(@PathParam("id") UUID id, @Valid @NotNull AgreementRequests.Sign request) {
        return ok(agreements.sign(id, request));
    }

    @POST
    @Idempotent
    @Path("/{id}/start")
    @RolesAllowed(Roles.EDITOR)
    public Response start(@PathParam("id") UUID id, @Valid @NotNull AgreementRequests.Start request) {
        return ok(agreements.start(id, request));
    }

    @POST
    @Idempotent
    @Path("/{id}/operate")
    @RolesAllowed(Roles.EDITOR)
    public Response operate(@PathParam("id") UUID id, @Valid @NotNull AgreementRequests.Operate request) {
        return ok(agreements.operate(id, request));
    }

    @POST
    @Idempotent
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.EDITOR)
    public Response withdraw(@PathParam("id") UUID id, @Valid @NotNull AgreementRequests.Withdraw request) {
        return ok(agreements.withdraw(id, request));
    }

    @POST
    @Idempotent
    @Path("/{id}/amend")
    @RolesAllowed(Roles.EDITOR)
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull AgreementRequests.Amend request) {
        return ok(agreements.amend(id, request));
    }

    /** Answers 201 with the updated agreement; {@code Location} is the agreement's. */
    @POST
    @Idempotent
    @Path("/{id}/disbursements")
    @RolesAllowed(Roles.EDITOR)
    public Response disburse(@PathParam("id") UUID id, @Valid @NotNull AgreementRequests.Disburse request) {
        AgreementView agreement = agreements.disburse(id, request);
        return Response.created(location(agreement)).entity(agreement).tag(etag(agreement)).build();
    }

    private static Response ok(AgreementView agreement) {
        return Response.ok(agreement).tag(etag(agreement)).build();
    }

    private static URI location(AgreementView agreement) {
        return URI.create("/api/v1/agreements/" + agreement.id());
    }

    private static String etag(AgreementView agreement) {
        return Long.toString(agreement.version());
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
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Stage.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("stage", "must be one of " + Arrays.toString(Stage.values()));
        }
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
