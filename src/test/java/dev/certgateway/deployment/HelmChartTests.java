package dev.certgateway.deployment;

import static dev.certgateway.deployment.HelmChart.CHART;
import static dev.certgateway.deployment.HelmChart.PRODUCTION_VALUES;
import static dev.certgateway.deployment.HelmChart.get;
import static dev.certgateway.deployment.HelmChart.list;
import static dev.certgateway.deployment.HelmChart.map;
import static dev.certgateway.deployment.HelmChart.render;
import static dev.certgateway.deployment.HelmChart.renderText;
import static dev.certgateway.deployment.HelmChart.sets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import dev.certgateway.deployment.HelmChart.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Helm chart, rendered by Helm itself for the default and for production-like values. */
class HelmChartTests {

    private static final String FULLNAME = "certgw-cert-gateway";

    private static Manifests defaults;
    private static Manifests production;

    @BeforeAll
    static void renderOnce() {
        defaults = render(Map.of());
        production = render(Map.of(), PRODUCTION_VALUES);
    }

    @Test
    void lintPassesStrictly() {
        LintResult lint = HelmChart.lint();
        assertThat(lint.isFailed()).as(lint.getMessages().toString()).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void defaultsRenderTheCoreObjectsAndNoOperatorObjects() {
        assertThat(defaults.kinds()).containsExactlyInAnyOrder("NetworkPolicy", "PodDisruptionBudget",
                "ServiceAccount", "ConfigMap", "Service", "Deployment", "HorizontalPodAutoscaler");
        assertThat(production.kinds()).contains("ServiceMonitor", "PrometheusRule");
    }

    @Test
    void everyObjectCarriesTheStandardLabels() {
        for (Manifests manifests : List.of(defaults, production)) {
            for (Map<String, Object> object : manifests.objects()) {
                assertThat(map(get(object, "metadata.labels")))
                        .as("%s %s", object.get("kind"), get(object, "metadata.name"))
                        .containsEntry("app.kubernetes.io/name", "cert-gateway")
                        .containsEntry("app.kubernetes.io/instance", HelmChart.RELEASE)
                        .containsEntry("app.kubernetes.io/managed-by", "Helm")
                        .containsKey("helm.sh/chart");
            }
        }
    }

    @Test
    void twoReplicasRollingOneAtATimeWithoutLosingCapacity() {
        Map<String, Object> deployment = defaults.one("Deployment");
        // The HPA owns the count when autoscaling is on, so upgrades do not reset it.
        assertThat(map(deployment.get("spec"))).doesNotContainKey("replicas");
        Map<String, Object> hpa = defaults.one("HorizontalPodAutoscaler");
        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(get(hpa, "spec.minReplicas")).isEqualTo(2);
        assertThat(get(hpa, "spec.maxReplicas")).isEqualTo(6);
        assertThat(get(hpa, "spec.scaleTargetRef.name")).isEqualTo(FULLNAME);
        assertThat(get(hpa, "spec.metrics.0.resource.name")).isEqualTo("cpu");
        assertThat(get(hpa, "spec.metrics.0.resource.target.averageUtilization")).isEqualTo(70);

        assertThat(get(deployment, "spec.strategy.type")).isEqualTo("RollingUpdate");
        assertThat(get(deployment, "spec.strategy.rollingUpdate.maxUnavailable")).isEqualTo(0);
        assertThat(get(deployment, "spec.strategy.rollingUpdate.maxSurge")).isEqualTo(1);

        Manifests fixed = render(sets("autoscaling.enabled", false));
        assertThat(get(fixed.one("Deployment"), "spec.replicas")).isEqualTo(2);
        assertThat(fixed.ofKind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void podDisruptionBudgetKeepsAReplica() {
        Map<String, Object> pdb = defaults.one("PodDisruptionBudget");
        assertThat(pdb.get("apiVersion")).isEqualTo("policy/v1");
        assertThat(get(pdb, "spec.maxUnavailable")).isEqualTo(1);
        assertThat(map(get(pdb, "spec.selector.matchLabels")))
                .isEqualTo(map(get(defaults.one("Deployment"), "spec.selector.matchLabels")));

        Map<String, Object> minAvailable = render(sets("podDisruptionBudget.minAvailable", 1)).one("PodDisruptionBudget");
        assertThat(get(minAvailable, "spec.minAvailable")).isEqualTo(1);
        assertThat(map(minAvailable.get("spec"))).doesNotContainKey("maxUnavailable");
    }

    @Test
    void probesUseTheActuatorHealthGroupsOnTheApiPortByDefault() {
        Map<String, Object> container = container(defaults);
        assertProbes(container, "http");
        assertThat(containerPorts(container)).containsExactly(Map.of("name", "http", "containerPort", 8080,
                "protocol", "TCP"));
        assertThat(servicePortNames(defaults)).containsExactly("http");
        assertThat(env(container)).containsEntry("SERVER_PORT", "8080").containsEntry("MANAGEMENT_SERVER_PORT",
                "8080");
    }

    @Test
    void aSeparateManagementPortCarriesProbesMetricsAndOnlyMonitoringTraffic() {
        Map<String, Object> container = container(production);
        assertProbes(container, "management");
        assertThat(containerPorts(container)).extracting(p -> p.get("name") + ":" + p.get("containerPort"))
                .containsExactly("http:8080", "management:8081");
        assertThat(servicePortNames(production)).containsExactly("http", "management");
        assertThat(env(container)).containsEntry("MANAGEMENT_SERVER_PORT", "8081");

        Map<String, Object> serviceMonitor = production.one("ServiceMonitor");
        assertThat(get(serviceMonitor, "spec.endpoints.0.port")).isEqualTo("management");
        assertThat(get(serviceMonitor, "spec.endpoints.0.path")).isEqualTo("/actuator/prometheus");
        // The rules select job="cert-gateway" whatever the release is called.
        assertThat(get(serviceMonitor, "spec.jobLabel")).isEqualTo("app.kubernetes.io/name");
        assertThat(get(serviceMonitor, "metadata.labels.release")).isEqualTo("kube-prometheus-stack");

        List<Object> ingress = list(get(production.one("NetworkPolicy"), "spec.ingress"));
        assertThat(ingress).hasSize(2);
        assertThat(get(ingress.get(0), "ports.0.port")).isEqualTo("http");
        assertThat(get(ingress.get(0), "from.0.namespaceSelector.matchLabels")).isEqualTo(
                Map.of("cert-gateway/client", "true"));
        assertThat(list(get(ingress.get(0), "from"))).hasSize(1);
        assertThat(get(ingress.get(1), "ports.0.port")).isEqualTo("management");
        assertThat(get(ingress.get(1), "from.0.namespaceSelector.matchLabels")).isEqualTo(
                Map.of("kubernetes.io/metadata.name", "monitoring"));

        // Default ServiceMonitor, when enabled, scrapes the shared API port.
        Manifests sharedPort = render(sets("monitoring.serviceMonitor.enabled", true));
        assertThat(get(sharedPort.one("ServiceMonitor"), "spec.endpoints.0.port")).isEqualTo("http");
    }

    @Test
    void networkPolicyOpensOnlyDnsPostgresAndHttpsOutbound() {
        Map<String, Object> policy = production.one("NetworkPolicy");
        assertThat(list(get(policy, "spec.policyTypes"))).containsExactly("Ingress", "Egress");
        List<Object> egress = list(get(policy, "spec.egress"));
        assertThat(egress).extracting(rule -> get(rule, "ports.0.port")).containsExactly(53, 5432, 443);
        assertThat(get(egress.get(1), "to.0.ipBlock.cidr")).isEqualTo("10.20.0.0/16");

        // With no API clients configured, the API port is open to all (requests still need a token).
        Object apiRule = get(defaults.one("NetworkPolicy"), "spec.ingress.0");
        assertThat(map(apiRule)).doesNotContainKey("from");
    }

    @Test
    void podAndContainerAreLockedDown() {
        for (Manifests manifests : List.of(defaults, production)) {
            Map<String, Object> pod = map(get(manifests.one("Deployment"), "spec.template.spec"));
            assertThat(map(pod.get("securityContext")))
                    .containsEntry("runAsNonRoot", true)
                    .containsEntry("runAsUser", 65532)
                    .containsEntry("fsGroup", 65532)
                    .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
            assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
            Map<String, Object> container = container(manifests);
            assertThat(map(container.get("securityContext")))
                    .containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false)
                    .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
            assertThat(mounts(container)).containsEntry("tmp", "/tmp");
            assertThat(volume(manifests, "tmp")).containsKey("emptyDir");
            assertThat(map(get(container, "resources.requests"))).containsKeys("cpu", "memory");
            assertThat(map(get(container, "resources.limits"))).containsKey("memory");

            List<Object> spread = list(pod.get("topologySpreadConstraints"));
            assertThat(spread).extracting(c -> get(c, "topologyKey"))
                    .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        }
    }

    @Test
    void theJvmUsesTheParallelCollectorAndAHeapThatFollowsTheMemoryLimit() {
        assertThat(String.valueOf(env(container(defaults)).get("JAVA_TOOL_OPTIONS")))
                .contains("-XX:+UseParallelGC", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void secretsAreOnlyReferencedNeverRendered() {
        for (Manifests manifests : List.of(defaults, production)) {
            assertThat(manifests.ofKind("Secret")).isEmpty();
        }
        Map<String, Object> container = container(production);
        List<Object> envVars = list(container.get("env"));
        for (Object envVar : envVars) {
            if (String.valueOf(get(envVar, "name")).contains("PASSWORD")) {
                assertThat(map(envVar)).as("%s", envVar).doesNotContainKey("value");
                assertThat(get(envVar, "valueFrom.secretKeyRef")).as("%s", envVar).isNotNull();
            }
        }
        assertThat(envVar(container, "SPRING_DATASOURCE_PASSWORD"))
                .isEqualTo(Map.of("valueFrom", Map.of("secretKeyRef", Map.of("name", "certgw-database",
                        "key", "db-password"))));
        assertThat(envVar(container, "KEYSTORE_PASSWORD_LEGACY"))
                .isEqualTo(Map.of("valueFrom", Map.of("secretKeyRef", Map.of("name", "legacy-ca",
                        "key", "store-password"))));
        // Without a Secret named, no password variable at all (rather than an empty one).
        assertThat(env(container(defaults))).doesNotContainKey("SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void localAuthorityKeysAreMountedReadOnlyFromTheirSecretsWhereTheConfigurationLooks() {
        Map<String, Object> container = container(production);
        Map<String, Object> certgw = map(applicationYaml(production).get(0).get("certgw"));

        Map<String, Object> payments = map(get(certgw, "authorities.payments"));
        assertThat(payments).containsEntry("certificate-chain", "file:/etc/cert-gateway/authorities/payments/tls.crt")
                .containsEntry("private-key", "file:/etc/cert-gateway/authorities/payments/tls.key")
                .containsEntry("crl-distribution-point", "http://pki.example.internal/crl/payments.crl");
        assertThat(mounts(container)).containsEntry("ca-payments", "/etc/cert-gateway/authorities/payments");
        assertThat(readOnly(container, "ca-payments")).isTrue();
        Map<String, Object> paymentsVolume = volume(production, "ca-payments");
        assertThat(get(paymentsVolume, "secret.secretName")).isEqualTo("payments-ca");
        assertThat(list(get(paymentsVolume, "secret.items"))).extracting(i -> get(i, "path"))
                .containsExactlyInAnyOrder("tls.key", "tls.crt");

        Map<String, Object> legacy = map(get(certgw, "authorities.legacy.keystore"));
        assertThat(legacy).containsEntry("location", "file:/etc/cert-gateway/authorities/legacy/legacy.p12")
                .containsEntry("password", "${KEYSTORE_PASSWORD_LEGACY}")
                .containsEntry("alias", "issuing");
        assertThat(readOnly(container, "ca-legacy")).isTrue();

        // ACM PCA needs no Secret and no mount: credentials come from IRSA.
        Map<String, Object> acm = map(get(certgw, "authorities.prod-issuing"));
        assertThat(acm).containsEntry("backend", "acm-pca").doesNotContainKeys("private-key", "certificate-chain");
        assertThat(map(acm.get("acm-pca")))
                .containsEntry("arn", "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/"
                        + "11111111-2222-3333-4444-555555555555")
                .containsEntry("rate-limit", 10)
                .containsEntry("get-certificate-rate-limit", 30);
        assertThat(mounts(container)).doesNotContainKey("ca-prod-issuing");
    }

    @Test
    void applicationYamlCarriesDatabaseJwtSecurityAndIdempotencySettingsButNoPassword() {
        List<Map<String, Object>> documents = applicationYaml(production);
        Map<String, Object> generated = documents.get(0);
        assertThat(map(get(generated, "spring.datasource")))
                .containsEntry("url", "jdbc:postgresql://certgw.cluster-abc123.eu-west-1.rds.amazonaws.com:5432/"
                        + "certgw?sslmode=verify-full")
                .containsEntry("username", "certgw_app")
                .doesNotContainKey("password");
        assertThat(map(get(generated, "spring.security.oauth2.resourceserver.jwt")))
                .containsEntry("issuer-uri", "https://login.example.internal/realms/platform")
                .containsEntry("audiences", List.of("cert-gateway"));
        assertThat(get(generated, "certgw.security.team-claim")).isEqualTo("tenant");
        assertThat(map(get(generated, "certgw.idempotency"))).containsEntry("window", "5m")
                .containsEntry("lease", "45s").containsEntry("cleanup-interval", "1m")
                .containsEntry("cleanup-batch-size", 1000);
        // extraConfig follows as a later document, which Spring lets override the generated one.
        assertThat(documents).hasSize(2);
        assertThat(get(documents.get(1), "spring.datasource.hikari.maximum-pool-size")).isEqualTo(20);

        Map<String, Object> container = container(production);
        assertThat(env(container)).containsEntry("SPRING_CONFIG_ADDITIONAL_LOCATION",
                "file:/etc/cert-gateway/config/application.yaml");
        assertThat(mounts(container)).containsEntry("config", "/etc/cert-gateway/config");
    }

    @Test
    void aPublicJwtKeyShipsInTheConfigMap() {
        String pem = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1L\n"
                + "-----END PUBLIC KEY-----\n";
        Manifests manifests = render(sets("jwt.publicKey", pem));
        Map<String, Object> config = manifests.named("ConfigMap", FULLNAME + "-config");
        assertThat(data(config, "jwt-public.pem")).isEqualTo(pem);
        assertThat(get(applicationYaml(manifests).get(0), "spring.security.oauth2.resourceserver.jwt"))
                .isEqualTo(Map.of("public-key-location", "file:/etc/cert-gateway/config/jwt-public.pem"));
    }

    @Test
    void thePolicyShipsInItsOwnConfigMapAndTheGatewayIsPointedAtIt() {
        Map<String, Object> policyMap = production.named("ConfigMap", FULLNAME + "-policy");
        Object rendered = new Yaml().load(data(policyMap, "policy.yaml"));
        Object expected = get(new Yaml().load(read(PRODUCTION_VALUES)), "policy.content");
        assertThat(rendered).isEqualTo(expected);

        assertThat(map(get(applicationYaml(production).get(0), "certgw.policy")))
                .containsEntry("location", "file:/etc/cert-gateway/policy/policy.yaml")
                .containsEntry("reload-interval", "10s");
        Map<String, Object> container = container(production);
        // A directory mount (no subPath), so edits to the ConfigMap reach the running pods too.
        assertThat(mounts(container)).containsEntry("policy", "/etc/cert-gateway/policy");
        assertThat(list(container.get("volumeMounts"))).noneMatch(m -> map(m).containsKey("subPath"));
        assertThat(get(volume(production, "policy"), "configMap.name")).isEqualTo(FULLNAME + "-policy");

        // No policy configured: no ConfigMap, no location, the gateway says it enforces none.
        assertThat(defaults.ofKind("ConfigMap")).extracting(c -> get(c, "metadata.name"))
                .containsExactly(FULLNAME + "-config");
        assertThat(map(applicationYaml(defaults).get(0).get("certgw"))).doesNotContainKey("policy");
    }

    @Test
    void aPolicyOrConfigurationChangeRollsThePods() {
        Map<String, Object> before = podAnnotations(production);
        Map<String, Object> policyChanged = podAnnotations(render(
                sets("policy.content.teams.payments.dns.allow[0]", ".other.example.internal"), PRODUCTION_VALUES));
        Map<String, Object> configChanged = podAnnotations(render(sets("idempotency.lease", "50s"), PRODUCTION_VALUES));

        assertThat(before.get("checksum/policy")).asString().matches("[0-9a-f]{64}");
        assertThat(before.get("checksum/config")).asString().matches("[0-9a-f]{64}");
        assertThat(policyChanged.get("checksum/policy")).isNotEqualTo(before.get("checksum/policy"));
        assertThat(policyChanged.get("checksum/config")).isEqualTo(before.get("checksum/config"));
        assertThat(configChanged.get("checksum/config")).isNotEqualTo(before.get("checksum/config"));
        assertThat(configChanged.get("checksum/policy")).isEqualTo(before.get("checksum/policy"));
        // Same values, same sums: an upgrade that changes nothing does not restart anything.
        assertThat(podAnnotations(render(Map.of(), PRODUCTION_VALUES))).isEqualTo(before);
    }

    /**
     * Helm's template output leaves hooks out, so the job is rendered from a copy of the chart whose job is
     * not a hook; the hook annotations are checked on the template itself.
     */
    @Test
    void migrationsRunInAHookJobOnlyWhenAskedAndItsPodsAreNotSelectedByTheService() throws Exception {
        Path template = CHART.resolve("templates/migration-job.yaml");
        assertThat(Files.readString(template))
                .contains("\"helm.sh/hook\": pre-install,pre-upgrade")
                .contains("\"helm.sh/hook-delete-policy\": before-hook-creation,hook-succeeded");
        Path copy = Files.createTempDirectory("chart").resolve("cert-gateway");
        try (var files = Files.walk(CHART)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path copiedJob = copy.resolve("templates/migration-job.yaml");
        Files.writeString(copiedJob, Files.readString(copiedJob).lines()
                .filter(line -> !line.contains("\"helm.sh/hook"))
                .collect(Collectors.joining("\n")));
        assertThat(Manifests.parse(renderText(copy, Map.of())).ofKind("Job")).isEmpty();
        Manifests rendered = Manifests.parse(renderText(copy, Map.of(), PRODUCTION_VALUES));
        Map<String, Object> job = rendered.one("Job");
        Map<String, Object> container = map(list(get(job, "spec.template.spec.containers")).get(0));
        assertThat(list(container.get("args"))).containsExactly("migrate");
        Map<String, Object> env = new LinkedHashMap<>();
        for (Object variable : list(container.get("env"))) {
            env.put((String) map(variable).get("name"), map(variable));
        }
        assertThat(map(env.get("SPRING_DATASOURCE_USERNAME"))).containsEntry("value", "certgw_owner");
        assertThat(get(env.get("SPRING_DATASOURCE_PASSWORD"), "valueFrom.secretKeyRef.name"))
                .isEqualTo("certgw-database-owner");
        assertThat(get(env.get("SPRING_DATASOURCE_PASSWORD"), "valueFrom.secretKeyRef.key")).isEqualTo("password");
        assertThat(get(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        Map<String, Object> podLabels = map(get(job, "spec.template.metadata.labels"));
        Map<String, Object> serviceSelector = map(get(rendered.one("Service"), "spec.selector"));
        assertThat(podLabels.entrySet()).as("the Service must not route to the migration pod")
                .doesNotContainAnyElementsOf(serviceSelector.entrySet());
    }

    @Test
    void serviceAccountCarriesTheIrsaRoleAnnotation() {
        Map<String, Object> account = production.one("ServiceAccount");
        assertThat(map(get(account, "metadata.annotations")))
                .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/cert-gateway");
        assertThat(account.get("automountServiceAccountToken")).isEqualTo(false);
        assertThat(get(production.one("Deployment"), "spec.template.spec.serviceAccountName")).isEqualTo(FULLNAME);
        assertThat(map(get(defaults.one("ServiceAccount"), "metadata"))).doesNotContainKey("annotations");
    }

    @Test
    void prometheusRuleEmbedsTheSharedRuleFileUntemplated() {
        assertThat(defaults.ofKind("PrometheusRule")).isEmpty();
        assertThat(defaults.ofKind("ServiceMonitor")).isEmpty();
        Map<String, Object> rule = production.one("PrometheusRule");
        assertThat(rule.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
        Object groups = get(new Yaml().load(read(HelmChart.CHART.resolve("files/prometheus-rules.yaml"))), "groups");
        // Equal to the file, including Prometheus' own {{ $labels }} templates that Helm must leave alone.
        assertThat(get(rule, "spec.groups")).isEqualTo(groups);
        assertThat(list(get(rule, "spec.groups"))).extracting(g -> get(g, "name")).contains("cert-gateway");
    }

    @Test
    void grafanaDashboardConfigMapIsOptionalAndLabelledForTheSidecar() {
        assertThat(defaults.ofKind("ConfigMap")).noneMatch(c -> String.valueOf(get(c, "metadata.name"))
                .endsWith("-dashboard"));
        Map<String, Object> dashboard = production.named("ConfigMap", FULLNAME + "-dashboard");
        assertThat(get(dashboard, "metadata.labels.grafana_dashboard")).isEqualTo("1");
        assertThat(data(dashboard, "cert-gateway.json").strip())
                .isEqualTo(read(HelmChart.CHART.resolve("files/grafana-dashboard.json")).strip());
    }

    @Test
    void imageDefaultsToTheAppVersionAndCanBePinnedByDigest() {
        assertThat(container(defaults).get("image")).isEqualTo("cert-gateway:0.1.0");
        String digest = "sha256:" + "a".repeat(64);
        assertThat(container(render(sets("image.digest", digest))).get("image"))
                .isEqualTo("cert-gateway@" + digest);
    }

    @Test
    void schemaRejectsBadValues() {
        assertRejected(sets("replicaCount", "two"), "replicaCount");
        assertRejected(sets("replicas", 3), "replicas");
        assertRejected(sets("management.port", 70000), "port");
        assertRejected(sets("authorities.team-a.backend", "vault"), "backend");
        assertRejected(sets("idempotency.window", "five minutes"), "window");
        // A local authority without the Secret holding its key.
        assertRejected(sets("authorities.team-a.privateKeyKey", "key.pem"), "existingSecret");
        // An ACM PCA authority with a local key makes no sense.
        assertRejected(sets("authorities.pca.backend", "acm-pca", "authorities.pca.existingSecret", "x",
                "authorities.pca.acmPca.arn",
                "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/abc"), "authorities");
        // Someone pasting a password into values gets a schema error, not a rendered Secret.
        assertRejected(sets("database.password", "hunter2"), "password");
    }

    private static void assertRejected(Map<String, Object> sets, String mentioned) {
        assertThatThrownBy(() -> render(sets)).as("%s", sets).hasMessageContaining(mentioned)
                .hasMessageContaining("schema");
    }

    // ---- helpers ----

    private static Map<String, Object> container(Manifests manifests) {
        List<Object> containers = list(get(manifests.one("Deployment"), "spec.template.spec.containers"));
        assertThat(containers).hasSize(1);
        return map(containers.get(0));
    }

    private static void assertProbes(Map<String, Object> container, String port) {
        assertThat(get(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(get(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(get(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(get(container, probe + ".httpGet.port")).as(probe).isEqualTo(port);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containerPorts(Map<String, Object> container) {
        return (List<Map<String, Object>>) (List<?>) list(container.get("ports"));
    }

    private static List<Object> servicePortNames(Manifests manifests) {
        return list(get(manifests.one("Service"), "spec.ports")).stream().map(p -> get(p, "name")).toList();
    }

    private static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (Object envVar : list(container.get("env"))) {
            values.put((String) get(envVar, "name"), get(envVar, "value"));
        }
        return values;
    }

    private static Map<String, Object> envVar(Map<String, Object> container, String name) {
        for (Object envVar : list(container.get("env"))) {
            if (name.equals(get(envVar, "name"))) {
                Map<String, Object> copy = new java.util.LinkedHashMap<>(map(envVar));
                copy.remove("name");
                return copy;
            }
        }
        throw new AssertionError("no env var " + name);
    }

    private static Map<String, Object> mounts(Map<String, Object> container) {
        Map<String, Object> mounts = new java.util.LinkedHashMap<>();
        for (Object mount : list(container.get("volumeMounts"))) {
            mounts.put((String) get(mount, "name"), get(mount, "mountPath"));
        }
        return mounts;
    }

    private static boolean readOnly(Map<String, Object> container, String volume) {
        return list(container.get("volumeMounts")).stream()
                .anyMatch(m -> volume.equals(get(m, "name")) && Boolean.TRUE.equals(get(m, "readOnly")));
    }

    private static Map<String, Object> volume(Manifests manifests, String name) {
        return list(get(manifests.one("Deployment"), "spec.template.spec.volumes")).stream()
                .filter(v -> name.equals(get(v, "name"))).map(HelmChart::map).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static Map<String, Object> podAnnotations(Manifests manifests) {
        return map(get(manifests.one("Deployment"), "spec.template.metadata.annotations"));
    }

    private static List<Map<String, Object>> applicationYaml(Manifests manifests) {
        String text = data(manifests.named("ConfigMap", FULLNAME + "-config"), "application.yaml");
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(text)) {
            documents.add(map(document));
        }
        return documents;
    }

    /** A ConfigMap entry; its key has dots, so it cannot go through {@link HelmChart#get}. */
    private static String data(Map<String, Object> configMap, String key) {
        return (String) map(configMap.get("data")).get(key);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
