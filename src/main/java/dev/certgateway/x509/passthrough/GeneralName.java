package dev.certgateway.x509.passthrough;

/** An X.509 GeneralName; exactly one member must be set. */
public record GeneralName(
        OtherName otherName,
        String rfc822Name,
        String dnsName,
        ASN1Subject directoryName,
        EdiPartyName ediPartyName,
        String uniformResourceIdentifier,
        String ipAddress,
        String registeredId) {
}
