package dev.certgateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds real PKCS#10 requests for tests. */
public final class TestCsr {

    private static KeyPair sharedEcKey;

    private final KeyPair key;
    private String subject = "";
    private final List<GeneralName> sans = new ArrayList<>();
    private final List<Extension> extensions = new ArrayList<>();

    private TestCsr(KeyPair key) {
        this.key = key;
    }

    /** A P-256 key shared by tests that do not care which key they use: key generation is the slow part. */
    public static synchronized TestCsr withSharedEcKey() {
        if (sharedEcKey == null) {
            sharedEcKey = TestPki.ecKey("secp256r1");
        }
        return new TestCsr(sharedEcKey);
    }

    public static TestCsr withKey(KeyPair key) {
        return new TestCsr(key);
    }

    public TestCsr subject(String dn) {
        this.subject = dn;
        return this;
    }

    public TestCsr dns(String... names) {
        for (String name : names) {
            sans.add(new GeneralName(GeneralName.dNSName, name));
        }
        return this;
    }

    public TestCsr san(GeneralName name) {
        sans.add(name);
        return this;
    }

    public TestCsr extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            extensions.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public PKCS10CertificationRequest build() {
        try {
            JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(
                    new X500Name(subject), key.getPublic());
            if (!sans.isEmpty() || !extensions.isEmpty()) {
                ExtensionsGenerator generator = new ExtensionsGenerator();
                if (!sans.isEmpty()) {
                    generator.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(sans.toArray(GeneralName[]::new)));
                }
                for (Extension extension : extensions) {
                    generator.addExtension(extension);
                }
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, generator.generate());
            }
            return builder.build(new JcaContentSignerBuilder(TestPki.signatureAlgorithm(key)).setProvider(TestPki.BC)
                    .build(key.getPrivate()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String pem() {
        return TestPki.pem(build());
    }

    public String base64Der() {
        try {
            return Base64.getEncoder().encodeToString(build().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KeyPair key() {
        return key;
    }
}
