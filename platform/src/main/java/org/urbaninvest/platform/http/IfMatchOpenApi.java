package org.urbaninvest.platform.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.urbaninvest.platform.problem.ProblemOpenApi;

/**
 * Documents the {@link IfMatch} rule on every {@code PUT} of the OpenAPI document, at build time: the
 * {@code If-Match} header is required, and the 412 and 428 answers are listed. A resource only declares the header
 * parameter it passes to {@link IfMatch#require}; this filter says what it means, the same way everywhere.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IfMatchOpenApi implements OASFilter {

    static final String HEADER = "If-Match";
    static final String DESCRIPTION = "The ETag of the resource as read, e.g. \"3\": the change is made only if the"
            + " resource is still at that version. Required on every PUT; * is refused like a missing header.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getPUT() != null) {
                document(item.getPUT());
            }
        });
    }

    private static void document(Operation put) {
        Parameter header = put.getParameters() == null ? null : put.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && HEADER.equalsIgnoreCase(p.getName()))
                .findFirst().orElse(null);
        if (header == null) {
            header = OASFactory.createParameter().name(HEADER).in(Parameter.In.HEADER);
            put.addParameter(header);
        }
        header.required(true).description(DESCRIPTION)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)).example("\"3\"");
        ProblemOpenApi.addIfAbsent(put, "412",
                "the resource is no longer at the version named by If-Match: read it again and retry");
        ProblemOpenApi.addIfAbsent(put, "428", "If-Match is missing, or is *");
    }
}
