package dev.certgateway.issuance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The idempotency token sent to a remote CA (ACM PCA, at most 36 characters). ACM PCA scopes tokens to the
 * AWS account, not to the gateway's teams: sending the caller's token as is would let two teams' equal
 * tokens collapse into one certificate. Derived from team, caller token and request fingerprint instead, so
 * a token names exactly one team's one request; without a caller token, from a value unique to this request,
 * so the SDK's own retries of it are still safe.
 */
final class RemoteIdempotencyToken {

    private RemoteIdempotencyToken() {
    }

    /**
     * @param callerToken the caller's idempotency token, or null
     * @param requestUnique a value unique to this request, used only when there is no caller token
     */
    static String derive(String team, String callerToken, String fingerprint, String requestUnique) {
        String source = callerToken != null
                ? "team=" + team + "\ntoken=" + callerToken + "\nfingerprint=" + fingerprint
                : "team=" + team + "\nrequest=" + requestUnique + "\nfingerprint=" + fingerprint;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            // 27 bytes are exactly 36 base64url characters: 216 bits, ACM PCA's limit used in full.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 27));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
