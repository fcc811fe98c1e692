package dev.certgateway.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Everything the development run needs, created on first start under one directory and reused afterwards:
 * two development authorities (ECDSA P-256 and RSA-2048), an RS256 JWT key anyone can mint tokens with, and
 * a ready token for team {@code dev}, and an example policy file that the running gateway reloads when edited.
 */
public final class DevelopmentEnvironment {

    public static final String EC_ALIAS = "dev-ec";
    public static final String RSA_ALIAS = "dev-rsa";

    private final Path directory;

    public DevelopmentEnvironment(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    public Path tokenFile() {
        return directory.resolve("token");
    }

    public Path policyFile() {
        return directory.resolve("policy.yaml");
    }

    /** The example policy shipped for the development run (src/test/resources/dev-policy.yaml). */
    public static String examplePolicy() {
        try (var in = DevelopmentEnvironment.class.getResourceAsStream("/dev-policy.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path jwtKeyFile() {
        return directory.resolve("jwt-key.pem");
    }

    /** Creates what is missing and returns the properties that point the gateway at it. */
    public Map<String, Object> prepare() {
        Map<String, Object> properties = new LinkedHashMap<>();
        authority(EC_ALIAS, "CN=cert-gateway development EC CA,O=cert-gateway", () -> TestPki.ecKey("secp256r1"),
                properties);
        authority(RSA_ALIAS, "CN=cert-gateway development RSA CA,O=cert-gateway", () -> TestPki.rsaKey(2048),
                properties);
        PrivateKey jwtKey = jwtKey();
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
                "file:" + directory.resolve("jwt-public.pem"));
        String token = new JwtMinter(jwtKey).mint("dev", "developer", JwtMinter.ALL_SCOPES, Duration.ofDays(365));
        TestPki.write(tokenFile(), token + "\n");
        // Written once, then left alone: it is there to be edited and hot-reloaded.
        if (!Files.exists(policyFile())) {
            TestPki.write(policyFile(), examplePolicy());
        }
        properties.put("certgw.policy.location", "file:" + policyFile());
        properties.put("certgw.policy.reload-interval", "2s");
        return properties;
    }

    private void authority(String alias, String subject, Supplier<KeyPair> keys, Map<String, Object> properties) {
        Path chain = directory.resolve(alias).resolve("ca.pem");
        Path key = directory.resolve(alias).resolve("key.pem");
        if (!Files.exists(chain) || !Files.exists(key)) {
            KeyPair pair = keys.get();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            TestPki.write(key, TestPki.pkcs8Pem(pair.getPrivate()));
            TestPki.write(chain, TestPki.pem(TestPki.selfSignedCa(subject, pair, null,
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)))));
        }
        properties.put("certgw.authorities." + alias + ".certificate-chain", "file:" + chain);
        properties.put("certgw.authorities." + alias + ".private-key", "file:" + key);
    }

    private PrivateKey jwtKey() {
        Path keyFile = jwtKeyFile();
        if (!Files.exists(keyFile)) {
            KeyPair pair = TestPki.rsaKey(2048);
            TestPki.write(keyFile, TestPki.pkcs8Pem(pair.getPrivate()));
            TestPki.write(directory.resolve("jwt-public.pem"), TestPki.pem(pair.getPublic()));
        }
        try (Reader reader = Files.newBufferedReader(keyFile); PEMParser parser = new PEMParser(reader)) {
            return new JcaPEMKeyConverter().setProvider(TestPki.BC).getPrivateKey((PrivateKeyInfo) parser.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> aliases() {
        return List.of(EC_ALIAS, RSA_ALIAS);
    }
}
