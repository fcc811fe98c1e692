package dev.certgateway.issuance;

import static dev.certgateway.issuance.IssuanceIntegrationTests.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.Certificates;
import dev.certgateway.testsupport.IntegrationTestSupport;
import dev.certgateway.testsupport.TestCsr;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each validity type over HTTP, checked on the issued certificate's dates. */
class ValidityIntegrationTests extends IntegrationTestSupport {

    private X509CertificateHolder issue(Map<String, Object> validity, Map<String, Object> notBefore) {
        Map<String, Object> request = body("test-ec", TestCsr.withSharedEcKey().subject("CN=validity").pem(),
                "SHA256WITHECDSA");
        request.put("validity", validity);
        if (notBefore != null) {
            request.put("validityNotBefore", notBefore);
        }
        Response response = post("/api/v1/certificates", token("validity"), request);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        X509CertificateHolder certificate = Certificates.parseOne(response.json().get("certificate").asString());
        assertThat(Instant.parse(response.json().get("notAfter").asString()))
                .isEqualTo(certificate.getNotAfter().toInstant());
        return certificate;
    }

    static Stream<Arguments> relative() {
        return Stream.of(Arguments.of("ok/days", "DAYS", 1), Arguments.of("ok/months", "MONTHS", 13),
                Arguments.of("ok/years", "YEARS", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("relative")
    void relativeTypesCountFromIssuanceInUtcCalendar(String name, String type, int value) {
        X509CertificateHolder certificate = issue(Map.of("value", value, "type", type), null);
        // Default NotBefore is issuance minus one hour, so issuance = NotBefore + 1h.
        ZonedDateTime issuedAt = certificate.getNotBefore().toInstant().plus(Duration.ofHours(1)).atZone(ZoneOffset.UTC);
        ZonedDateTime expected = switch (type) {
            case "DAYS" -> issuedAt.plusDays(value);
            case "MONTHS" -> issuedAt.plusMonths(value);
            default -> issuedAt.plusYears(value);
        };
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(expected.toInstant());
    }

    @Test
    void absoluteIsSecondsSinceTheEpoch() {
        long value = Instant.now().plus(Duration.ofDays(10)).getEpochSecond();
        assertThat(issue(Map.of("value", value, "type", "ABSOLUTE"), null).getNotAfter().toInstant())
                .isEqualTo(Instant.ofEpochSecond(value));
    }

    @Test
    void endDateAcceptsUtcTimeWithThe49Pivot() {
        X509CertificateHolder certificate = issue(Map.of("value", 491231235959L, "type", "END_DATE"), null);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2049-12-31T23:59:59Z"));
        assertThat(notAfterTime(certificate)).isInstanceOf(ASN1UTCTime.class);
    }

    @Test
    void endDateAcceptsGeneralizedTimeAndEncodesDatesFrom2050AsGeneralizedTime() {
        X509CertificateHolder certificate = issue(Map.of("value", 20500101000000L, "type", "END_DATE"), null);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2050-01-01T00:00:00Z"));
        assertThat(notAfterTime(certificate)).isInstanceOf(ASN1GeneralizedTime.class);
    }

    @Test
    void explicitNotBeforeIsKeptAndDoesNotMoveNotAfter() {
        long notBefore = Instant.now().plus(Duration.ofDays(2)).getEpochSecond();
        X509CertificateHolder certificate = issue(Map.of("value", 5, "type", "DAYS"),
                Map.of("value", notBefore, "type", "ABSOLUTE"));
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(Instant.ofEpochSecond(notBefore));
        assertThat(Duration.between(Instant.now(), certificate.getNotAfter().toInstant()))
                .isBetween(Duration.ofDays(5).minusMinutes(1), Duration.ofDays(5));
    }

    @Test
    void notBeforeAfterNotAfterIsRejected() {
        Map<String, Object> request = body("test-ec", TestCsr.withSharedEcKey().subject("CN=validity").pem(),
                "SHA256WITHECDSA");
        request.put("validity", Map.of("value", 1, "type", "DAYS"));
        request.put("validityNotBefore", Map.of("value", Instant.now().plus(Duration.ofDays(3)).getEpochSecond(),
                "type", "ABSOLUTE"));
        Response response = post("/api/v1/certificates", token("validity"), request);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("InvalidArgsException");
    }

    private static Object notAfterTime(X509CertificateHolder certificate) {
        Certificate structure = certificate.toASN1Structure();
        return structure.getEndDate().toASN1Primitive();
    }
}
