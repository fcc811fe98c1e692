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

    /** Held-back flushes must not hold back what does not fit: the buffer still goes out as it fills. */
    @Test
    void anAnswerLargerThanTheBufferIsSentChunkedAndArrivesComplete() {
        String token = token("whole-" + UUID.randomUUID());
        for (int i = 0; i < 25; i++) {
            assertThat(post("/api/v1/certificates", token, oneDayRequest("whole-" + i + ".example", null)).status())
                    .isEqualTo(201);
        }

        Response listing = get("/api/v1/certificates?maxResults=25", token);

        assertThat(listing.status()).as(listing.body()).isEqualTo(200);
        assertThat(listing.body().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(8 * 1024);
        assertThat(listing.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(listing.json().get("certificates")).hasSize(25);
    }

    private static void assertWhole(Response response) {
        assertThat(response.header("Transfer-Encoding")).isNull();
        assertThat(response.header("Content-Length"))
                .isEqualTo(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length));
    }
}
