package org.urbaninvest.reporting.rest;

import java.util.List;

/** A page of a list, as every UrbanInvest list answers. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
