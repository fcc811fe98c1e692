package dev.certgateway.issuance;

import dev.certgateway.x509.SignatureProviders;
import java.security.Provider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Compares a certificate a backend returned with what the gateway decided to issue. A remote CA composes the
 * certificate itself; a misconfigured template, a confused ARN or a bug on either side must not hand a
 * caller a certificate that policy never saw. Only the properties that matter for trust are compared: who
 * signed it, for which key, for which names.
 */
final class ReturnedCertificateCheck {

    private static final Provider BC = SignatureProviders.bouncyCastle();

    private ReturnedCertificateCheck() {
    }

    /** Every difference, as sentences; empty when the certificate is the one that was asked for. */
    static List<String> differences(X509CertificateHolder certificate, X509CertificateHolder authorityCertificate,
            SubjectPublicKeyInfo expectedKey, X500Name expectedSubject, GeneralNames expectedNames) {
        List<String> differences = new ArrayList<>();
        if (!certificate.getIssuer().equals(authorityCertificate.getSubject())) {
            differences.add("issuer is " + certificate.getIssuer() + ", not the authority "
                    + authorityCertificate.getSubject());
        } else if (!signedBy(certificate, authorityCertificate)) {
            differences.add("signature does not verify with the authority's key");
        }
        if (!certificate.getSubjectPublicKeyInfo().equals(expectedKey)) {
            differences.add("public key is not the CSR's");
        }
        if (!certificate.getSubject().equals(expectedSubject)) {
            differences.add("subject is '" + certificate.getSubject() + "', expected '" + expectedSubject + "'");
        }
        GeneralNames actualNames = GeneralNames.fromExtensions(certificate.getExtensions(),
                Extension.subjectAlternativeName);
        // Compared as sets: a CA may reorder the names, which changes nothing a relying party checks.
        if (!names(actualNames).equals(names(expectedNames))) {
            differences.add("subject alternative names are " + SubjectAlternativeNames.describe(actualNames)
                    + ", expected " + SubjectAlternativeNames.describe(expectedNames));
        }
        return differences;
    }

    private static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder authority) {
        try {
            return certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC)
                    .build(authority));
        } catch (Exception e) {
            return false;
        }
    }

    private static Set<GeneralName> names(GeneralNames names) {
        return names == null ? Set.of() : new HashSet<>(List.of(names.getNames()));
    }
}
