package org.urbaninvest.platform.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.urbaninvest.platform.problem.ProblemOpenApi;

/**
 * Documents {@link Idempotent} in the OpenAPI document, at build time: every marked {@code POST} lists the optional
 * {@code Idempotency-Key} header and its 409 (in flight) and 422 (reused for another request) answers. The marked
 * methods are found in the application's index, so the annotation is the only thing a resource writes.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyOpenApi implements OASFilter {

    private static final DotName IDEMPOTENT = DotName.createSimple(Idempotent.class);
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    static final String HEADER_DESCRIPTION = "Makes the request safe to retry: the first successful answer is kept"
            + " for 24 h, and a retry with the same key and the same request (method, path, body) gets that answer"
            + " again without writing. Keys belong to the caller (token subject). 1–255 printable ASCII characters,"
            + " e.g. a UUID; a structured-field string (quoted) or plain.";

    private final Set<String> idempotentPosts = new HashSet<>();

    public IdempotencyOpenApi(IndexView index) {
        for (AnnotationInstance marked : index.getAnnotations(IDEMPOTENT)) {
            if (marked.target().kind() == AnnotationTarget.Kind.METHOD) {
                MethodInfo method = marked.target().asMethod();
                idempotentPosts.add(normalise(value(method.declaringClass().declaredAnnotation(PATH)) + "/"
                        + value(method.declaredAnnotation(PATH))));
            }
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getPOST() != null && idempotentPosts.contains(normalise(path))) {
                document(item.getPOST());
            }
        });
    }

    private static void document(Operation post) {
        post.addParameter(OASFactory.createParameter().name(IdempotencyKey.HEADER).in(Parameter.In.HEADER)
                .required(false).description(HEADER_DESCRIPTION)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                        .maxLength(IdempotencyKey.MAX_LENGTH))
                .example("8e03978e-40d5-43e8-bc93-6894a57f9324"));
        if (post.getResponses() == null) {
            post.setResponses(OASFactory.createAPIResponses());
        }
        add(post, "409", "a request with the same Idempotency-Key is still in progress (retry after Retry-After"
                + " seconds), or the request conflicts with the resource's state");
        add(post, "422", "the Idempotency-Key was already used for a different request, or the request refers to"
                + " something that does not exist or is not allowed");
    }

    private static void add(Operation post, String status, String description) {
        APIResponse existing = post.getResponses().getAPIResponse(status);
        if (existing != null) {
            existing.setDescription(existing.getDescription() == null ? description
                    : existing.getDescription() + "; or " + description);
            return;
        }
        post.getResponses().addAPIResponse(status, ProblemOpenApi.response(description));
    }

    private static String value(AnnotationInstance path) {
        return path == null || path.value() == null ? "" : path.value().asString();
    }

    /** {@code api/v1/x/{id: [0-9]+}/} → {@code /api/v1/x/{id}}, as the document spells paths. */
    static String normalise(String path) {
        String plain = ("/" + path).replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }
}
