package dev.certgateway.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;

/** PEM encoding of certificates (RFC 7468): 64-character base64 lines, LF line ends, trailing newline. */
public final class Pem {

    private static final Base64.Encoder LINES = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    public static String certificate(X509CertificateHolder cert) {
        try {
            return certificate(cert.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificates one after the other, in the order given. */
    public static String chain(List<X509CertificateHolder> chain) {
        StringBuilder pem = new StringBuilder(chain.size() * 1024);
        for (X509CertificateHolder certificate : chain) {
            pem.append(certificate(certificate));
        }
        return pem.toString();
    }

    /** A certificate already DER-encoded: BouncyCastle encodes again on every {@code getEncoded()}. */
    public static String certificate(byte[] der) {
        return encode("CERTIFICATE", der);
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + LINES.encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
