package dev.certgateway.issuance;

import static dev.certgateway.issuance.IssuanceIntegrationTests.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import dev.certgateway.testsupport.TestCsr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TeamIsolationIntegrationTests extends IntegrationTestSupport {

    private String issue(String team, String cn) {
        Response response = post("/api/v1/certificates", token(team),
                body("test-ec", TestCsr.withSharedEcKey().subject("CN=" + cn).pem(), "SHA256WITHECDSA"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    @Test
    void anotherTeamsCertificateIsNotFoundAndNotListed() {
        String alpha = "alpha-" + UUID.randomUUID();
        String beta = "beta-" + UUID.randomUUID();
        String id = issue(alpha, "alpha.example");

        assertThat(get("/api/v1/certificates/" + id, token(alpha)).status()).isEqualTo(200);
        Response foreign = get("/api/v1/certificates/" + id, token(beta));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("code").asString()).isEqualTo("ResourceNotFoundException");
        assertThat(get("/api/v1/certificates", token(beta)).json().get("certificates")).isEmpty();
        assertThat(get("/api/v1/certificates/not-a-uuid", token(alpha)).status()).isEqualTo(404);
    }

    @Test
    void listingIsNewestFirstAndPaged() {
        String team = "pager-" + UUID.randomUUID();
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issued.add(issue(team, "n" + i + ".example"));
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Response page = get("/api/v1/certificates?maxResults=2" + (next == null ? "" : "&nextToken=" + next),
                    token(team));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode json = page.json();
            json.get("certificates").forEach(c -> {
                seen.add(c.get("id").asString());
                assertThat(c.has("certificate")).isFalse();
                assertThat(c.get("subject").asString()).startsWith("CN=n");
            });
            next = json.get("nextToken") == null || json.get("nextToken").isNull() ? null
                    : json.get("nextToken").asString();
            pages++;
        } while (next != null);
        assertThat(pages).isEqualTo(3);
        List<String> newestFirst = new ArrayList<>(issued);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }
}
