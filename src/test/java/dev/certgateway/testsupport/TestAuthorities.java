package dev.certgateway.testsupport;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * The authorities every integration test shares, generated once per test run into a temporary directory:
 * <ul>
 * <li>{@code test-ec}: root, ECDSA P-256, no path length limit</li>
 * <li>{@code test-rsa}: root, RSA-2048</li>
 * <li>{@code test-sub}: an issuing CA (ECDSA P-384, pathLen 1) under a root: chain of two; with CRL and AIA URIs</li>
 * <li>{@code test-sm2}: root, SM2</li>
 * <li>{@code test-p12}: root, ECDSA P-256, loaded from a PKCS#12 keystore</li>
 * <li>{@code test-short}: root, ECDSA P-256, expiring in 30 days (the CA cap on validity)</li>
 * <li>{@code test-disabled}: configured with {@code enabled: false}</li>
 * <li>{@code test-expired}: its certificate expired yesterday</li>
 * </ul>
 */
public final class TestAuthorities {

    public static final String STORE_PASSWORD = "changeit";

    private static TestAuthorities instance;

    private final Path directory;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, List<X509CertificateHolder>> chains = new LinkedHashMap<>();
    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private final KeyPair jwtKey = TestPki.rsaKey(2048);
    private final X509CertificateHolder rootOfSub;

    private TestAuthorities() {
        try {
            directory = Files.createTempDirectory("cert-gateway-test-pki");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant start = now.minus(Duration.ofDays(1));
        Instant tenYears = now.plus(Duration.ofDays(3650));

        KeyPair ec = TestPki.ecKey("secp256r1");
        // Valid past 2050, so validity that crosses the UTCTime/GeneralizedTime boundary can be issued.
        pem("test-ec", ec, List.of(TestPki.selfSignedCa("CN=Test EC Root,O=cert-gateway tests", ec, null, start,
                Instant.parse("2060-01-01T00:00:00Z"))));
        KeyPair rsa = TestPki.rsaKey(2048);
        pem("test-rsa", rsa, List.of(TestPki.selfSignedCa("CN=Test RSA Root,O=cert-gateway tests", rsa, null, start,
                tenYears)));

        KeyPair rootKey = TestPki.ecKey("secp384r1");
        rootOfSub = TestPki.selfSignedCa("CN=Test Root,O=cert-gateway tests", rootKey, null, start, tenYears);
        KeyPair subKey = TestPki.ecKey("secp384r1");
        X509CertificateHolder sub = TestPki.caCertificate("CN=Test Issuing CA,O=cert-gateway tests", subKey,
                rootOfSub.getSubject(), rootKey, rootOfSub, 1, start, now.plus(Duration.ofDays(1825)));
        pem("test-sub", subKey, List.of(sub, rootOfSub));
        properties.put("certgw.authorities.test-sub.crl-distribution-point", "http://pki.example.com/issuing.crl");
        properties.put("certgw.authorities.test-sub.ca-issuers", "http://pki.example.com/issuing.crt");
        properties.put("certgw.authorities.test-sub.ocsp", "http://ocsp.example.com");

        KeyPair sm2 = TestPki.sm2Key();
        pem("test-sm2", sm2, List.of(TestPki.selfSignedCa("CN=Test SM2 Root,O=cert-gateway tests", sm2, null, start,
                tenYears)));

        KeyPair p12 = TestPki.ecKey("secp256r1");
        pkcs12("test-p12", p12, TestPki.selfSignedCa("CN=Test PKCS12 Root,O=cert-gateway tests", p12, null, start,
                tenYears));

        KeyPair shortLived = TestPki.ecKey("secp256r1");
        pem("test-short", shortLived, List.of(TestPki.selfSignedCa("CN=Test Short Root,O=cert-gateway tests",
                shortLived, null, start, now.plus(Duration.ofDays(30)))));

        KeyPair disabled = TestPki.ecKey("secp256r1");
        pem("test-disabled", disabled, List.of(TestPki.selfSignedCa("CN=Test Disabled Root,O=cert-gateway tests",
                disabled, null, start, tenYears)));
        properties.put("certgw.authorities.test-disabled.enabled", "false");

        KeyPair expired = TestPki.ecKey("secp256r1");
        pem("test-expired", expired, List.of(TestPki.selfSignedCa("CN=Test Expired Root,O=cert-gateway tests",
                expired, null, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)))));

        // A copy the tests may edit: the gateway reloads it within the interval, as it would in production.
        Path policy = directory.resolve("policy.yaml");
        TestPki.write(policy, resource("/test-policy.yaml"));
        properties.put("certgw.policy.location", "file:" + policy);
        properties.put("certgw.policy.reload-interval", "200ms");

        Path jwtPublic = directory.resolve("jwt-public.pem");
        TestPki.write(jwtPublic, TestPki.pem(jwtKey.getPublic()));
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + jwtPublic);
    }

    public static synchronized TestAuthorities get() {
        if (instance == null) {
            instance = new TestAuthorities();
        }
        return instance;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public JwtMinter jwt() {
        return new JwtMinter(jwtKey.getPrivate());
    }

    public List<X509CertificateHolder> chain(String alias) {
        return chains.get(alias);
    }

    /** The authority's own key pair: for CSRs of the authority itself (Root CA templates). */
    public KeyPair key(String alias) {
        return keys.get(alias);
    }

    public Path directory() {
        return directory;
    }

    private void pem(String alias, KeyPair key, List<X509CertificateHolder> chain) {
        Path chainFile = directory.resolve(alias).resolve("chain.pem");
        Path keyFile = directory.resolve(alias).resolve("key.pem");
        TestPki.write(chainFile, TestPki.pem(chain));
        TestPki.write(keyFile, TestPki.pkcs8Pem(key.getPrivate()));
        properties.put("certgw.authorities." + alias + ".certificate-chain", "file:" + chainFile);
        properties.put("certgw.authorities." + alias + ".private-key", "file:" + keyFile);
        chains.put(alias, chain);
        keys.put(alias, key);
    }

    private void pkcs12(String alias, KeyPair key, X509CertificateHolder certificate) {
        Path store = directory.resolve(alias).resolve("ca.p12");
        try {
            Files.createDirectories(store.getParent());
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            Certificate jca = new JcaX509CertificateConverter().getCertificate(certificate);
            keyStore.setKeyEntry("ca", key.getPrivate(), STORE_PASSWORD.toCharArray(), new Certificate[] {jca});
            try (FileOutputStream out = new FileOutputStream(store.toFile())) {
                keyStore.store(out, STORE_PASSWORD.toCharArray());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        properties.put("certgw.authorities." + alias + ".keystore.location", "file:" + store);
        properties.put("certgw.authorities." + alias + ".keystore.password", STORE_PASSWORD);
        chains.put(alias, List.of(certificate));
    }

    /** The policy file the shared test context runs with; tests that rewrite it must restore it. */
    public Path policyFile() {
        return directory.resolve("policy.yaml");
    }

    private static String resource(String name) {
        try (var in = TestAuthorities.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The subject of {@code test-sub}'s root, for chain assertions. */
    public X500Name subRootSubject() {
        return rootOfSub.getSubject();
    }
}
