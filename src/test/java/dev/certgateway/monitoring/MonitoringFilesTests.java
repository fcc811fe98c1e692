package dev.certgateway.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped alert rules and dashboard: valid, and only about metrics the documentation names. */
class MonitoringFilesTests {

    private static final Path RULES = Path.of("helm/cert-gateway/files/prometheus-rules.yaml");
    private static final Path DASHBOARD = Path.of("helm/cert-gateway/files/grafana-dashboard.json");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Pattern METRIC = Pattern.compile("\\bcertgw_[a-z_]+");

    @Test
    void alertRulesPassPromtool() throws Exception {
        assumeThat(Files.isExecutable(PROMTOOL)).as("promtool installed").isTrue();
        Process process = new ProcessBuilder(PROMTOOL.toString(), "check", "rules", RULES.toString())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }

    @Test
    void dashboardIsValidJsonAndEveryPanelQueriesTheGateway() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.get("title").asString()).isEqualTo("cert-gateway");
        assertThat(dashboard.get("panels").size()).isGreaterThanOrEqualTo(8);
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                assertThat(target.get("expr").asString()).as(panel.get("title").asString()).contains("certgw_");
            }
        }
    }

    @Test
    void everyMetricInRulesAndDashboardIsDocumented() throws Exception {
        String operations = Files.readString(Path.of("docs/operations.md"));
        List<String> undocumented = new ArrayList<>();
        for (Path file : List.of(RULES, DASHBOARD)) {
            Matcher matcher = METRIC.matcher(Files.readString(file));
            while (matcher.find()) {
                String metric = matcher.group().replaceAll("_(bucket|count|sum)$", "");
                if (!operations.contains(metric) && !undocumented.contains(metric)) {
                    undocumented.add(metric);
                }
            }
        }
        assertThat(undocumented).as("metrics missing from docs/operations.md").isEmpty();
    }
}
