package dev.certgateway.testsupport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

/** Reading and validating the certificates the gateway returns, the way a relying party would. */
public final class Certificates {

    private Certificates() {
    }

    public static List<X509CertificateHolder> parsePem(String pem) {
        List<X509CertificateHolder> out = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object item;
            while ((item = parser.readObject()) != null) {
                out.add((X509CertificateHolder) item);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static X509CertificateHolder parseOne(String pem) {
        List<X509CertificateHolder> all = parsePem(pem);
        if (all.size() != 1) {
            throw new AssertionError("expected one certificate, got " + all.size());
        }
        return all.get(0);
    }

    public static X509Certificate jca(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java's PKIX validator (SUN provider): leaf plus chain, trusting the chain's last certificate. */
    public static void pkixValidate(X509CertificateHolder leaf, List<X509CertificateHolder> chain) throws Exception {
        List<X509Certificate> path = new ArrayList<>();
        path.add(jca(leaf));
        for (int i = 0; i < chain.size() - 1; i++) {
            path.add(jca(chain.get(i)));
        }
        X509Certificate root = jca(chain.get(chain.size() - 1));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    }
}
