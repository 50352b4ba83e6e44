package org.urbaninvest.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report as comparable figures: counts as longs, amounts as the exact decimal strings the API sends (a currency
 * whose total is zero may be listed or left out, so it is left out), ratios as 4-place decimal strings or null.
 * Fields outside SYSTEM.md §6 ({@code asOf}) are left out. {@link Ledger} computes the same shape.
 */
public final class Figures {

    private Figures() {
    }

    public static Map<String, Object> zone(JsonNode report) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("zone", report.path("zone").asText(null));
        JsonNode projects = report.path("projects");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", count(projects.path("count")));
        p.put("estimatedInvestment", totals(projects.path("estimatedInvestment")));
        Map<String, Object> byStatus = new LinkedHashMap<>();
        for (String status : Ledger.STATUSES) {
            byStatus.put(status, count(projects.path("byStatus").path(status)));
        }
        for (Iterator<String> names = projects.path("byStatus").fieldNames(); names.hasNext(); ) {
            String status = names.next();
            byStatus.putIfAbsent(status, count(projects.path("byStatus").path(status)));
        }
        p.put("byStatus", byStatus);
        figures.put("projects", p);

        JsonNode agreements = report.path("agreements");
        Map<String, Object> a = new LinkedHashMap<>();
        for (String measure : List.of("intended", "signed", "started", "operational", "withdrawn")) {
            a.put(measure, measure(agreements.path(measure)));
        }
        a.put("fundsInPlace", totals(agreements.path("fundsInPlace")));
        figures.put("agreements", a);

        JsonNode rates = report.path("rates");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("signingByCount", ratio(rates.path("signingByCount")));
        r.put("signingByAmount", ratios(rates.path("signingByAmount")));
        r.put("startByCount", ratio(rates.path("startByCount")));
        r.put("operationalByCount", ratio(rates.path("operationalByCount")));
        r.put("fundsInPlaceByAmount", ratios(rates.path("fundsInPlaceByAmount")));
        figures.put("rates", r);
        return figures;
    }

    /** A zone report's {@code revisions}: totals without zeros, amendment counts without zeros. */
    public static Map<String, Object> revisions(JsonNode report) {
        JsonNode revisions = report.path("revisions");
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String set : List.of("intended", "signed")) {
            Map<String, Object> revision = new LinkedHashMap<>();
            for (String measure : List.of("original", "current", "change")) {
                revision.put(measure, totals(revisions.path(set).path(measure)));
            }
            figures.put(set, revision);
        }
        Map<String, Object> amendments = new TreeMap<>();
        revisions.path("amendments").fields().forEachRemaining(entry -> {
            if (!entry.getValue().isIntegralNumber() || entry.getValue().longValue() != 0) {
                amendments.put(entry.getKey(), count(entry.getValue()));
            }
        });
        figures.put("amendments", amendments);
        return figures;
    }

    public static Map<String, Object> programme(JsonNode report) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("programme", report.path("programme").asText(null));
        figures.put("declared", declared(report.path("declared")));
        figures.put("registered", registered(report.path("registered")));
        figures.put("matches", report.path("matches").isBoolean() ? report.path("matches").booleanValue()
                : report.path("matches").toString());
        Map<String, Object> categories = new TreeMap<>();
        for (JsonNode category : report.path("categories")) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", category.path("name").asText(null));
            c.put("declared", declared(category.path("declared")));
            c.put("registered", registered(category.path("registered")));
            c.put("matches", category.path("matches").isBoolean() ? category.path("matches").booleanValue()
                    : category.path("matches").toString());
            categories.put(category.path("code").asText(), c);
        }
        figures.put("categories", categories);
        return figures;
    }

    public static List<Map<String, Object>> timeseries(JsonNode points) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (JsonNode point : points) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("period", point.path("period").asText(null));
            p.putAll(measure(point));
            series.add(p);
        }
        return series;
    }

    private static Map<String, Object> measure(JsonNode measure) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count(measure.path("count")));
        m.put("amount", totals(measure.path("amount")));
        return m;
    }

    private static Map<String, Object> declared(JsonNode declared) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("projectCount", count(declared.path("projectCount")));
        JsonNode investment = declared.path("investment");
        d.put("investment", investment.path("amount").asText() + " " + investment.path("currency").asText());
        return d;
    }

    private static Map<String, Object> registered(JsonNode registered) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("projectCount", count(registered.path("projectCount")));
        r.put("investment", totals(registered.path("investment")));
        return r;
    }

    private static Object count(JsonNode node) {
        return node.isIntegralNumber() ? (Object) node.longValue() : "not a count: " + node;
    }

    /** {@code {"CNY": "1.00"}} → the same map without zero totals; amounts kept as sent (exact strings). */
    private static Map<String, Object> totals(JsonNode node) {
        Map<String, Object> totals = new TreeMap<>();
        if (!node.isObject()) {
            totals.put("not totals", node.toString());
            return totals;
        }
        node.fields().forEachRemaining(entry -> {
            JsonNode amount = entry.getValue();
            if (!amount.isTextual()) {
                totals.put(entry.getKey(), "not a decimal string: " + amount);
            } else if (new BigDecimal(amount.asText()).signum() != 0) {
                totals.put(entry.getKey(), amount.asText());
            }
        });
        return totals;
    }

    private static Object ratio(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isNumber()) {
            return "not a ratio: " + node;
        }
        try {
            return node.decimalValue().setScale(4, RoundingMode.UNNECESSARY).toPlainString();
        } catch (ArithmeticException e) {
            return "more than 4 places: " + node;
        }
    }

    private static Map<String, Object> ratios(JsonNode node) {
        Map<String, Object> ratios = new TreeMap<>();
        node.fields().forEachRemaining(entry -> ratios.put(entry.getKey(), ratio(entry.getValue())));
        return ratios;
    }
}
