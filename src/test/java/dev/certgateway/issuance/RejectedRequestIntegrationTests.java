package dev.certgateway.issuance;

import static dev.certgateway.issuance.IssuanceIntegrationTests.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import dev.certgateway.testsupport.TestCsr;
import dev.certgateway.testsupport.TestPki;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every rejected request gets problem+json with a stable code and a detail naming the field, and changes
 * nothing: each test uses its own team and checks that team's inventory stays empty.
 */
class RejectedRequestIntegrationTests extends IntegrationTestSupport {

    private final String team = "rejected-" + UUID.randomUUID();

    private JsonNode rejected(Object body, int status, String code, String... detailContains) {
        Response response = body instanceof String raw ? post("/api/v1/certificates", token(team), raw)
                : post("/api/v1/certificates", token(team), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode json = response.json();
        assertThat(json.get("code").asString()).isEqualTo(code);
        assertThat(json.get("requestId").asString()).isNotBlank();
        for (String fragment : detailContains) {
            assertThat(json.get("detail").asString()).contains(fragment);
        }
        assertThat(get("/api/v1/certificates", token(team)).json().get("certificates")).isEmpty();
        return json;
    }

    private static Map<String, Object> valid() {
        return body("test-ec", TestCsr.withSharedEcKey().subject("CN=valid.example").pem(), "SHA256WITHECDSA");
    }

    private static Map<String, Object> valid(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = valid();
        change.accept(body);
        return body;
    }

    @Test
    void missingRequiredMembersAreNamed() {
        JsonNode json = rejected("{}", 400, "InvalidArgsException", "certificateAuthorityArn", "csr",
                "signingAlgorithm", "validity");
        assertThat(json.get("violations")).hasSize(4);
    }

    @Test
    void unknownMemberIs400NamingIt() {
        rejected(valid(b -> b.put("validty", Map.of("value", 1, "type", "DAYS"))), 400, "InvalidArgsException",
                "validty");
        rejected(valid(b -> b.put("validity", Map.of("value", 1, "type", "DAYS", "unit", "x"))), 400,
                "InvalidArgsException", "unit");
    }

    @Test
    void unknownEnumValuesListWhatIsAccepted() {
        rejected(valid(b -> b.put("signingAlgorithm", "SHA1WITHRSA")), 400, "InvalidArgsException",
                "signingAlgorithm", "SHA256WITHECDSA");
        rejected(valid(b -> b.put("validity", Map.of("value", 1, "type", "WEEKS"))), 400, "InvalidArgsException",
                "validity.type", "DAYS");
    }

    @Test
    void wrongJsonTypesAndBrokenJson() {
        rejected(valid(b -> b.put("validity", Map.of("value", "soon", "type", "DAYS"))), 400,
                "InvalidArgsException", "validity.value");
        rejected(valid(b -> b.put("validity", Map.of("value", 1.5, "type", "DAYS"))), 400,
                "InvalidArgsException", "validity.value");
        rejected(valid(b -> b.put("validity", Map.of("value", new java.math.BigInteger("99999999999999999999"),
                "type", "DAYS"))), 400, "InvalidArgsException", "validity.value", "out of range");
        rejected("{\"csr\": ", 400, "InvalidArgsException", "not valid JSON");
    }

    @Test
    void wrongContentTypeIs415() {
        Response response = send(HttpRequest.newBuilder(uri("/api/v1/certificates"))
                .header("Authorization", "Bearer " + token(team)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("code").asString()).isEqualTo("UnsupportedMediaType");
    }

    @Test
    void bodiesOver64KiBAre413() {
        String padding = "x".repeat(70 * 1024);
        rejected(valid(b -> b.put("csr", padding)), 413, "RequestTooLarge", "65536");
    }

    @Test
    void chunkedBodiesOver64KiBAre413() {
        byte[] large = ("{\"csr\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes();
        Response response = send(HttpRequest.newBuilder(uri("/api/v1/certificates"))
                .header("Authorization", "Bearer " + token(team)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large))));
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("RequestTooLarge");
    }

    @Test
    void csrThatIsNotACsrIsMalformed() {
        rejected(valid(b -> b.put("csr", "hello")), 400, "MalformedCSRException", "csr");
        rejected(valid(b -> b.put("csr", Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03, 1, 2, 3}))),
                400, "MalformedCSRException", "csr");
    }

    @Test
    void csrOver32KiBIsMalformed() {
        String pem = TestCsr.withSharedEcKey().subject("CN=big").pem();
        // Padding with spaces keeps the JSON body small enough for the 64 KiB request limit.
        String big = pem + " ".repeat(33 * 1024 - pem.length());
        rejected(valid(b -> b.put("csr", big)), 400, "MalformedCSRException", "32");
    }

    @Test
    void csrWithABrokenSignatureIsMalformed() throws Exception {
        byte[] der = TestCsr.withSharedEcKey().subject("CN=tampered").build().getEncoded();
        der[der.length - 5] ^= 0x01;
        rejected(valid(b -> b.put("csr", Base64.getEncoder().encodeToString(der))), 400, "MalformedCSRException",
                "csr");
    }

    @Test
    void csrWithoutSubjectOrSanIsMalformed() {
        rejected(valid(b -> b.put("csr", TestCsr.withSharedEcKey().pem())), 400, "MalformedCSRException", "csr");
    }

    @Test
    void weakKeysAreRejectedSayingWhatIsAccepted() {
        String weak = TestCsr.withKey(TestPki.rsaKey(1024)).subject("CN=weak").pem();
        rejected(valid(b -> b.put("csr", weak)), 400, "MalformedCSRException", "1024", "2048");
        String k1 = TestCsr.withKey(TestPki.ecKey("secp256k1")).subject("CN=k1").pem();
        rejected(valid(b -> b.put("csr", k1)), 400, "MalformedCSRException", "P-256");
    }

    @Test
    void unknownTemplateIsInvalidArgsAndMalformedTemplateArnInvalidArn() {
        rejected(valid(b -> b.put("templateArn", "arn:aws:acm-pca:::template/NoSuchCertificate/V1")), 400,
                "InvalidArgsException", "templateArn");
        rejected(valid(b -> b.put("templateArn", "EndEntityCertificate")), 400, "InvalidArnException",
                "templateArn");
    }

    @Test
    void validityRulesAreEnforced() {
        rejected(valid(b -> b.put("validity", Map.of("value", 0, "type", "DAYS"))), 400, "InvalidArgsException",
                "validity");
        rejected(valid(b -> b.put("validity", Map.of("value", 500101000000L, "type", "END_DATE"))), 400,
                "InvalidArgsException", "validity");
        rejected(valid(b -> b.put("validity", Map.of("value", 1, "type", "ABSOLUTE"))), 400,
                "InvalidArgsException", "validity");
        rejected(valid(b -> b.put("validityNotBefore", Map.of("value", 1, "type", "DAYS"))), 400,
                "InvalidArgsException", "validityNotBefore");
    }

    @Test
    void validityBeyondTheAuthorityIsRejected() {
        Map<String, Object> request = body("test-short", TestCsr.withSharedEcKey().subject("CN=long").pem(),
                "SHA256WITHECDSA");
        request.put("validity", Map.of("value", 1, "type", "YEARS"));
        rejected(request, 400, "InvalidArgsException", "validity");
    }

    @Test
    void idempotencyTokenLongerThan36IsRejected() {
        rejected(valid(b -> b.put("idempotencyToken", "x".repeat(37))), 400, "InvalidArgsException",
                "idempotencyToken");
    }

    @Test
    void invalidPassthroughIsRejectedWithItsPath() {
        Map<String, Object> passthrough = Map.of("extensions", Map.of("subjectAlternativeNames",
                List.of(Map.of("dnsName", "ok.example"), Map.of("ipAddress", "300.1.1.1"))));
        rejected(valid(b -> {
            b.put("templateArn", "arn:aws:acm-pca:::template/EndEntityCertificate_APIPassthrough/V1");
            b.put("apiPassthrough", passthrough);
        }), 400, "InvalidArgsException", "subjectAlternativeNames[1]");
        Map<String, Object> twoKinds = Map.of("extensions", Map.of("subjectAlternativeNames",
                List.of(Map.of("dnsName", "a.example", "rfc822Name", "a@example.com"))));
        rejected(valid(b -> {
            b.put("templateArn", "arn:aws:acm-pca:::template/EndEntityCertificate_APIPassthrough/V1");
            b.put("apiPassthrough", twoKinds);
        }), 400, "InvalidArgsException", "subjectAlternativeNames[0]");
        Map<String, Object> mixedSubject = Map.of("subject", Map.of("commonName", "x",
                "customAttributes", List.of(Map.of("objectIdentifier", "2.5.4.3", "value", "y"))));
        rejected(valid(b -> {
            b.put("templateArn", "arn:aws:acm-pca:::template/EndEntityCertificate_APIPassthrough/V1");
            b.put("apiPassthrough", mixedSubject);
        }), 400, "InvalidArgsException", "customAttributes");
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        Response missing = get("/api/v1/nothing-here", token(team));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("ResourceNotFoundException");
        Response method = send(HttpRequest.newBuilder(uri("/api/v1/certificates"))
                .header("Authorization", "Bearer " + token(team)).DELETE());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("code").asString()).isEqualTo("MethodNotAllowed");
    }

    @Test
    void badPagingParametersAreRejected() {
        Response tooMany = get("/api/v1/certificates?maxResults=1000", token(team));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asString()).contains("maxResults");
        Response badToken = get("/api/v1/certificates?nextToken=garbage", token(team));
        assertThat(badToken.status()).isEqualTo(400);
        assertThat(badToken.json().get("detail").asString()).contains("nextToken");
    }
}
