package org.urbaninvest.platform.json;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * Documents a {@link WireEnum}'s values as they travel ({@code notMet}), not as the scanner reads its constants
 * ({@code NOT_MET}): the scanner does not see the interface's {@code @JsonValue}. At build time, on the schema
 * named after each such enum, as the scanner names it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class WireEnumOpenApi implements OASFilter {

    private final Set<String> wireEnums = new HashSet<>();

    public WireEnumOpenApi(IndexView index) {
        for (ClassInfo type : index.getAllKnownImplementors(DotName.createSimple(WireEnum.class))) {
            if (type.isEnum()) {
                wireEnums.add(type.simpleName());
            }
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (wireEnums.contains(name) && schema.getEnumeration() != null) {
                List<Object> values = schema.getEnumeration().stream()
                        .map(constant -> (Object) WireEnum.lowerCamel(String.valueOf(constant))).toList();
                schema.setEnumeration(values);
            }
        });
    }
}
