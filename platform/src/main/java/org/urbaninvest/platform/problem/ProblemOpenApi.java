package org.urbaninvest.platform.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers of every operation, at build time, the way {@link ProblemMapper} gives them: each is a
 * {@link Problem} document ({@code application/problem+json}, schema {@code #/components/schemas/Problem}), and each
 * operation lists the ones its kind can get — 401 and 403 when it needs a token, 404 when its path names a
 * resource, 400 when it takes input, 413 and 415 when it takes a body, 409 on a PUT, and {@code default} for the
 * rest (500, or 503 with Retry-After while the database is unavailable). Runs after the other filters (priority 0),
 * so the answers they list get the schema too.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 0)
public class ProblemOpenApi implements OASFilter {

    static final String SCHEMA_REF = "#/components/schemas/" + Problem.SCHEMA;

    /** An error answer: a problem document with this description. */
    public static APIResponse response(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, problemDocument()));
    }

    /** Adds the error answer unless the operation lists that status already. */
    public static void addIfAbsent(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation.getResponses().addAPIResponse(status, response(description));
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().forEach((method, operation) -> {
            document(method, operation);
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (isError(status)) {
                    if (response.getContent() == null) {
                        response.setContent(OASFactory.createContent());
                    }
                    response.getContent().addMediaType(Problem.MEDIA_TYPE, problemDocument());
                }
            });
        }));
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfAbsent(operation, "401", "no valid bearer token");
            addIfAbsent(operation, "403", "the token's role does not allow this operation, or the item lies"
                    + " outside the token's zones");
        }
        if (body || parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            addIfAbsent(operation, "400", "invalid input: the problem lists every invalid field in errors");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            addIfAbsent(operation, "404", "no such resource, or one outside the token's zones");
        }
        if (body) {
            addIfAbsent(operation, "413", "request body too large");
            addIfAbsent(operation, "415", "unsupported content type");
        }
        if (method == PathItem.HttpMethod.PUT) {
            addIfAbsent(operation, "409", "the resource was changed concurrently: read it again and retry");
        }
        addIfAbsent(operation, APIResponses.DEFAULT, "an unexpected failure (500), or the database is unavailable"
                + " (503, retry after Retry-After seconds)");
    }

    /** Whether the answer with this status is an error: 4xx, 5xx, or the default answer. */
    static boolean isError(String status) {
        return APIResponses.DEFAULT.equals(status) || status.startsWith("4") || status.startsWith("5");
    }

    private static MediaType problemDocument() {
        return OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF));
    }
}
