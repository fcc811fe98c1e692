package dev.certgateway.issuance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * SHA-256 over a canonical form of everything that shapes the certificate. Parameters are taken after
 * resolution, so equivalent spellings (alias or ARN, PEM or base64 DER, default or explicit template) are
 * the same request, while any change that would alter the certificate is a different one.
 */
final class RequestFingerprint {

    // Its own mapper, so the fingerprint never changes with the application's JSON settings.
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private RequestFingerprint() {
    }

    static String of(IssueCertificateCommand command, PreparedIssuance prepared) {
        String canonical = String.join("\n",
                "authority=" + prepared.authority().arn(),
                "csr=" + Base64.getEncoder().encodeToString(prepared.csr().encoded()),
                "signingAlgorithm=" + command.signingAlgorithm().name(),
                "template=" + prepared.template().arn(),
                "validity=" + command.validity().type() + ":" + command.validity().value(),
                "validityNotBefore=" + (command.validityNotBefore() == null ? "-"
                        : command.validityNotBefore().type() + ":" + command.validityNotBefore().value()),
                "apiPassthrough=" + (command.apiPassthrough() == null ? "-"
                        : CANONICAL.writeValueAsString(command.apiPassthrough())));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
