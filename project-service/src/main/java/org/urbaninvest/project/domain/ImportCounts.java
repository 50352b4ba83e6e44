package org.urbaninvest.project.domain;

/** What an import did: projects created, projects changed, and lines that matched a project exactly. */
public record ImportCounts(int created, int updated, int unchanged) {
}
