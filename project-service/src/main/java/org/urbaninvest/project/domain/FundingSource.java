package org.urbaninvest.project.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.project.domain.FundingKind;

/** Part of a project's budget by where it comes from (OC4IDS budget breakdown). */
public record FundingSource(@NotNull FundingKind kind, @Valid @NotNull Money amount) {
}
