package dev.certgateway.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.certgateway.error.MalformedCsrException;

class CsrParserTests {

    private final CsrParser parser = new CsrParser();

    static byte[] ecDer() {
        KeyPair keys = TestPki.ec("secp256r1");
        return TestPki.sign(TestPki.csrBuilder(keys, "CN=app.example.com,O=Example", "app.example.com",
                "www.example.com"), keys);
    }

    private static final byte[] DER = ecDer();

    static Stream<Arguments> accepted() {
        byte[] der = DER;
        String base64 = Base64.getEncoder().encodeToString(der);
        return Stream.of(
                Arguments.of("ok/pem", TestPki.pem(der)),
                Arguments.of("ok/pem-crlf-and-surrounding-text", "leading text\r\n" + TestPki.pem(der)
                        .replace("\n", "\r\n") + "trailing"),
                Arguments.of("ok/pem-new-certificate-request-label", TestPki.pem(der)
                        .replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST")),
                Arguments.of("ok/base64-der", base64),
                Arguments.of("ok/base64-der-with-whitespace", "  " + base64.substring(0, 20) + "\n"
                        + base64.substring(20) + "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void parses(String name, String csr) {
        ParsedCsr parsed = parser.parse(csr);

        assertThat(parsed.subject().toString()).isEqualTo("CN=app.example.com,O=Example");
        assertThat(parsed.key()).isEqualTo(new KeyDescription(KeyFamily.EC, 256, "P-256"));
        assertThat(parsed.subjectAlternativeNames().getNames()).extracting(GeneralName::toString)
                .containsExactly("2: app.example.com", "2: www.example.com");
        assertThat(parsed.requestedExtensions()).isNotNull();
        assertThat(parsed.encoded()).isEqualTo(DER);
    }

    @Test
    void rsaKeyWithSubjectOnlyHasNoExtensions() {
        ParsedCsr parsed = parser.parse(TestPki.csrPem(TestPki.rsa(2048), "CN=rsa"));

        assertThat(parsed.key()).isEqualTo(new KeyDescription(KeyFamily.RSA, 2048, null));
        assertThat(parsed.requestedExtensions()).isNull();
        assertThat(parsed.subjectAlternativeNames()).isNull();
    }

    @Test
    void sanOnlyWithEmptySubjectIsAccepted() {
        ParsedCsr parsed = parser.parse(TestPki.csrPem(TestPki.ec("secp384r1"), "", "only.example.com"));

        assertThat(parsed.subject().getRDNs()).isEmpty();
        assertThat(parsed.subjectAlternativeNames().getNames()).hasSize(1);
    }

    static Stream<Arguments> rejected() {
        byte[] der = ecDer();
        byte[] tampered = der.clone();
        tampered[tampered.length - 5] ^= 0x01; // inside the signature value
        KeyPair subjectKey = TestPki.ec("secp256r1");
        KeyPair otherKey = TestPki.ec("secp384r1");
        Supplier<String> signedByOther = () -> TestPki.pem(TestPki.sign(
                TestPki.csrBuilder(subjectKey, "CN=x"), otherKey));
        String pem = TestPki.pem(der);
        return Stream.of(
                Arguments.of("fail/null", null, "csr: is required"),
                Arguments.of("fail/blank", "  \n", "csr: is required"),
                Arguments.of("fail/over-32KiB", " ".repeat(CsrParser.MAX_CSR_BYTES - pem.length() + 1) + pem,
                        "at most 32768 bytes"),
                Arguments.of("fail/over-32KiB-counted-in-utf8", "\u00e9".repeat(CsrParser.MAX_CSR_BYTES / 2 + 1),
                        "is 32770 bytes"),
                Arguments.of("fail/not-base64", "this is not a CSR!", "is not valid PEM or base64"),
                Arguments.of("fail/pem-without-end", pem.substring(0, pem.indexOf("-----END")),
                        "no complete CERTIFICATE REQUEST block"),
                Arguments.of("fail/certificate-pem-label", pem.replace("CERTIFICATE REQUEST", "CERTIFICATE"),
                        "no complete CERTIFICATE REQUEST block"),
                Arguments.of("fail/not-pkcs10", Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03, 2, 1, 5}),
                        "does not parse as a PKCS#10"),
                Arguments.of("fail/trailing-garbage", Base64.getEncoder().encodeToString(concat(der, new byte[] {0})),
                        "does not parse as a PKCS#10"),
                Arguments.of("fail/tampered-signature", TestPki.pem(tampered), "signature does not verify"),
                Arguments.of("fail/signed-by-another-key", signedByOther.get(), "signature"),
                Arguments.of("fail/no-subject-no-san", TestPki.csrPem(subjectKey, ""),
                        "neither a subject nor a subjectAlternativeName"),
                Arguments.of("fail/rsa-1024", TestPki.csrPem(TestPki.rsa(1024), "CN=weak"),
                        "csr: RSA key of 1024 bits is not accepted; use RSA 2048 to 8192 bits with exponent 65537,"
                                + " or EC P-256, P-384 or P-521"),
                Arguments.of("fail/rsa-exponent-3", TestPki.csrPem(TestPki.rsaExponent3(), "CN=e3"),
                        "public exponent 3"),
                Arguments.of("fail/ec-secp256k1", TestPki.csrPem(TestPki.ec("secp256k1"), "CN=k1"), "secp256k1"),
                Arguments.of("fail/ed25519", TestPki.csrPem(TestPki.ed25519(), "CN=ed"), "Ed25519"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, String csr, String expected) {
        assertThatThrownBy(() -> parser.parse(csr))
                .isInstanceOf(MalformedCsrException.class)
                .hasMessageStartingWith("csr: ")
                .hasMessageContaining(expected);
    }

    @Test
    void exactly32KiBIsAccepted() {
        String pem = TestPki.pem(ecDer());
        String padded = " ".repeat(CsrParser.MAX_CSR_BYTES - pem.length()) + pem;

        assertThat(padded).hasSize(CsrParser.MAX_CSR_BYTES);
        assertThat(parser.parse(padded).key().curve()).isEqualTo("P-256");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The PEM block and the whitespace are found as the regular expressions the parser once used found them. */
    @Test
    void pemBlocksAndWhitespaceAreFoundAsTheirRegularExpressionsFindThem() {
        java.util.regex.Pattern pem = java.util.regex.Pattern.compile(
                "-----BEGIN (NEW )?CERTIFICATE REQUEST-----(.*?)-----END (NEW )?CERTIFICATE REQUEST-----",
                java.util.regex.Pattern.DOTALL);
        String b = "-----BEGIN CERTIFICATE REQUEST-----";
        String bn = "-----BEGIN NEW CERTIFICATE REQUEST-----";
        String e = "-----END CERTIFICATE REQUEST-----";
        String en = "-----END NEW CERTIFICATE REQUEST-----";
        for (String text : new String[] {
                b + "\nQUJD\n" + e, bn + "QUJD" + en, b + "QUJD" + en, bn + "QUJD" + e,
                "junk\r\n" + b + "\r\nQU JD\r\n" + e + "\r\ntrailer", b + "one" + e + b + "two" + e,
                bn + "x" + b + "y" + e, b + "x" + bn + "y" + en + e, b + e, b + "QUJD", "QUJD" + e,
                e + b + "QUJD" + e, "-----BEGIN CERTIFICATE-----QUJD-----END CERTIFICATE-----",
                "-----BEGIN NEW CERTIFICATE REQUEST----" + "QUJD" + e, b + "QUJD-----END NEW CERTIFICATE REQUEST----"}) {
            java.util.regex.Matcher m = pem.matcher(text);
            assertThat(CsrParser.pemBody(text)).as(text).isEqualTo(m.find() ? m.group(2) : null);
        }
        for (String text : new String[] {"", "QUJD", " Q\tU\nJ\u000BD\f\r ", "\u00a0QUJD\u2028", "a  b\n\nc"}) {
            assertThat(CsrParser.withoutWhitespace(text)).as(text).isEqualTo(text.replaceAll("\\s+", ""));
        }
    }
}
