package dev.certgateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The API description is a product surface: the one the gateway serves must be the one committed in
 * docs/openapi.yaml, so no change to the API goes unnoticed. After an intended change, run the build with
 * {@code -Dcertgw.openapi.update=true} (or copy target/openapi.yaml) and commit the new description.
 */
class OpenApiContractIntegrationTests extends IntegrationTestSupport {

    private static final Path COMMITTED = Path.of("docs/openapi.yaml");
    private static final Path SERVED_COPY = Path.of("target/openapi.yaml");

    @Test
    void servedDescriptionIsTheCommittedOne() throws IOException {
        Response served = get("/v3/api-docs.yaml", null);
        assertThat(served.status()).as("the description is served without a token").isEqualTo(200);
        Files.createDirectories(SERVED_COPY.getParent());
        Files.writeString(SERVED_COPY, served.body());
        if (Boolean.getBoolean("certgw.openapi.update")) {
            Files.writeString(COMMITTED, served.body());
        }
        assertThat(served.body())
                .as("The served API description differs from docs/openapi.yaml. If the change is intended, copy "
                        + "target/openapi.yaml to docs/openapi.yaml (or run with -Dcertgw.openapi.update=true) "
                        + "and commit it.")
                .isEqualTo(Files.readString(COMMITTED));
    }

    @Test
    void descriptionNamesEveryOperationAndTheBearerScheme() {
        String yaml = get("/v3/api-docs.yaml", null).body();
        for (String operationId : new String[] {"issueCertificate", "previewCertificate", "getCertificate",
                "listCertificates", "listAuthorities", "getPolicy", "listAuditEvents"}) {
            assertThat(yaml).contains("operationId: " + operationId);
        }
        assertThat(yaml).contains("scheme: bearer").contains("bearerFormat: JWT");
        assertThat(yaml).contains("application/problem+json").contains("IdempotencyTokenReused")
                .contains("arn:aws:acm-pca:::template/BlankRootCACertificate_PathLen3_APIPassthrough/V1");
    }

    @Test
    void swaggerUiIsReachableWithoutAToken() {
        Response ui = send(HttpRequest.newBuilder(uri("/swagger-ui/index.html")).GET());
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(send(HttpRequest.newBuilder(uri("/swagger-ui.html")).GET()).status()).isIn(200, 302);
    }
}
