package org.urbaninvest.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The {@code prometheus-alerts} component: the PrometheusRule holds exactly the alerts the runbook's "What to
 * watch" names, each with a severity and a summary; the Grafana dashboard is valid against the dashboard JSON
 * model's schema (src/test/resources/schemas/grafana-dashboard.json); every expression of both parses with
 * Prometheus's own PromQL parser (npm {@code @prometheus-io/lezer-promql}); and every {@code urbaninvest_*} metric
 * they read is one the services register.
 */
@RequiresKubectl
class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Kustomize.MODULE.resolve("../..").normalize();
    private static final Pattern ALERT_NAME = Pattern.compile("UrbanInvest[A-Z][A-Za-z]+");
    private static final Pattern SUITE_METRIC = Pattern.compile("urbaninvest_[a-z_]+");

    private static Manifests manifests() {
        return Renders.of(Renders.PROD_WITH_COMPONENTS);
    }

    private static List<Rule> alerts() {
        return manifests().get(PrometheusRule.class, "urbaninvest-alerts").getSpec().getGroups().stream()
                .flatMap(group -> group.getRules().stream()).toList();
    }

    private static JsonNode dashboard() throws IOException {
        ConfigMap map = manifests().get(ConfigMap.class, "urbaninvest-grafana-dashboard");
        assertThat(map.getMetadata().getLabels()).as("labels Grafana's sidecar loads dashboards by")
                .containsEntry("grafana_dashboard", "1");
        assertThat(map.getData()).containsOnlyKeys("urbaninvest.json");
        return JSON.readTree(map.getData().get("urbaninvest.json"));
    }

    private static List<String> dashboardExpressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        return expressions;
    }

    @Test
    void theAlertsAreExactlyThoseTheRunbookNamesEachWithASeverityAndASummary() throws IOException {
        String readme = Files.readString(Kustomize.MODULE.resolve("README.md"));
        int start = readme.indexOf("### What to watch");
        assertThat(start).as("README.md section What to watch").isNotNegative();
        String section = readme.substring(start, readme.indexOf("\n## ", start));
        Set<String> named = new TreeSet<>();
        Matcher matcher = ALERT_NAME.matcher(section);
        while (matcher.find()) {
            named.add(matcher.group());
        }
        List<Rule> alerts = alerts();
        Set<String> defined = alerts.stream().map(Rule::getAlert).collect(Collectors.toCollection(TreeSet::new));
        assertThat(defined).as("alerts of PrometheusRule urbaninvest-alerts = those named in README.md, What to watch")
                .isEqualTo(named);
        SoftAssertions softly = new SoftAssertions();
        for (Rule alert : alerts) {
            softly.assertThat(alert.getLabels()).as("labels of %s", alert.getAlert()).containsKey("severity");
            softly.assertThat(alert.getLabels().get("severity")).as("severity of %s", alert.getAlert())
                    .isIn("critical", "warning", "info");
            softly.assertThat(alert.getAnnotations()).as("annotations of %s", alert.getAlert())
                    .containsKeys("summary", "description");
        }
        softly.assertAll();
    }

    @Test
    void theDashboardIsValidAgainstTheDashboardSchemaWithUniquePanels() throws IOException {
        JsonNode dashboard = dashboard();
        assertThat(CrdSchemas.violations("grafana-dashboard.json", dashboard)).isEmpty();
        List<Integer> ids = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> ids.add(panel.path("id").asInt()));
        assertThat(ids).as("panel ids").doesNotHaveDuplicates();
        assertThat(dashboard.at("/templating/list/0/name").asText()).as("the data source variable the panels use")
                .isEqualTo("datasource");
    }

    @Test
    void everyExpressionParsesWithPrometheussOwnParser() throws Exception {
        List<String> expressions = new ArrayList<>();
        alerts().forEach(alert -> expressions.add(alert.getExpr().getStrVal()));
        expressions.addAll(dashboardExpressions(dashboard()));
        assertThat(expressions).hasSizeGreaterThan(10);
        assertThat(unparsable(expressions)).as("expressions Prometheus's parser refuses").isEmpty();
        // the check itself: a broken expression is refused
        assertThat(unparsable(List.of("sum by (job (rate(x[5m]))"))).hasSize(1);
    }

    @Test
    void everySuiteMetricTheyReadIsOneTheServicesRegister() throws IOException {
        Set<String> metrics = new TreeSet<>();
        List<String> expressions = new ArrayList<>(dashboardExpressions(dashboard()));
        alerts().forEach(alert -> expressions.add(alert.getExpr().getStrVal()));
        expressions.forEach(expr -> {
            Matcher matcher = SUITE_METRIC.matcher(expr);
            while (matcher.find()) {
                metrics.add(matcher.group());
            }
        });
        assertThat(metrics).as("urbaninvest_* metrics read by the alerts and the dashboard").hasSizeGreaterThan(5);
        String code = mainSources();
        assertThat(metrics.stream().filter(metric -> meterNames(metric).stream().noneMatch(code::contains)).toList())
                .as("metrics no service registers (as a Micrometer name in src/main/java)").isEmpty();
    }

    /** The Micrometer names that Prometheus shows as {@code metric} (counters get _total, base units a suffix). */
    private static List<String> meterNames(String metric) {
        String base = metric.replaceFirst("_(total|seconds)$", "");
        return List.of('"' + metric.replace('_', '.') + '"', '"' + base.replace('_', '.') + '"');
    }

    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String module : List.of("platform", "project-service", "investment-service", "reporting-service")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(file));
                }
            }
        }
        return all.toString();
    }

    private static List<JsonNode> unparsable(List<String> expressions) throws Exception {
        Process node = new ProcessBuilder("node", "src/test/node/promql-check.mjs")
                .directory(Kustomize.MODULE.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(expressions));
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(node.exitValue()).as("node src/test/node/promql-check.mjs (npm ci installs its parser)").isZero();
        List<JsonNode> failures = new ArrayList<>();
        JSON.readTree(out).forEach(failures::add);
        return failures;
    }
}
