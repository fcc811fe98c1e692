package dev.certgateway.issuance;

import dev.certgateway.inventory.IssuedCertificate;

/** The certificate a request gets, and whether it was issued for an earlier request with the same token. */
public record IssuanceResult(IssuedCertificate certificate, boolean replayed) {
}
