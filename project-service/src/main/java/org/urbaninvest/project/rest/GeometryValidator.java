package org.urbaninvest.project.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class GeometryValidator implements ConstraintValidator<ValidGeometry, Geometry> {

    @Override
    public boolean isValid(Geometry geometry, ConstraintValidatorContext context) {
        if (geometry == null || geometry.type() == null || geometry.coordinates() == null) {
            return true; // @NotNull reports the missing parts
        }
        String problem = switch (geometry.type()) {
            case "Point" -> position(geometry.coordinates());
            case "LineString" -> lineString(geometry.coordinates());
            default -> null; // @Pattern reports the type
        };
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addPropertyNode("coordinates").addConstraintViolation();
        return false;
    }

    private static String lineString(JsonNode coordinates) {
        if (!coordinates.isArray() || coordinates.size() < 2) {
            return "a LineString needs an array of at least 2 positions [longitude, latitude]";
        }
        for (int i = 0; i < coordinates.size(); i++) {
            String problem = position(coordinates.get(i));
            if (problem != null) {
                return "position " + i + ": " + problem;
            }
        }
        return null;
    }

    /** A position is [longitude, latitude] with an optional altitude. */
    private static String position(JsonNode position) {
        if (!position.isArray() || position.size() < 2 || position.size() > 3) {
            return "must be a position [longitude, latitude]";
        }
        for (JsonNode number : position) {
            if (!number.isNumber()) {
                return "must be a position of numbers [longitude, latitude]";
            }
        }
        double longitude = position.get(0).asDouble();
        double latitude = position.get(1).asDouble();
        if (longitude < -180 || longitude > 180) {
            return "longitude must be between -180 and 180, was " + position.get(0).asText();
        }
        if (latitude < -90 || latitude > 90) {
            return "latitude must be between -90 and 90, was " + position.get(1).asText();
        }
        return null;
    }
}
