package dev.certgateway.authority.local;

import dev.certgateway.authority.AuthorityArn;
import dev.certgateway.authority.AuthorityProperties;
import dev.certgateway.x509.IssuerInfo;
import dev.certgateway.x509.KeyAlgorithm;
import dev.certgateway.x509.SignatureProviders;
import dev.certgateway.x509.SigningAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.springframework.core.io.Resource;

/**
 * Turns one {@code certgw.authorities.<alias>} entry into a {@link LocalCertificateAuthority}. Anything wrong
 * (missing file, unreadable key, key that does not match the certificate, a certificate that is not a CA)
 * stops start-up with a message naming the property, because a gateway that starts without its
 * authority only fails later, at the first issuance.
 */
public final class LocalAuthorityLoader {

    private static final Provider BC = SignatureProviders.bouncyCastle();

    private LocalAuthorityLoader() {
    }

    /** Loads an authority that signs with BouncyCastle alone. */
    public static LocalCertificateAuthority load(String alias, AuthorityProperties.Authority config) {
        return load(alias, config, SignatureProviders.bouncyCastleOnly());
    }

    public static LocalCertificateAuthority load(String alias, AuthorityProperties.Authority config,
            SignatureProviders providers) {
        String prefix = "certgw.authorities." + alias + ".";
        KeyAndChain material;
        if (config.keystore() != null) {
            material = fromKeystore(prefix + "keystore", config.keystore());
        } else {
            if (config.certificateChain() == null) {
                throw new IllegalStateException(prefix + "certificate-chain is required (a PEM file with the "
                        + "authority's certificate and its issuers), or set " + prefix + "keystore");
            }
            if (config.privateKey() == null) {
                throw new IllegalStateException(prefix + "private-key is required (a PEM file with the "
                        + "authority's private key), or set " + prefix + "keystore");
            }
            material = new KeyAndChain(readPrivateKey(prefix + "private-key", config.privateKey()),
                    readChain(prefix + "certificate-chain", config.certificateChain()));
        }
        X509CertificateHolder certificate = material.chain().get(0);
        PublicKey publicKey = toJca(prefix, certificate).getPublicKey();
        requireKeyMatches(prefix, material.privateKey(), publicKey, BC);
        BasicConstraints constraints = BasicConstraints.fromExtensions(certificate.getExtensions());
        if (constraints == null || !constraints.isCA()) {
            throw new IllegalStateException(prefix + "certificate-chain: the first certificate ("
                    + certificate.getSubject() + ") is not a CA certificate (BasicConstraints CA:TRUE missing)");
        }
        KeyAlgorithm keyAlgorithm;
        try {
            keyAlgorithm = KeyAlgorithm.of(publicKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + "private-key: " + e.getMessage(), e);
        }
        PrivateKey signingKey;
        try {
            signingKey = providers.signingKey(material.privateKey(), keyAlgorithm);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + "private-key: " + e.getMessage()
                    + "; set certgw.crypto.native-signatures=false to sign with BouncyCastle", e);
        }
        if (signingKey != material.privateKey()) {
            // The same round trip through the provider that will sign: a native provider that misbehaves with
            // this key stops start-up instead of issuing certificates with bad signatures.
            requireKeyMatches(prefix, signingKey, publicKey,
                    providers.forSigning(SigningAlgorithm.forFamily(keyAlgorithm.family()).get(0)));
        }
        String arn = config.arn() != null ? config.arn() : AuthorityArn.forLocalAlias(alias);
        AuthorityArn.requireValid(prefix + "arn", arn);
        Integer pathLen = constraints.getPathLenConstraint() == null
                ? null : constraints.getPathLenConstraint().intValueExact();
        IssuerInfo issuerInfo = new IssuerInfo(certificate.getSubject(), certificate.getSubjectPublicKeyInfo(),
                subjectKeyIdentifier(certificate), pathLen, config.crlDistributionPoint(), config.caIssuers(),
                config.ocsp());
        return new LocalCertificateAuthority(alias, arn, config.isEnabled(), material.chain(),
                signingKey, keyAlgorithm, issuerInfo, providers);
    }

    private static byte[] subjectKeyIdentifier(X509CertificateHolder certificate) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(certificate.getExtensions());
        if (ski != null) {
            return ski.getKeyIdentifier();
        }
        return new BcX509ExtensionUtils().createSubjectKeyIdentifier(certificate.getSubjectPublicKeyInfo())
                .getKeyIdentifier();
    }

    /**
     * Proves the key belongs to the certificate by a signature round trip, which works for every key type: the
     * probe is signed with {@code signingProvider} and checked by BouncyCastle.
     */
    private static void requireKeyMatches(String prefix, PrivateKey privateKey, PublicKey publicKey,
            Provider signingProvider) {
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> "SM3withSM2";
        };
        try {
            byte[] probe = "cert-gateway key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm, signingProvider);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, BC);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (Exception e) {
            throw new IllegalStateException(prefix + "private-key does not match the authority's certificate: "
                    + e.getMessage(), e);
        }
        throw new IllegalStateException(prefix + "private-key does not match the public key of the authority's "
                + "certificate (the first certificate of the chain)");
    }

    private static X509Certificate toJca(String prefix, X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
        } catch (Exception e) {
            throw new IllegalStateException(prefix + "certificate-chain: unreadable certificate: " + e.getMessage(), e);
        }
    }

    static List<X509CertificateHolder> readChain(String property, Resource resource) {
        List<X509CertificateHolder> chain = new ArrayList<>();
        try (Reader reader = open(property, resource); PEMParser parser = new PEMParser(reader)) {
            Object item;
            while ((item = parser.readObject()) != null) {
                if (item instanceof X509CertificateHolder certificate) {
                    chain.add(certificate);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(property + ": cannot read " + resource + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IllegalStateException(property + ": " + resource + " holds no PEM certificate");
        }
        return chain;
    }

    static PrivateKey readPrivateKey(String property, Resource resource) {
        try (Reader reader = open(property, resource); PEMParser parser = new PEMParser(reader)) {
            Object item = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BC);
            if (item instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (item instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new IllegalStateException(property + ": " + resource + " holds no unencrypted private key "
                    + "(PKCS#8 'PRIVATE KEY' or 'RSA/EC PRIVATE KEY'); use a PKCS#12 keystore for protected keys");
        } catch (IOException e) {
            throw new IllegalStateException(property + ": cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static KeyAndChain fromKeystore(String property, AuthorityProperties.Keystore keystore) {
        if (keystore.location() == null) {
            throw new IllegalStateException(property + ".location is required");
        }
        char[] password = keystore.password() == null ? new char[0] : keystore.password().toCharArray();
        try (InputStream in = keystore.location().getInputStream()) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String entry = keystore.alias();
            if (entry == null) {
                entry = Collections.list(store.aliases()).stream().filter(a -> isKeyEntry(store, a)).findFirst()
                        .orElseThrow(() -> new IllegalStateException(property + ".location: "
                                + keystore.location() + " holds no private key entry"));
            }
            if (!store.isKeyEntry(entry)) {
                throw new IllegalStateException(property + ".alias: no private key entry '" + entry + "' in "
                        + keystore.location());
            }
            PrivateKey key = (PrivateKey) store.getKey(entry, password);
            List<X509CertificateHolder> chain = new ArrayList<>();
            for (Certificate certificate : store.getCertificateChain(entry)) {
                chain.add(new X509CertificateHolder(certificate.getEncoded()));
            }
            return new KeyAndChain(key, chain);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(property + ": cannot read " + keystore.location() + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (Exception e) {
            return false;
        }
    }

    private static Reader open(String property, Resource resource) throws IOException {
        if (!resource.exists()) {
            throw new IllegalStateException(property + ": " + resource + " does not exist");
        }
        return new InputStreamReader(resource.getInputStream(), StandardCharsets.US_ASCII);
    }

    private record KeyAndChain(PrivateKey privateKey, List<X509CertificateHolder> chain) {
    }
}
