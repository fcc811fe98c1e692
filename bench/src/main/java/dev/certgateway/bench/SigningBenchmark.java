package dev.certgateway.bench;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.certgateway.x509.CertificateAssembler;
import dev.certgateway.x509.CertificateBlueprint;
import dev.certgateway.x509.CertificateComposer;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.CsrParser;
import dev.certgateway.x509.IssuerInfo;
import dev.certgateway.x509.ParsedCsr;
import dev.certgateway.x509.SerialNumbers;
import dev.certgateway.x509.KeyAlgorithm;
import dev.certgateway.x509.SignatureProviders;
import dev.certgateway.x509.SigningAlgorithm;
import dev.certgateway.x509.Validity;
import dev.certgateway.x509.ValidityCalculator;
import dev.certgateway.x509.ValidityPeriod;
import dev.certgateway.x509.ValidityPeriodType;

/**
 * The signing ceiling: what IssuanceService.prepare and LocalCertificateAuthority.sign do for one request (CSR
 * decode, parse and signature check, validity, serial, composition, signature), in-process, with no HTTP, JSON,
 * authentication, policy or database. Same classes, same CA keys and same CSR pool as the HTTP runs.
 * Run with -t 1 and -t 2; the CA directory comes from -Dbench.dir.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {

    @Param({"ec", "rsa"})
    public String kind;

    private List<String> csrs;
    private PrivateKey caKey;
    private X509CertificateHolder caCertificate;
    private IssuerInfo issuer;
    private SigningAlgorithm algorithm;
    // The providers the gateway uses by default: native ECDSA/RSA where it runs (see SignatureProviders).
    private final SignatureProviders providers = SignatureProviders.preferNative();
    private final CsrParser parser = new CsrParser(providers);
    private final CertificateComposer composer = new CertificateComposer();
    private final CertificateTemplate template = CertificateTemplate.fromArn(null);
    private final Validity validity = new Validity(30L, ValidityPeriodType.DAYS);

    @State(Scope.Thread)
    public static class PerThread {
        int next;
        final SecureRandom random = new SecureRandom();
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("bench.dir", "bench/target/run/keys"));
        String alias = kind.equals("ec") ? "dev-ec" : "dev-rsa";
        algorithm = kind.equals("ec") ? SigningAlgorithm.SHA256WITHECDSA : SigningAlgorithm.SHA256WITHRSA;
        csrs = Files.readAllLines(dir.resolve("csrs-" + kind + ".txt")).stream()
                .map(line -> line.replace("\\n", "\n")).toList();
        try (Reader r = Files.newBufferedReader(dir.resolve(alias).resolve("key.pem"));
                PEMParser pem = new PEMParser(r)) {
            caKey = new JcaPEMKeyConverter().setProvider(new BouncyCastleProvider())
                    .getPrivateKey((PrivateKeyInfo) pem.readObject());
        }
        try (Reader r = Files.newBufferedReader(dir.resolve(alias).resolve("ca.pem"));
                PEMParser pem = new PEMParser(r)) {
            caCertificate = (X509CertificateHolder) pem.readObject();
        }
        issuer = IssuerInfo.of(caCertificate, null, null, null);
        caKey = providers.signingKey(caKey, KeyAlgorithm.of(caCertificate.getSubjectPublicKeyInfo()));
    }

    @Benchmark
    public X509CertificateHolder issue(PerThread thread) {
        String csr = csrs.get(thread.next++ % csrs.size());
        ParsedCsr parsed = parser.parse(csr);
        ValidityPeriod period = ValidityCalculator.compute(validity, null, Instant.now(),
                caCertificate.getNotBefore().toInstant(), caCertificate.getNotAfter().toInstant());
        BigInteger serial = SerialNumbers.next(Instant.now(), thread.random);
        CertificateBlueprint blueprint = composer.compose(parsed, template, null, period, issuer, serial);
        return CertificateAssembler.sign(blueprint, CertificateAssembler.signer(algorithm, caKey, providers));
    }
}
