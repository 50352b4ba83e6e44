package org.urbaninvest.investment.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** project-service's project resource ({@code quarkus.rest-client.project-service.url}). */
@RegisterRestClient(configKey = "project-service")
@Path("/api/v1/projects")
public interface ProjectServiceClient {

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    RemoteProject get(@PathParam("code") String code, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** The part of project-service's project representation this service keeps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RemoteProject(String code, String zoneCode, String status, long version) {
    }
}
