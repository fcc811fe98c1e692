package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * ACM PCA's ASN1Subject: an X.500 distinguished name given attribute by attribute. Custom attributes cannot be
 * combined with the standard ones.
 */
@Schema(description = "An X.500 distinguished name given attribute by attribute")
public record ASN1Subject(
        @Schema(description = "Two-letter country code", example = "DE")
        String country,
        @Schema(description = "Organization (O), up to 64 characters", example = "Example Corp")
        String organization,
        @Schema(description = "Organizational unit (OU)")
        String organizationalUnit,
        String distinguishedNameQualifier,
        String state,
        @Schema(description = "Common name (CN), up to 64 characters", example = "api.example.internal")
        String commonName,
        String serialNumber,
        String locality,
        String title,
        String surname,
        String givenName,
        String initials,
        String pseudonym,
        String generationQualifier,
        @Schema(description = "Attributes by OID; cannot be combined with the standard attributes")
        List<CustomAttribute> customAttributes) {
}
