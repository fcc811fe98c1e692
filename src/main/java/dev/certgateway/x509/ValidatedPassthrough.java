package dev.certgateway.x509;

import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * API passthrough after validation, in BouncyCastle terms.
 *
 * @param subject                 null when the API gives no subject attribute
 * @param subjectAlternativeNames null when the API gives none
 * @param sanSource               the JSON path the SANs came from, for warnings; null with the SANs
 * @param extensions              every other API extension (keyUsage, extendedKeyUsage, certificatePolicies,
 *                                customExtensions), each with the JSON path it came from
 */
record ValidatedPassthrough(
        X500Name subject,
        GeneralNames subjectAlternativeNames,
        String sanSource,
        List<SourcedExtension> extensions) {

    boolean isEmpty() {
        return subject == null && subjectAlternativeNames == null && extensions.isEmpty();
    }
}
