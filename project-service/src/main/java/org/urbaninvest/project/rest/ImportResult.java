package org.urbaninvest.project.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did: projects created, projects changed, and lines that matched a project exactly. */
@Schema(example = """
        {"created": 120, "updated": 8, "unchanged": 3}
        """)
public record ImportResult(int created, int updated, int unchanged) {
}
