package org.urbaninvest.project.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The project's id in another register, e.g. a national investment project code. */
public record Identifier(@NotBlank @Size(max = 100) String scheme, @NotBlank @Size(max = 200) String id) {
}
