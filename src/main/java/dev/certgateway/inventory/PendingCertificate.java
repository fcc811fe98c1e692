package dev.certgateway.inventory;

import java.time.Instant;

/**
 * A certificate an asynchronous backend has accepted but not yet issued, with what it must contain (DER).
 *
 * @param subjectAltNames null when the certificate must have no SubjectAlternativeName
 */
public record PendingCertificate(
        IssuedCertificate record,
        byte[] publicKey,
        byte[] subject,
        byte[] subjectAltNames,
        Instant createdAt) {
}
