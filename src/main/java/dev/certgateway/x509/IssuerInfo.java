package dev.certgateway.x509;

import java.math.BigInteger;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What the composer needs to know about the issuing authority.
 *
 * @param subjectKeyIdentifier    the CA certificate's SKI; null means "compute it from {@code publicKey}"
 * @param pathLenConstraint       the CA certificate's BasicConstraints pathLenConstraint; null means unlimited
 * @param crlDistributionPointUri when non-null, issued certificates get a CRLDistributionPoints extension
 * @param caIssuersUri            with {@code ocspUri}: when either is non-null, issued certificates get an
 *                                AuthorityInfoAccess extension
 */
public record IssuerInfo(
        X500Name subject,
        SubjectPublicKeyInfo publicKey,
        byte[] subjectKeyIdentifier,
        Integer pathLenConstraint,
        String crlDistributionPointUri,
        String caIssuersUri,
        String ocspUri) {

    public IssuerInfo {
        subjectKeyIdentifier = subjectKeyIdentifier == null ? null : subjectKeyIdentifier.clone();
    }

    @Override
    public byte[] subjectKeyIdentifier() {
        return subjectKeyIdentifier == null ? null : subjectKeyIdentifier.clone();
    }

    // Records compare arrays by reference; compare the key identifier by content so equal descriptions are equal.
    @Override
    public boolean equals(Object o) {
        return o instanceof IssuerInfo other
                && java.util.Objects.equals(subject, other.subject)
                && java.util.Objects.equals(publicKey, other.publicKey)
                && java.util.Arrays.equals(subjectKeyIdentifier, other.subjectKeyIdentifier)
                && java.util.Objects.equals(pathLenConstraint, other.pathLenConstraint)
                && java.util.Objects.equals(crlDistributionPointUri, other.crlDistributionPointUri)
                && java.util.Objects.equals(caIssuersUri, other.caIssuersUri)
                && java.util.Objects.equals(ocspUri, other.ocspUri);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(subject, publicKey, java.util.Arrays.hashCode(subjectKeyIdentifier),
                pathLenConstraint, crlDistributionPointUri, caIssuersUri, ocspUri);
    }

    @Override
    public String toString() {
        return "IssuerInfo[subject=" + subject + ", subjectKeyIdentifier="
                + (subjectKeyIdentifier == null ? null : org.bouncycastle.util.encoders.Hex.toHexString(
                        subjectKeyIdentifier))
                + ", pathLenConstraint=" + pathLenConstraint + ", crlDistributionPointUri=" + crlDistributionPointUri
                + ", caIssuersUri=" + caIssuersUri + ", ocspUri=" + ocspUri + "]";
    }

    /** Describes the authority from its own certificate plus the URIs it is configured with (each optional). */
    public static IssuerInfo of(X509CertificateHolder caCertificate, String crlDistributionPointUri,
            String caIssuersUri, String ocspUri) {
        Extensions extensions = caCertificate.getExtensions();
        SubjectKeyIdentifier ski = extensions == null ? null : SubjectKeyIdentifier.fromExtensions(extensions);
        BasicConstraints bc = extensions == null ? null : BasicConstraints.fromExtensions(extensions);
        BigInteger pathLen = bc == null ? null : bc.getPathLenConstraint();
        return new IssuerInfo(caCertificate.getSubject(), caCertificate.getSubjectPublicKeyInfo(),
                ski == null ? null : ski.getKeyIdentifier(),
                pathLen == null ? null : pathLen.intValueExact(),
                crlDistributionPointUri, caIssuersUri, ocspUri);
    }
}
