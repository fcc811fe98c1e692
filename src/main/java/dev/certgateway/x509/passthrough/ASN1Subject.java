package dev.certgateway.x509.passthrough;

import java.util.List;

/**
 * ACM PCA's ASN1Subject: an X.500 distinguished name given attribute by attribute. Custom attributes cannot be
 * combined with the standard ones.
 */
public record ASN1Subject(
        String country,
        String organization,
        String organizationalUnit,
        String distinguishedNameQualifier,
        String state,
        String commonName,
        String serialNumber,
        String locality,
        String title,
        String surname,
        String givenName,
        String initials,
        String pseudonym,
        String generationQualifier,
        List<CustomAttribute> customAttributes) {
}
