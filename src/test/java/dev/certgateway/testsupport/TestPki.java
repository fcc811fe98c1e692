package dev.certgateway.testsupport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds real CA hierarchies and keys for tests and the development run, with BouncyCastle. */
public final class TestPki {

    public static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPki() {
    }

    public static KeyPair ecKey(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec(curve), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsaKey(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BC);
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair sm2Key() {
        return ecKey("sm2p256v1");
    }

    public static String signatureAlgorithm(KeyPair key) {
        String algorithm = key.getPublic().getAlgorithm();
        if (algorithm.equals("RSA")) {
            return "SHA256withRSA";
        }
        Object curve = SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()).getAlgorithm().getParameters();
        if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
            return "SM3withSM2";
        }
        return "SHA256withECDSA";
    }

    /** A CA certificate for {@code subjectKey}, signed by {@code issuerKey} (self-signed when they are the same). */
    public static X509CertificateHolder caCertificate(String subject, KeyPair subjectKey, X500Name issuer,
            KeyPair issuerKey, X509CertificateHolder issuerCertificate, Integer pathLen, Instant notBefore,
            Instant notAfter) {
        try {
            BcX509ExtensionUtils utils = new BcX509ExtensionUtils();
            SubjectPublicKeyInfo subjectInfo = SubjectPublicKeyInfo.getInstance(subjectKey.getPublic().getEncoded());
            SubjectPublicKeyInfo issuerInfo = SubjectPublicKeyInfo.getInstance(issuerKey.getPublic().getEncoded());
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                    issuer == null ? new X500Name(subject) : issuer,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notAfter), new X500Name(subject), subjectInfo);
            builder.addExtension(Extension.basicConstraints, true,
                    pathLen == null ? new BasicConstraints(true) : new BasicConstraints(pathLen));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectInfo));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCertificate == null
                    ? utils.createAuthorityKeyIdentifier(issuerInfo)
                    : utils.createAuthorityKeyIdentifier(issuerCertificate));
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(issuerKey)).setProvider(BC)
                    .build(issuerKey.getPrivate());
            return builder.build(signer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509CertificateHolder selfSignedCa(String subject, KeyPair key, Integer pathLen, Instant notBefore,
            Instant notAfter) {
        return caCertificate(subject, key, null, key, null, pathLen, notBefore, notAfter);
    }

    public static String pem(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String pem(List<X509CertificateHolder> chain) {
        return pem(chain.toArray());
    }

    /** PKCS#8 ("BEGIN PRIVATE KEY"), the form anyone's tools read. */
    public static String pkcs8Pem(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null));
        } catch (PemGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
