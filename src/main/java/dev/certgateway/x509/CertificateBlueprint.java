package dev.certgateway.x509;

import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The effective certificate, ready to sign: everything except the signature. Policy is evaluated on this, so what
 * policy sees is exactly what gets signed.
 *
 * @param extensions in a stable order (BasicConstraints, KeyUsage, ExtendedKeyUsage, SubjectAlternativeName,
 *                   SubjectKeyIdentifier, AuthorityKeyIdentifier, CRLDistributionPoints, AuthorityInfoAccess,
 *                   CertificatePolicies, then others in the order given)
 * @param warnings   human sentences about input that was ignored or dropped, in the order it was considered
 */
public record CertificateBlueprint(
        BigInteger serialNumber,
        X500Name issuer,
        X500Name subject,
        SubjectPublicKeyInfo publicKey,
        ValidityPeriod validity,
        List<Extension> extensions,
        List<String> warnings) {

    public CertificateBlueprint {
        extensions = List.copyOf(extensions);
        warnings = List.copyOf(warnings);
    }

    /** The extension with this OID, or null. */
    public Extension extension(ASN1ObjectIdentifier oid) {
        return extensions.stream().filter(e -> e.getExtnId().equals(oid)).findFirst().orElse(null);
    }

    /** The extensions as one BouncyCastle {@link Extensions} (null when there are none, as in a certificate). */
    public Extensions toExtensions() {
        return extensions.isEmpty() ? null : new Extensions(extensions.toArray(Extension[]::new));
    }

    /** The BasicConstraints extension's value, or null when the certificate has none. */
    public BasicConstraints basicConstraints() {
        Extension e = extension(Extension.basicConstraints);
        return e == null ? null : BasicConstraints.getInstance(e.getParsedValue());
    }

    /** True when the certificate will be a CA certificate (BasicConstraints cA TRUE). */
    public boolean certificateAuthority() {
        BasicConstraints bc = basicConstraints();
        return bc != null && bc.isCA();
    }

    /** The KeyUsage extension's value, or null when the certificate has none. */
    public KeyUsage keyUsage() {
        Extension e = extension(Extension.keyUsage);
        return e == null ? null : KeyUsage.getInstance(e.getParsedValue());
    }

    /** The ExtendedKeyUsage extension's value, or null when the certificate has none. */
    public ExtendedKeyUsage extendedKeyUsage() {
        Extension e = extension(Extension.extendedKeyUsage);
        return e == null ? null : ExtendedKeyUsage.getInstance(e.getParsedValue());
    }

    /** The SubjectAlternativeName extension's names, or null when the certificate has none. */
    public GeneralNames subjectAlternativeNames() {
        Extension san = extension(Extension.subjectAlternativeName);
        return san == null ? null : GeneralNames.getInstance(san.getParsedValue());
    }
}
