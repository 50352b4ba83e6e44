package org.urbaninvest.investment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of an agreement import, counted in lines: on a dry run what it would do, nothing stored. A line that
 * both amends and moves an agreement counts in both.
 */
@Schema(name = "AgreementImportResult", example = """
        {"dryRun": false, "created": 120, "moved": 14, "amended": 3, "disbursed": 40, "unchanged": 871}
        """)
public record ImportResult(
        @Schema(description = "true when nothing was stored") boolean dryRun,
        @Schema(description = "agreements created") int created,
        @Schema(description = "stored agreements moved forward") int moved,
        @Schema(description = "stored agreements whose amounts were replaced") int amended,
        @Schema(description = "disbursements recorded") int disbursed,
        @Schema(description = "lines that matched what is stored and changed nothing") int unchanged) {
}
