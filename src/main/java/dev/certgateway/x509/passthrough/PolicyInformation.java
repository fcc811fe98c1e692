package dev.certgateway.x509.passthrough;

import java.util.List;

/** One certificate policy: its OID and optional CPS qualifiers. */
public record PolicyInformation(String certPolicyId, List<PolicyQualifierInfo> policyQualifiers) {
}
