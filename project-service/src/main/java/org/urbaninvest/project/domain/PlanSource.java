package org.urbaninvest.project.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The document a plan comes from: its title, who issued it, when, and where to read it ({@code url} may be null). */
public record PlanSource(
        @NotBlank @Size(max = Codes.NAME_MAX) String title,
        @NotBlank @Size(max = Codes.NAME_MAX) String issuer,
        @NotNull LocalDate date,
        @Size(max = 2_000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http or https URL") String url) {
}
