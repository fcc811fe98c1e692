package dev.certgateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoteIdempotencyTokenTests {

    private static final String FINGERPRINT = "a".repeat(64);

    @Test
    void fitsAcmPcasLimitAndIsStableForOneTeamsRequest() {
        String token = RemoteIdempotencyToken.derive("payments", "deploy-42", FINGERPRINT, "r1");
        assertThat(token).hasSize(36).matches("[A-Za-z0-9_-]{36}");
        // The SDK's and the caller's retries send the same token: ACM PCA issues once.
        assertThat(RemoteIdempotencyToken.derive("payments", "deploy-42", FINGERPRINT, "r2")).isEqualTo(token);
    }

    @Test
    void differsByTeamTokenAndRequest() {
        String token = RemoteIdempotencyToken.derive("payments", "deploy-42", FINGERPRINT, "r1");
        assertThat(RemoteIdempotencyToken.derive("billing", "deploy-42", FINGERPRINT, "r1")).isNotEqualTo(token);
        assertThat(RemoteIdempotencyToken.derive("payments", "deploy-43", FINGERPRINT, "r1")).isNotEqualTo(token);
        assertThat(RemoteIdempotencyToken.derive("payments", "deploy-42", "b".repeat(64), "r1")).isNotEqualTo(token);
    }

    @Test
    void withoutACallerTokenEachRequestHasItsOwn() {
        String first = RemoteIdempotencyToken.derive("payments", null, FINGERPRINT, "r1");
        assertThat(first).hasSize(36);
        assertThat(RemoteIdempotencyToken.derive("payments", null, FINGERPRINT, "r2")).isNotEqualTo(first);
        assertThat(RemoteIdempotencyToken.derive("payments", null, FINGERPRINT, "r1")).isEqualTo(first);
    }
}
