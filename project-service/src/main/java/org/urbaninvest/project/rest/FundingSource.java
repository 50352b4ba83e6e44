package org.urbaninvest.project.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.urbaninvest.platform.money.Money;

/** Part of a project's budget by where it comes from (OC4IDS budget breakdown). */
public record FundingSource(@NotNull FundingKind kind, @Valid @NotNull Money amount) {
}
