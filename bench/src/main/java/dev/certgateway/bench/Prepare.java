package dev.certgateway.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Writes what the load generator sends: pools of CSRs (one per line, as PEM with escaped newlines, which both the
 * gateway and cfssl accept in JSON) and a bearer token for team {@code bench}, RS256-signed with the JWT key that
 * run.sh made with openssl.
 *
 * <pre>Prepare DIR COUNT</pre> reads DIR/jwt-key.pem, writes DIR/csrs-ec.txt, DIR/csrs-rsa.txt and DIR/token.
 */
public final class Prepare {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        writeCsrs(dir.resolve("csrs-ec.txt"), count, "ec");
        writeCsrs(dir.resolve("csrs-rsa.txt"), count, "rsa");
        Files.writeString(dir.resolve("token"), token(readPkcs8(dir.resolve("jwt-key.pem"))) + "\n");
    }

    private static void writeCsrs(Path file, int count, String kind) throws Exception {
        KeyPairGenerator generator;
        String algorithm;
        if (kind.equals("ec")) {
            generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            algorithm = "SHA256withECDSA";
        } else {
            generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            algorithm = "SHA256withRSA";
        }
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            KeyPair pair = generator.generateKeyPair();
            String name = "bench-" + kind + "-" + i + ".example.internal";
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(
                    new X500Name("CN=" + name + ",O=cert-gateway bench"), pair.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(csr);
            }
            lines.add(pem.toString().replace("\r", "").replace("\n", "\\n"));
        }
        Files.write(file, lines, StandardCharsets.US_ASCII);
    }

    static PrivateKey readPkcs8(Path file) throws IOException, java.security.GeneralSecurityException {
        String pem = Files.readString(file);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    /** The same claims as the development run's tokens: team, subject, scope, iat, exp (one day). */
    static String token(PrivateKey key) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"https://idp.bench.example\",\"sub\":\"bench-client\",\"team\":\"bench\","
                + "\"scope\":\"certificates:issue certificates:read\",\"iat\":" + now + ",\"exp\":" + (now + 86400)
                + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key, new SecureRandom());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(signature.sign());
    }
}
