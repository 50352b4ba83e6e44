package org.urbaninvest.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

/** The error answers the filter lists per kind of operation, each a problem document with the Problem schema. */
class ProblemOpenApiTest {

    @Test
    void aSecuredPutWithAPathParameterAndABodyListsEveryErrorItCanGet() {
        Operation put = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("code").in(Parameter.In.PATH))
                .requestBody(OASFactory.createRequestBody())
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme", "editor"))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200",
                        OASFactory.createAPIResponse().description("the zone")));
        filter(OASFactory.createPathItem().PUT(put));

        assertThat(put.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "409",
                "413", "415", "default");
        put.getResponses().getAPIResponses().forEach((status, answer) -> {
            if (!status.equals("200")) {
                assertThat(schemaRef(answer)).as(status).isEqualTo("#/components/schemas/Problem");
            }
        });
        assertThat(put.getResponses().getAPIResponse("200").getContent()).isNull();
    }

    @Test
    void anOpenGetWithoutInputListsOnlyTheDefaultAnswer() {
        Operation get = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("the schema")));
        filter(OASFactory.createPathItem().GET(get));

        assertThat(get.getResponses().getAPIResponses()).containsOnlyKeys("200", "default");
    }

    @Test
    void aQueryParameterMeans400AndAnErrorTheResourceListsKeepsItsDescriptionAndGetsTheSchema() {
        Operation post = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("page").in(Parameter.In.QUERY))
                .responses(OASFactory.createAPIResponses().addAPIResponse("409",
                        OASFactory.createAPIResponse().description("a rebuild is already running")));
        filter(OASFactory.createPathItem().POST(post));

        assertThat(post.getResponses().getAPIResponses()).containsOnlyKeys("400", "409", "default");
        APIResponse conflict = post.getResponses().getAPIResponse("409");
        assertThat(conflict.getDescription()).isEqualTo("a rebuild is already running");
        assertThat(schemaRef(conflict)).isEqualTo("#/components/schemas/Problem");
    }

    private static void filter(PathItem item) {
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem("/x/{code}", item));
        new ProblemOpenApi().filterOpenAPI(document);
    }

    private static String schemaRef(APIResponse answer) {
        return answer.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef();
    }
}
