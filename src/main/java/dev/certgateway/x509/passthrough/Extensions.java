package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** ACM PCA's Extensions structure of ApiPassthrough. Every member is optional. */
@Schema(description = "X.509 extensions given through ApiPassthrough")
public record Extensions(
        @Schema(description = "Certificate policies, each an OID with optional CPS qualifiers")
        List<PolicyInformation> certificatePolicies,
        @Schema(description = "Extended key usages; taken only by Blank templates")
        List<ExtendedKeyUsage> extendedKeyUsage,
        @Schema(description = "Key usage bits; taken only by Blank templates")
        KeyUsage keyUsage,
        @Schema(description = "Subject alternative names; replace the CSR's")
        List<GeneralName> subjectAlternativeNames,
        @Schema(description = "Further extensions as OID, base64 DER value and critical flag; at most 150, one per OID")
        List<CustomExtension> customExtensions) {
}
