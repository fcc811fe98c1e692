package dev.certgateway.issuance;

import dev.certgateway.authority.CertificateAuthority;
import dev.certgateway.x509.CertificateBlueprint;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.ParsedCsr;
import java.time.Instant;

/** A request that passed every check: the effective certificate, ready to sign. */
record PreparedIssuance(
        CertificateAuthority authority,
        CertificateTemplate template,
        ParsedCsr csr,
        CertificateBlueprint blueprint,
        Instant now) {
}
