package dev.certgateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.certgateway.authority.AuthorityProperties;
import dev.certgateway.authority.local.LocalAuthorityLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Runs deploy/compose/dev-pki.sh as the compose stack does (here with the machine's sh and openssl) and checks
 * that the gateway would accept what it makes: the CA loads through the gateway's own loader, and the token
 * verifies the way the gateway verifies it with public-key-location.
 */
class DevPkiScriptTests {

    private static final Path SCRIPT = Path.of("deploy/compose/dev-pki.sh");

    @TempDir
    static Path pki;

    @BeforeAll
    static void runScript() throws Exception {
        assumeThat(onPath("openssl")).as("openssl installed").isTrue();
        assumeThat(onPath("sh")).as("sh installed").isTrue();
        run();
    }

    @Test
    void createsAnEcdsaP256CaTheGatewayLoads() throws Exception {
        X509Certificate ca = certificate(pki.resolve("dev-ec/ca.pem"));
        assertThat(ca.getBasicConstraints()).as("CA:TRUE").isGreaterThanOrEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(ca.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) ca.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(ca.getSubjectX500Principal()).isEqualTo(ca.getIssuerX500Principal());
        ca.verify(ca.getPublicKey());
        assertThat(ca.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(3000)));
        assertThat(Files.readString(pki.resolve("dev-ec/key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");

        // Throws, naming the property, if the key does not match, the certificate is no CA or the algorithm
        // is not one ACM PCA has.
        LocalAuthorityLoader.load("dev-ec", new AuthorityProperties.Authority(null, true,
                new FileSystemResource(pki.resolve("dev-ec/ca.pem")), new FileSystemResource(pki.resolve("dev-ec/key.pem")),
                null, null, null, null));
    }

    @Test
    void mintsATokenForTeamDevThatVerifiesWithThePublicKey() throws Exception {
        RSAPublicKey key = (RSAPublicKey) publicKey(pki.resolve("jwt-public.pem"));
        String token = Files.readString(pki.resolve("token")).strip();
        Jwt jwt = NimbusJwtDecoder.withPublicKey(key).build().decode(token);
        assertThat(jwt.getClaimAsString("team")).isEqualTo("dev");
        assertThat(jwt.getClaimAsString("scope").split(" "))
                .contains("certificates:issue", "certificates:read");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("cert-gateway-dev");
        assertThat(jwt.getSubject()).isEqualTo("developer");
        assertThat(jwt.getExpiresAt()).isAfter(Instant.now().plus(Duration.ofDays(300)));
        assertThat(Files.readString(pki.resolve("jwt-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aSecondStartKeepsTheKeysSoEarlierCertificatesStillChain() throws Exception {
        byte[] caBefore = Files.readAllBytes(pki.resolve("dev-ec/ca.pem"));
        byte[] keyBefore = Files.readAllBytes(pki.resolve("dev-ec/key.pem"));
        byte[] jwtKeyBefore = Files.readAllBytes(pki.resolve("jwt-key.pem"));
        run();
        assertThat(Files.readAllBytes(pki.resolve("dev-ec/ca.pem"))).isEqualTo(caBefore);
        assertThat(Files.readAllBytes(pki.resolve("dev-ec/key.pem"))).isEqualTo(keyBefore);
        assertThat(Files.readAllBytes(pki.resolve("jwt-key.pem"))).isEqualTo(jwtKeyBefore);
        NimbusJwtDecoder.withPublicKey((RSAPublicKey) publicKey(pki.resolve("jwt-public.pem"))).build()
                .decode(Files.readString(pki.resolve("token")).strip());
    }

    private static void run() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("PKI_DIR", pki.toString());
        // The compose volume is handed to uid 65532; here the files stay with whoever runs the tests.
        builder.environment().put("GATEWAY_UID", String.valueOf(uid()));
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("script finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains(Files.readString(pki.resolve("token")).strip());
    }

    /** Whoever runs the tests owns the temporary directory the script writes into. */
    private static int uid() throws IOException {
        return (Integer) Files.getAttribute(pki, "unix:uid");
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PublicKey publicKey(Path pem) throws IOException {
        try (Reader reader = Files.newBufferedReader(pem); PEMParser parser = new PEMParser(reader)) {
            return new JcaPEMKeyConverter().getPublicKey((SubjectPublicKeyInfo) parser.readObject());
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
