package org.urbaninvest.platform.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One version in an aggregate's history ({@code GET …/{id}/history}): its number, when it was made, by whom (the
 * token's subject), how ({@code registered}, {@code updated}, …), and each field that changed from the previous
 * version, from what to what (JSON values as the representation has them; null where the field was absent).
 */
@Schema(name = "Version", example = """
        {"version": 2, "at": "2025-06-01T07:45:10Z", "actor": "editor-user", "change": "updated",
        "changes": [{"field": "name", "from": "Caijia District", "to": "Caijia Development Zone"}]}
        """)
public record Version(long version, Instant at, String actor, String change, List<FieldChange> changes) {

    /** A field of the representation and its value before and after the version. */
    @Schema(name = "FieldChange")
    public record FieldChange(String field,
            @Schema(anyOf = {String.class, BigDecimal.class, Boolean.class, List.class, Map.class},
                    description = "the value before (any JSON value; null when absent)") JsonNode from,
            @Schema(anyOf = {String.class, BigDecimal.class, Boolean.class, List.class, Map.class},
                    description = "the value after (any JSON value; null when absent)") JsonNode to) {
    }
}
