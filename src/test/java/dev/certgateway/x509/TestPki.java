package dev.certgateway.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Keys, CSRs and a small CA for tests. Keys are generated once per JVM, because RSA generation is slow. */
final class TestPki {

    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();

    static final Instant CA_NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant CA_NOT_AFTER = Instant.parse("2036-01-01T00:00:00Z");
    static final X500Name CA_NAME = new X500Name("CN=Test Root CA,O=cert-gateway tests,C=US");

    private TestPki() {
    }

    static KeyPair rsa(int bits) {
        return KEYS.computeIfAbsent("RSA" + bits, k -> generate("RSA", bits, null));
    }

    static KeyPair rsaExponent3() {
        return KEYS.computeIfAbsent("RSA-e3", k -> {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", Bc.PROVIDER);
                g.initialize(new RSAKeyGenParameterSpec(2048, BigInteger.valueOf(3)));
                return g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static KeyPair ec(String curve) {
        return KEYS.computeIfAbsent("EC" + curve, k -> generate("EC", 0, curve));
    }

    static KeyPair ed25519() {
        return KEYS.computeIfAbsent("Ed25519", k -> {
            try {
                return KeyPairGenerator.getInstance("Ed25519", Bc.PROVIDER).generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static KeyPair sm2() {
        return KEYS.computeIfAbsent("SM2", k -> generate("EC", 0, "sm2p256v1"));
    }

    /** The CA key: EC P-256 keeps tests fast. */
    static KeyPair caKey() {
        return ec("secp256r1");
    }

    private static KeyPair generate(String algorithm, int bits, String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, Bc.PROVIDER);
            if (curve != null) {
                g.initialize(new ECGenParameterSpec(curve));
            } else {
                g.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signatureAlgorithm(KeyPair keys) {
        return switch (keys.getPublic().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "Ed25519" -> "Ed25519";
            default -> "SHA256withECDSA";
        };
    }

    /** A CSR builder for {@code keys} with the given subject (may be empty) and DNS SANs. */
    static PKCS10CertificationRequestBuilder csrBuilder(KeyPair keys, String subject, String... dnsNames) {
        PKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject),
                keys.getPublic());
        if (dnsNames.length > 0) {
            try {
                ExtensionsGenerator ext = new ExtensionsGenerator();
                GeneralName[] names = new GeneralName[dnsNames.length];
                for (int i = 0; i < names.length; i++) {
                    names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
                }
                ext.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
                b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b;
    }

    /** A parsed CSR requesting exactly the given extensions. */
    static ParsedCsr parsedWithExtensions(KeyPair keys, String subject, Extension... extensions) {
        PKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject),
                keys.getPublic());
        ExtensionsGenerator ext = new ExtensionsGenerator();
        for (Extension e : extensions) {
            ext.addExtension(e);
        }
        b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
        return new CsrParser().parse(pem(sign(b, keys)));
    }

    static byte[] sign(PKCS10CertificationRequestBuilder b, KeyPair keys) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(keys)).setProvider(Bc.PROVIDER)
                    .build(keys.getPrivate());
            return b.build(signer).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n";
    }

    static String csrPem(KeyPair keys, String subject, String... dnsNames) {
        return pem(sign(csrBuilder(keys, subject, dnsNames), keys));
    }

    static ParsedCsr parsed(KeyPair keys, String subject, String... dnsNames) {
        return new CsrParser().parse(csrPem(keys, subject, dnsNames));
    }

    /** A self-signed root CA certificate with the given path length constraint (null = unlimited). */
    static X509CertificateHolder caCertificate(Integer pathLen) {
        try {
            KeyPair keys = caKey();
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(CA_NAME, BigInteger.ONE,
                    Date.from(CA_NOT_BEFORE), Date.from(CA_NOT_AFTER), CA_NAME, spki);
            b.addExtension(Extension.basicConstraints, true,
                    pathLen == null ? new BasicConstraints(true) : new BasicConstraints(pathLen));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false,
                    new BcX509ExtensionUtils().createSubjectKeyIdentifier(spki));
            return b.build(signer());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ContentSigner signer() {
        return CertificateAssembler.signer(SigningAlgorithm.SHA256WITHECDSA, caKey().getPrivate());
    }

    static IssuerInfo issuer(Integer pathLen) {
        return IssuerInfo.of(caCertificate(pathLen), null, null, null);
    }
}
