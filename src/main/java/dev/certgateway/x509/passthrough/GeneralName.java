package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;

/** An X.509 GeneralName; exactly one member must be set. */
@Schema(description = "An X.509 GeneralName; exactly one member must be set")
public record GeneralName(
        @Schema(description = "An OtherName: type OID and value")
        OtherName otherName,
        @Schema(description = "An email address", example = "ops@example.internal")
        String rfc822Name,
        @Schema(description = "A DNS name (ASCII, IDNA A-labels)", example = "api.example.internal")
        String dnsName,
        @Schema(description = "A distinguished name") ASN1Subject directoryName,
        @Schema(description = "An EDI party name")
        EdiPartyName ediPartyName,
        @Schema(description = "An absolute URI", example = "spiffe://example.org/ns/payments/sa/api")
        String uniformResourceIdentifier,
        @Schema(description = "An IPv4 or IPv6 address literal", example = "10.1.2.3")
        String ipAddress,
        @Schema(description = "An object identifier", example = "1.3.6.1.4.1.55555.1")
        String registeredId) {
}
