package org.urbaninvest.project.repository;

import java.util.List;

/** A zone with the codes of the zones directly below it, in code order (a zone's children are derived). */
public record ZoneNode(ZoneEntity zone, List<String> children) {
}
