package dev.certgateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.TestAuthorities;
import dev.certgateway.testsupport.TestCsr;
import dev.certgateway.testsupport.TestPki;
import dev.certgateway.x509.CertificateAssembler;
import dev.certgateway.x509.CertificateBlueprint;
import dev.certgateway.x509.CertificateComposer;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.CsrParser;
import dev.certgateway.x509.IssuerInfo;
import dev.certgateway.x509.ParsedCsr;
import dev.certgateway.x509.SigningAlgorithm;
import dev.certgateway.x509.ValidityPeriod;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

/** The check every returned certificate passes before it is recorded: issuer, key, subject, names. */
class ReturnedCertificateCheckTests {

    private static final TestAuthorities PKI = TestAuthorities.get();
    private final X509CertificateHolder ca = PKI.chain("test-sub").get(0);
    private final ParsedCsr csr = new CsrParser().parse(TestCsr.withSharedEcKey().subject("CN=app.example")
            .dns("app.example", "www.app.example").pem());
    private final CertificateBlueprint blueprint = new CertificateComposer().compose(csr,
            CertificateTemplate.fromArn(null), null,
            new ValidityPeriod(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1))),
            IssuerInfo.of(ca, null, null, null), BigInteger.TEN);

    private X509CertificateHolder signedBy(String authority, CertificateBlueprint what) {
        return CertificateAssembler.sign(what, CertificateAssembler.signer(SigningAlgorithm.SHA384WITHECDSA,
                PKI.key(authority).getPrivate()));
    }

    private List<String> differences(X509CertificateHolder certificate) {
        return ReturnedCertificateCheck.differences(certificate, ca, blueprint.publicKey(), blueprint.subject(),
                blueprint.subjectAlternativeNames());
    }

    @Test
    void theRequestedCertificatePasses() {
        assertThat(differences(signedBy("test-sub", blueprint))).isEmpty();
    }

    @Test
    void sameIssuerNameButAnotherKeyFails() {
        // test-ec's key signing a certificate that names test-sub as issuer: only the signature tells.
        assertThat(differences(signedBy("test-ec", blueprint)))
                .containsExactly("signature does not verify with the authority's key");
    }

    @Test
    void otherKeySubjectOrNamesFail() {
        CertificateBlueprint changed = new CertificateBlueprint(blueprint.serialNumber(), blueprint.issuer(),
                new X500Name("CN=evil.example"),
                SubjectPublicKeyInfo.getInstance(TestPki.ecKey("secp256r1").getPublic().getEncoded()),
                blueprint.validity(), blueprint.extensions().stream()
                        .map(e -> e.getExtnId().equals(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName)
                                ? new org.bouncycastle.asn1.x509.Extension(e.getExtnId(), false,
                                        new org.bouncycastle.asn1.DEROctetString(encoded(new GeneralNames(
                                                new GeneralName(GeneralName.dNSName, "evil.example")))))
                                : e).toList(), List.of());
        assertThat(differences(signedBy("test-sub", changed))).containsExactly(
                "public key is not the CSR's",
                "subject is 'CN=evil.example', expected 'CN=app.example'",
                "subject alternative names are [DNS:evil.example], expected [DNS:app.example, DNS:www.app.example]");
    }

    private static byte[] encoded(GeneralNames names) {
        try {
            return names.getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
