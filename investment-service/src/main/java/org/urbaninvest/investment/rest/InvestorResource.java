package org.urbaninvest.investment.rest;

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
public class InvestorResource {

    @Inject
    InvestorService investors;

    @POST
    @Idempotent
    @RolesAllowed(Roles.EDITOR)
    public Response register(@Valid @NotNull InvestorRequest request) {
        Investor investor = InvestorMapper.toResponse(investors.register(InvestorMapper.draft(request)));
        return Response.created(URI.create("/api/v1/investors/" + investor.id())).entity(investor)
                .tag(Long.toString(investor.version())).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<Investor> list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return InvestorMapper.toResponse(investors.list(q, page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public Response get(@PathParam("id") UUID id) {
        Investor investor = InvestorMapper.toResponse(investors.get(id));
        return Response.ok(investor).tag(Long.toString(investor.version())).build();
    }

    /** Replaces the investor's data, only with {@code If-Match} naming its current version (or {@code *}). */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull InvestorRequest request) {
        Investor investor = InvestorMapper.toResponse(investors.update(id, ifMatch, InvestorMapper.draft(request)));
        return Response.ok(investor).tag(Long.toString(investor.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The investor's versions, oldest first: when, by whom, and which fields changed from what to what")
    public List<Version> history(@PathParam("id") UUID id) {
        return investors.history(id);
    }
}
