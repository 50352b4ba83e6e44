package org.urbaninvest.project.rest;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** GeoJSON coordinates that fit their geometry type, longitude in [-180, 180] and latitude in [-90, 90]. */
@Documented
@Constraint(validatedBy = GeometryValidator.class)
@Target({ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidGeometry {
    String message() default "must be valid GeoJSON coordinates";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
