package dev.certgateway.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The raw signature primitives the gateway spends its CPU on (profile: CSR verification and certificate signing),
 * with BouncyCastle, the JDK's own providers and AWS-LC (ACCP), to decide which provider the hot path should use.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProviderBenchmark {

    @Param({"ec", "rsa"})
    public String kind;

    @Param({"BC", "JDK", "ACCP"})
    public String provider;

    private KeyPair pair;
    private String algorithm;
    private Provider jca;
    private final byte[] data = new byte[600];
    private byte[] signature;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(kind.equals("ec") ? "EC" : "RSA");
        if (kind.equals("ec")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        pair = generator.generateKeyPair();
        algorithm = kind.equals("ec") ? "SHA256withECDSA" : "SHA256withRSA";
        jca = switch (provider) {
            case "BC" -> new BouncyCastleProvider();
            case "ACCP" -> com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
            default -> Security.getProvider(kind.equals("ec") ? "SunEC" : "SunRsaSign");
        };
        if (provider.equals("ACCP")) {
            // As the gateway does: the key converted once into the provider's own form, not on every signature.
            java.security.KeyFactory factory = java.security.KeyFactory.getInstance(kind.equals("ec") ? "EC" : "RSA", jca);
            pair = new KeyPair(factory.generatePublic(new java.security.spec.X509EncodedKeySpec(
                    pair.getPublic().getEncoded())), factory.generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(pair.getPrivate().getEncoded())));
        }
        signature = sign();
    }

    @Benchmark
    public byte[] sign() throws Exception {
        Signature s = Signature.getInstance(algorithm, jca);
        s.initSign(pair.getPrivate());
        s.update(data);
        return s.sign();
    }

    @Benchmark
    public boolean verify() throws Exception {
        Signature s = Signature.getInstance(algorithm, jca);
        s.initVerify(pair.getPublic());
        s.update(data);
        return s.verify(signature);
    }
}
