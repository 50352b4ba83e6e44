package org.urbaninvest.project.rest;

import java.util.List;

/** One page of a list: {@code {"items": [...], "page": 0, "size": 50, "total": 123}}. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
