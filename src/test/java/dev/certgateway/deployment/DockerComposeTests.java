package dev.certgateway.deployment;

import static dev.certgateway.deployment.HelmChart.get;
import static dev.certgateway.deployment.HelmChart.list;
import static dev.certgateway.deployment.HelmChart.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml: the services and ports the documentation promises, wired to files that exist. */
class DockerComposeTests {

    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void parse() throws IOException {
        compose = map(new Yaml().load(Files.readString(Path.of("docker-compose.yml"))));
        services = map(compose.get("services"));
    }

    @Test
    void theStackHasItsFiveServices() {
        assertThat(services).containsOnlyKeys("postgres", "dev-pki", "gateway", "prometheus", "grafana");
        assertThat(get(services, "postgres.image")).isEqualTo("postgres:17");
        assertThat(get(services, "dev-pki.image")).isEqualTo("alpine:3");
        assertThat(String.valueOf(get(services, "prometheus.image"))).startsWith("prom/prometheus");
        assertThat(String.valueOf(get(services, "grafana.image"))).startsWith("grafana/grafana");
    }

    @Test
    void publishedPortsAreTheDocumentedOnes() {
        assertThat(publishedPorts("gateway")).containsExactly("8080:8080");
        assertThat(publishedPorts("prometheus")).containsExactly("9090:9090");
        assertThat(publishedPorts("grafana")).containsExactly("3000:3000");
        assertThat(publishedPorts("postgres")).allMatch(p -> p.endsWith(":5432"));
        String deployment = read("docs/deployment.md");
        for (String url : List.of("http://localhost:8080", "http://localhost:9090", "http://localhost:3000")) {
            assertThat(deployment).contains(url);
        }
    }

    @Test
    void gatewayIsBuiltFromTheDockerfileAndStartsAfterDatabaseAndPki() {
        assertThat(get(services, "gateway.build.context")).isEqualTo(".");
        assertThat(Path.of((String) get(services, "gateway.build.dockerfile"))).isRegularFile();
        assertThat(get(services, "gateway.depends_on.postgres.condition")).isEqualTo("service_healthy");
        assertThat(get(services, "gateway.depends_on.dev-pki.condition")).isEqualTo("service_completed_successfully");
        assertThat(list(get(services, "postgres.healthcheck.test"))).contains("pg_isready");
        assertThat(get(services, "gateway.read_only")).isEqualTo(true);
    }

    @Test
    void everyMountedFileExistsInTheRepository() {
        List<String> sources = new ArrayList<>();
        for (Object service : services.values()) {
            Object volumes = get(service, "volumes");
            if (volumes != null) {
                for (Object volume : list(volumes)) {
                    String source = String.valueOf(volume).split(":")[0];
                    if (source.startsWith("./")) {
                        sources.add(source);
                        assertThat(Path.of(source)).as(source).exists();
                    } else {
                        assertThat(map(compose.get("volumes"))).as("named volume").containsKey(source);
                    }
                }
            }
        }
        // The observability files are the chart's, not copies.
        assertThat(sources).contains("./helm/cert-gateway/files/prometheus-rules.yaml",
                "./helm/cert-gateway/files/grafana-dashboard.json", "./deploy/compose/dev-pki.sh",
                "./deploy/compose/application.yaml");
    }

