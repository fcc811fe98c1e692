package dev.certgateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Answers that fit the response buffer go out whole, with their length, not chunked after an early flush. */
class WholeResponseIntegrationTests extends IntegrationTestSupport {

    @Test
    void anIssuedCertificateIsAnsweredWithItsLengthAndNotChunked() {
        Response issued = post("/api/v1/certificates", token("whole-" + UUID.randomUUID()),
                oneDayRequest("whole.example", null));

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertWhole(issued);
    }

    @Test
    void aProblemIsAnsweredWithItsLengthAndNotChunked() {
        Map<String, Object> request = new HashMap<>(oneDayRequest("whole.example", null));
        request.put("csr", "not a CSR");

        Response rejected = post("/api/v1/certificates", token("whole-" + UUID.randomUUID()), request);

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertWhole(rejected);
    }

    private static void assertWhole(Response response) {
        assertThat(response.header("Transfer-Encoding")).isNull();
        assertThat(response.header("Content-Length"))
                .isEqualTo(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length));
    }
}
