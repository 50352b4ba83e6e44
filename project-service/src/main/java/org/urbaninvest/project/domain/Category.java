package org.urbaninvest.project.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A category of an opportunity list; its code is unique within the programme. */
public record Category(
        @NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = Codes.NAME_MAX) String name,
        @Valid @NotNull Declared declared) {
}
