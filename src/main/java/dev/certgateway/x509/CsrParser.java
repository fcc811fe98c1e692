package dev.certgateway.x509;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import dev.certgateway.error.MalformedCsrException;

/**
 * Turns the request's {@code csr} string into a {@link ParsedCsr}: decodes PEM or bare base64 DER, parses PKCS#10,
 * checks the key, verifies the signature (proof of possession) and requires a subject or a SAN. Thread-safe.
 */
public final class CsrParser {

    public static final int MAX_CSR_BYTES = 32 * 1024;

    private static final String FIELD = "csr";
    private static final String FORMATS = "give a PKCS#10 request as PEM (-----BEGIN CERTIFICATE REQUEST-----)"
            + " or as base64 DER";

    // The old "NEW CERTIFICATE REQUEST" label is still produced by some tools (Netscape, older Windows).
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (NEW )?CERTIFICATE REQUEST-----(.*?)-----END (NEW )?CERTIFICATE REQUEST-----",
            Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final KeyChecker keyChecker = new KeyChecker(FIELD);
    private final SignatureProviders providers;

    /** A parser that checks proofs of possession with BouncyCastle alone. */
    public CsrParser() {
        this(SignatureProviders.bouncyCastleOnly());
    }

    public CsrParser(SignatureProviders providers) {
        this.providers = providers;
    }

    /**
     * @throws MalformedCsrException when the CSR is too large, does not decode or parse, its signature does not
     *                               verify, its key is not acceptable, or it has neither subject nor SAN
     */
    public ParsedCsr parse(String csr) {
        if (csr == null || csr.isBlank()) {
            throw new MalformedCsrException(FIELD + ": is required; " + FORMATS);
        }
        int size = csr.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_CSR_BYTES) {
            throw new MalformedCsrException(FIELD + ": is " + size + " bytes; at most " + MAX_CSR_BYTES
                    + " bytes (32 KiB) are accepted");
        }
        PKCS10CertificationRequest request = decode(csr);
        SubjectPublicKeyInfo publicKeyInfo = request.getSubjectPublicKeyInfo();
        KeyDescription key = keyChecker.check(publicKeyInfo);
        verifySignature(request, publicKeyInfo);

        X500Name subject = request.getSubject();
        Extensions extensions = requestedExtensions(request);
        GeneralNames sans = subjectAlternativeNames(extensions);
        boolean hasSubject = subject.getRDNs().length > 0;
        boolean hasSans = sans != null && sans.getNames().length > 0;
        if (!hasSubject && !hasSans) {
            throw new MalformedCsrException(FIELD + ": has neither a subject nor a subjectAlternativeName"
                    + " extension request; give a non-empty subject, a SAN, or both");
        }
        return new ParsedCsr(request, subject, publicKeyInfo, key, extensions, sans);
    }

    private static PKCS10CertificationRequest decode(String csr) {
        byte[] der = decodeText(csr);
        try {
            return new PKCS10CertificationRequest(der);
        } catch (Exception e) {
            // IOException for bad DER; BouncyCastle throws runtime exceptions for well-formed DER of the wrong shape.
            throw new MalformedCsrException(FIELD + ": does not parse as a PKCS#10 certification request; " + FORMATS);
        }
    }

    private static byte[] decodeText(String csr) {
        String body;
        if (csr.contains("-----BEGIN")) {
            Matcher m = PEM.matcher(csr);
            if (!m.find()) {
                throw new MalformedCsrException(FIELD + ": has a PEM header but no complete CERTIFICATE REQUEST block;"
                        + " " + FORMATS);
            }
            body = m.group(2);
        } else {
            body = csr;
        }
        try {
            byte[] der = Base64.getDecoder().decode(WHITESPACE.matcher(body).replaceAll(""));
            if (der.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw new MalformedCsrException(FIELD + ": is not valid PEM or base64; " + FORMATS);
        }
    }

    private void verifySignature(PKCS10CertificationRequest request, SubjectPublicKeyInfo key) {
        boolean valid;
        try {
            ContentVerifierProvider verifier = providers.verifier(request.getSignatureAlgorithm(), key);
            valid = request.isSignatureValid(verifier);
        } catch (Exception e) {
            throw new MalformedCsrException(FIELD + ": signature algorithm "
                    + request.getSignatureAlgorithm().getAlgorithm().getId()
                    + " is not supported or does not match the key; sign the CSR with the key it contains"
                    + " (e.g. SHA256withRSA or SHA256withECDSA)");
        }
        if (!valid) {
            throw new MalformedCsrException(FIELD + ": signature does not verify with the CSR's public key;"
                    + " the CSR must be signed by the private key of the key it requests a certificate for");
        }
    }

    private static Extensions requestedExtensions(PKCS10CertificationRequest request) {
        try {
            return request.getRequestedExtensions();
        } catch (RuntimeException e) {
            throw new MalformedCsrException(FIELD + ": its extensionRequest attribute does not parse;"
                    + " give it as one SET containing the Extensions SEQUENCE (PKCS#9)");
        }
    }

    private static GeneralNames subjectAlternativeNames(Extensions extensions) {
        if (extensions == null) {
            return null;
        }
        Extension san = extensions.getExtension(Extension.subjectAlternativeName);
        if (san == null) {
            return null;
        }
        try {
            return GeneralNames.getInstance(san.getParsedValue());
        } catch (RuntimeException e) {
            throw new MalformedCsrException(FIELD + ": its subjectAlternativeName extension request does not parse;"
                    + " give a SEQUENCE of GeneralName (RFC 5280 section 4.2.1.6)");
        }
    }
}
