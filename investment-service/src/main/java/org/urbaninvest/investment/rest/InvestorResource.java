package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.urbaninvest.investment.mapping.InvestorMapper;
import org.urbaninvest.investment.service.InvestorService;
import org.urbaninvest.platform.history.Version;
import org.urbaninvest.platform.idempotency.Idempotent;
import org.urbaninvest.platform.security.Roles;
import org.urbaninvest.platform.paging.Page;

@Path("/api/v1/investors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Investors", description = "Investors (private, state-owned, foreign, mixed or other), optionally identified by"
        + " their unified social credit code")
public class InvestorResource {

    @Inject
    InvestorService investors;

    @POST
    @Idempotent
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "registerInvestor", summary = "Register an investor",
            description = "Creates an investor. Needs the editor role; answers 201 with Location and ETag \"1\".")
    @APIResponse(responseCode = "201", description = "the new investor, version 1, with Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Investor.class)))
    public Response register(@Valid @NotNull InvestorRequest request) {
        Investor investor = InvestorMapper.toResponse(investors.register(InvestorMapper.draft(request)));
        return Response.created(URI.create("/api/v1/investors/" + investor.id())).entity(investor)
                .tag(Long.toString(investor.version())).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listInvestors", summary = "List investors",
            description = "A page of investors by name; q matches a part of the name (any case) or the whole credit"
                    + " code. Needs the viewer role.")
    public Page<Investor> list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return InvestorMapper.toResponse(investors.list(q, page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "getInvestor", summary = "Read an investor",
            description = "The investor; the ETag is its version, to send back as If-Match when changing it. Needs the"
                    + " viewer role.")
    @APIResponse(responseCode = "200", description = "the investor, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Investor.class)))
    public Response get(@PathParam("id") UUID id) {
        Investor investor = InvestorMapper.toResponse(investors.get(id));
        return Response.ok(investor).tag(Long.toString(investor.version())).build();
    }

    /** Replaces the investor's data, only with {@code If-Match} naming its current version. */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "updateInvestor", summary = "Change an investor",
            description = "A full replace of the investor's data, made only if it is still at the version named by"
                    + " If-Match. Needs the editor role.")
    @APIResponse(responseCode = "200", description = "the investor after the change, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Investor.class)))
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull InvestorRequest request) {
        Investor investor = InvestorMapper.toResponse(investors.update(id, ifMatch, InvestorMapper.draft(request)));
        return Response.ok(investor).tag(Long.toString(investor.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "getInvestorHistory", summary = "An investor's history",
            description = "Every version of the investor, oldest first: when, by whom (the token's subject), and which fields changed from"
                    + " what to what. Needs the viewer role.")
    public List<Version> history(@PathParam("id") UUID id) {
        return investors.history(id);
    }
}
