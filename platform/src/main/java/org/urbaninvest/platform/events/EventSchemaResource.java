package org.urbaninvest.platform.events;

import io.vertx.ext.web.Router;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.urbaninvest.platform.problem.ProblemException;

/**
 * The JSON Schemas of the events this service produces, served from the files its code validates against
 * ({@code src/main/resources/events/} of the service): {@code GET /api/v1/schemas/events/<type>} for a type such as
 * {@code project.registered} — the URL each event names in its {@code ce_dataschema} header — and the files those
 * schemas refer to ({@code project.schema.json}, {@code defs/agreement.json}) by their relative names, so a
 * validator resolving {@code $ref} against the schema's URL finds them. The service's AsyncAPI document is
 * {@code asyncapi.yaml} in the same folder (so its payload references resolve the same way), and
 * {@code /q/asyncapi} redirects to it. Open (a schema carries no data) and cacheable, with a strong {@code ETag}.
 */
@Path(EventSchemaResource.PATH)
@PermitAll
@Singleton
@Tag(name = "Event schemas", description = "The JSON Schemas of the events this service publishes, and its AsyncAPI"
        + " document")
public class EventSchemaResource {

    /** Where the schemas are served; a service's {@code ce_dataschema} base URL ends with this. */
    public static final String PATH = "/api/v1/schemas/events";

    public static final String MEDIA_TYPE = "application/schema+json";

    /** The service's AsyncAPI document, beside the schemas its payloads name. */
    public static final String ASYNCAPI = PATH + "/asyncapi.yaml";

    static final String YAML = "application/yaml";

    private static final String FOLDER = "events/";
    private static final String SCHEMA_SUFFIX = ".schema.json";
    private static final CacheControl CACHE = cacheControl();

    private final Map<String, Optional<Schema>> schemas = new ConcurrentHashMap<>();

    @GET
    @Path("{name: [a-z0-9][a-z0-9.-]*(?:/[a-z0-9][a-z0-9.-]*)?}")
    @Produces({MEDIA_TYPE, YAML})
    @Operation(operationId = "getEventSchema", summary = "An event schema, or the AsyncAPI document",
            description = "The JSON Schema of an event type (the URL in ce_dataschema), a file it refers to, or the"
                    + " service's AsyncAPI document (asyncapi.yaml). No token needed; cacheable, with a strong ETag.")
    @APIResponse(responseCode = "200", description = "the schema (draft 2020-12), or the AsyncAPI 3.0 document",
            content = {@Content(mediaType = MEDIA_TYPE), @Content(mediaType = YAML)})
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "this service produces no such event type")
    public Response schema(@Parameter(description = "an event type without the org.urbaninvest. prefix, e.g. "
            + "project.registered; or a referenced file such as defs/agreement.json") @PathParam("name") String name,
            @Context Request request) {
        Schema schema = schemas.computeIfAbsent(name, EventSchemaResource::load)
                .orElseThrow(() -> ProblemException.notFound("no event schema " + name));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(schema.tag());
        if (unchanged != null) {
            return unchanged.cacheControl(CACHE).build();
        }
        return Response.ok(schema.body(), name.endsWith(".yaml") ? YAML : MEDIA_TYPE).tag(schema.tag())
                .cacheControl(CACHE).build();
    }

    /** {@code /q/asyncapi}, beside the other documents a service describes itself with, leads to its AsyncAPI. */
    void asyncApi(@Observes Router router) {
        router.get("/q/asyncapi").handler(context -> context.redirect(ASYNCAPI));
    }

    /** The file: {@code <type>.schema.json} for a type, the name itself for a file named with its extension. */
    static String file(String name) {
        return FOLDER + (name.endsWith(".json") || name.endsWith(".yaml") ? name : name + SCHEMA_SUFFIX);
    }

    private static Optional<Schema> load(String name) {
        if (name.contains("..")) {
            return Optional.empty();
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(file(name))) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
            return Optional.of(new Schema(body, new EntityTag(digest)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CacheControl cacheControl() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600); // a schema changes only with a new release of the service
        return cache;
    }

    private record Schema(byte[] body, EntityTag tag) {
    }
}
