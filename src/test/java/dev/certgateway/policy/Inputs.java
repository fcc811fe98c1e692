package dev.certgateway.policy;

import dev.certgateway.x509.CertificateBlueprint;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.KeyDescription;
import dev.certgateway.x509.KeyFamily;
import dev.certgateway.x509.SigningAlgorithm;
import dev.certgateway.x509.ValidityPeriod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** Builds policy inputs for rule tests: an effective certificate as composition would leave it. */
final class Inputs {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private String authority = "test-ec";
    private String template = "EndEntityCertificate";
    private SigningAlgorithm algorithm = SigningAlgorithm.SHA256WITHECDSA;
    private KeyDescription key = new KeyDescription(KeyFamily.EC, 256, "P-256");
    private String subject = "CN=api.payments.example.com";
    private final List<GeneralName> sans = new ArrayList<>();
    private final List<Extension> extensions = new ArrayList<>();
    private Instant notBefore = NOW.minus(Duration.ofHours(1));
    private Instant notAfter = NOW.plus(Duration.ofDays(30));
    private boolean passthrough;

    static Inputs request() {
        return new Inputs();
    }

    Inputs authority(String alias) {
        this.authority = alias;
        return this;
    }

    Inputs template(String name) {
        this.template = name;
        return this;
    }

    Inputs algorithm(SigningAlgorithm algorithm) {
        this.algorithm = algorithm;
        return this;
    }

    Inputs key(KeyFamily family, int bits, String curve) {
        this.key = new KeyDescription(family, bits, curve);
        return this;
    }

    Inputs subject(String dn) {
        this.subject = dn;
        return this;
    }

    Inputs dns(String... names) {
        for (String name : names) {
            sans.add(new GeneralName(GeneralName.dNSName, name));
        }
        return this;
    }

    Inputs ip(String... addresses) {
        for (String address : addresses) {
            sans.add(new GeneralName(GeneralName.iPAddress, address));
        }
        return this;
    }

    Inputs email(String... addresses) {
        for (String address : addresses) {
            sans.add(new GeneralName(GeneralName.rfc822Name, address));
        }
        return this;
    }

    Inputs uri(String... uris) {
        for (String uri : uris) {
            sans.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
        }
        return this;
    }

    Inputs san(GeneralName name) {
        sans.add(name);
        return this;
    }

    Inputs extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            extensions.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Inputs validity(Instant notBefore, Instant notAfter) {
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        return this;
    }

    Inputs passthrough() {
        this.passthrough = true;
        return this;
    }

    PolicyInput build() {
        List<Extension> all = new ArrayList<>(extensions);
        if (!sans.isEmpty()) {
            try {
                all.add(new Extension(Extension.subjectAlternativeName, false,
                        new GeneralNames(sans.toArray(GeneralName[]::new)).getEncoded("DER")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        CertificateBlueprint blueprint = new CertificateBlueprint(BigInteger.ONE, new X500Name("CN=Test CA"),
                new X500Name(subject), null, new ValidityPeriod(notBefore, notAfter), all, List.of());
        CertificateTemplate t = CertificateTemplate.fromArn("arn:aws:acm-pca:::template/" + template + "/V1");
        return new PolicyInput(authority, "arn:aws:acm-pca:local:000000000000:certificate-authority/" + authority, t,
                algorithm, key, blueprint, passthrough, NOW);
    }

    @Override
    public String toString() {
        return "request";
    }

    /** Loads {@code yaml} and evaluates {@code input} with team {@code team}'s effective policy. */
    static List<Violation> evaluate(String yaml, String team, Inputs input) {
        return PolicyLoader.load("policy.yaml", "test", yaml).forTeam(team).evaluate(input.build());
    }

    static List<String> rules(List<Violation> violations) {
        return violations.stream().map(Violation::rule).toList();
    }
}
