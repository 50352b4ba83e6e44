package org.urbaninvest.platform.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One version in an aggregate's history ({@code GET …/{id}/history}): its number, when it was made, by whom (the
 * token's subject), how ({@code registered}, {@code updated}, …), and each field that changed from the previous
 * version, from what to what (JSON values as the representation has them; null where the field was absent).
 */
public record Version(long version, Instant at, String actor, String change, List<FieldChange> changes) {

    public record FieldChange(String field, JsonNode from, JsonNode to) {
    }
}
