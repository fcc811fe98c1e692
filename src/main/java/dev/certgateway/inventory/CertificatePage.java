package dev.certgateway.inventory;

import java.util.List;

/** One page of a listing; {@code nextToken} is null on the last page. */
public record CertificatePage(List<IssuedCertificate> certificates, String nextToken) {
}