    @Test
    void prometheusScrapesTheGatewayAsTheJobTheAlertsSelectAndLoadsTheChartRules() throws IOException {
        String rulesTarget = mountTarget("prometheus", "./helm/cert-gateway/files/prometheus-rules.yaml");
        String configTarget = mountTarget("prometheus", "./deploy/compose/prometheus.yml");
        assertThat(configTarget).isEqualTo("/etc/prometheus/prometheus.yml");

        Map<String, Object> prometheus = map(new Yaml().load(read("deploy/compose/prometheus.yml")));
        assertThat(list(prometheus.get("rule_files"))).containsExactly(rulesTarget);
        Object job = list(prometheus.get("scrape_configs")).get(0);
        assertThat(get(job, "job_name")).isEqualTo("cert-gateway");
        assertThat(get(job, "metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(list(get(job, "static_configs.0.targets"))).containsExactly("gateway:8080");
        assertThat(read("helm/cert-gateway/files/prometheus-rules.yaml")).contains("job=\"cert-gateway\"");
    }

    @Test
    void grafanaProvisionsThePrometheusDatasourceAndTheChartDashboard() {
        assertThat(map(get(services, "grafana.environment")))
                .containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
                .containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");
        String dashboardTarget = mountTarget("grafana", "./helm/cert-gateway/files/grafana-dashboard.json");
        String providers = mountTarget("grafana", "./deploy/compose/grafana/provisioning/dashboards");
        String datasources = mountTarget("grafana", "./deploy/compose/grafana/provisioning/datasources");
        assertThat(providers).isEqualTo("/etc/grafana/provisioning/dashboards");
        assertThat(datasources).isEqualTo("/etc/grafana/provisioning/datasources");

        Object provider = list(map(new Yaml().load(read("deploy/compose/grafana/provisioning/dashboards/cert-gateway.yaml")))
                .get("providers")).get(0);
        assertThat(dashboardTarget).startsWith(get(provider, "options.path") + "/");
        Object datasource = list(map(new Yaml().load(read(
                "deploy/compose/grafana/provisioning/datasources/prometheus.yaml"))).get("datasources")).get(0);
        assertThat(get(datasource, "type")).isEqualTo("prometheus");
        assertThat(get(datasource, "url")).isEqualTo("http://prometheus:9090");
    }

    @Test
    void gatewayConfigurationMatchesTheDatabaseAndTheFilesDevPkiWrites() {
        Map<String, Object> environment = map(get(services, "gateway.environment"));
        String configTarget = mountTarget("gateway", "./deploy/compose/application.yaml");
        assertThat(environment).containsEntry("SPRING_CONFIG_ADDITIONAL_LOCATION", "file:" + configTarget);
        // The collector the Helm chart deploys with (docs/deployment.md).
        assertThat(String.valueOf(environment.get("JAVA_TOOL_OPTIONS"))).contains("-XX:+UseParallelGC");

        Map<String, Object> postgres = map(get(services, "postgres.environment"));
        Map<String, Object> config = map(new Yaml().load(read("deploy/compose/application.yaml")));
        assertThat(get(config, "spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(get(config, "spring.datasource.username")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(environment.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));

        // The gateway and dev-pki share the pki volume at the same path, so the paths in the configuration
        // are the paths the script writes (DevPkiScriptTests runs it).
        assertThat(volumeTarget("gateway", "pki")).isEqualTo("/pki");
        assertThat(volumeTarget("dev-pki", "pki")).isEqualTo("/pki");
        assertThat(get(config, "certgw.authorities.dev-ec.certificate-chain")).isEqualTo("file:/pki/dev-ec/ca.pem");
        assertThat(get(config, "certgw.authorities.dev-ec.private-key")).isEqualTo("file:/pki/dev-ec/key.pem");
        assertThat(get(config, "spring.security.oauth2.resourceserver.jwt.public-key-location"))
                .isEqualTo("file:/pki/jwt-public.pem");
        assertThat(list(get(services, "dev-pki.entrypoint")))
                .containsExactly("/bin/sh", mountTarget("dev-pki", "./deploy/compose/dev-pki.sh"));
    }

    private static List<String> publishedPorts(String service) {
        Object ports = get(services, service + ".ports");
        return ports == null ? List.of() : list(ports).stream().map(String::valueOf).toList();
    }

    private static String mountTarget(String service, String source) {
        return list(get(services, service + ".volumes")).stream().map(String::valueOf)
                .filter(v -> v.startsWith(source + ":")).map(v -> v.split(":")[1]).findFirst()
                .orElseThrow(() -> new AssertionError(service + " does not mount " + source));
    }

    private static String volumeTarget(String service, String volume) {
        return mountTarget(service, volume);
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
