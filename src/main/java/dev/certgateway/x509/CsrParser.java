package dev.certgateway.x509;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
    private static final String BEGIN = "-----BEGIN CERTIFICATE REQUEST-----";
    private static final String BEGIN_NEW = "-----BEGIN NEW CERTIFICATE REQUEST-----";
    private static final String END = "-----END CERTIFICATE REQUEST-----";
    private static final String END_NEW = "-----END NEW CERTIFICATE REQUEST-----";

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
            body = pemBody(csr);
            if (body == null) {
                throw new MalformedCsrException(FIELD + ": has a PEM header but no complete CERTIFICATE REQUEST block;"
                        + " " + FORMATS);
            }
        } else {
            body = csr;
        }
        try {
            byte[] der = Base64.getDecoder().decode(withoutWhitespace(body));
            if (der.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw new MalformedCsrException(FIELD + ": is not valid PEM or base64; " + FORMATS);
        }
    }

    /**
     * The text between the first {@code -----BEGIN [NEW ]CERTIFICATE REQUEST-----} and the first matching end
     * line after it, or null when there is no such block.
     */
    static String pemBody(String text) {
        int begin = firstOf(text, 0, BEGIN, BEGIN_NEW);
        if (begin < 0) {
            return null;
        }
        int bodyStart = begin + (text.startsWith(BEGIN, begin) ? BEGIN.length() : BEGIN_NEW.length());
        int end = firstOf(text, bodyStart, END, END_NEW);
        return end < 0 ? null : text.substring(bodyStart, end);
    }

    private static int firstOf(String text, int from, String one, String other) {
        int first = text.indexOf(one, from);
        int second = text.indexOf(other, from);
        return first < 0 ? second : second < 0 ? first : Math.min(first, second);
    }

    /** Without the characters of {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    static String withoutWhitespace(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
                kept.append(c);
            }
        }
        return kept.toString();
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
