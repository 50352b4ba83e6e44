package org.urbaninvest.project.rest;

/** What an import did: projects created, projects changed, and lines that matched a project exactly. */
public record ImportResult(int created, int updated, int unchanged) {
}
