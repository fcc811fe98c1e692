package dev.certgateway.x509;

import java.io.IOException;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A parsed CSR whose signature verified and whose key passed the key check.
 *
 * @param subject                 the requested subject; may be empty (no RDNs) when a SAN is requested
 * @param requestedExtensions     from the extensionRequest attribute; null when none
 * @param subjectAlternativeNames from {@code requestedExtensions}; null when none
 */
public record ParsedCsr(
        PKCS10CertificationRequest request,
        X500Name subject,
        SubjectPublicKeyInfo publicKeyInfo,
        KeyDescription key,
        Extensions requestedExtensions,
        GeneralNames subjectAlternativeNames) {

    /** The DER encoding of the CSR, e.g. for fingerprinting a request. */
    public byte[] encoded() {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("a parsed CSR always re-encodes", e);
        }
    }
}
