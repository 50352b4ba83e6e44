package org.urbaninvest.project.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A GeoJSON geometry: a {@code Point} ({@code [longitude, latitude]}) or a {@code LineString} (two or more
 * such positions). The coordinates are kept as sent; {@link ValidGeometry} checks their shape and ranges.
 */
@ValidGeometry
public record Geometry(
        @NotNull @Pattern(regexp = "Point|LineString", message = "must be Point or LineString") String type,
        @NotNull @Schema(type = SchemaType.ARRAY, implementation = JsonNode.class, minItems = 2, description = "[longitude, latitude] for a Point; two or more such"
                + " positions for a LineString") JsonNode coordinates) {
}
