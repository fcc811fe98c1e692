package dev.certgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthenticationIntegrationTests extends IntegrationTestSupport {

    @Test
    void noTokenIs401Problem() {
        Response response = get("/api/v1/certificates", null);
        assertProblem(response, 401, "Unauthenticated");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void garbageTokenIs401Problem() {
        Response response = get("/api/v1/certificates", "not-a-jwt");
        assertProblem(response, 401, "Unauthenticated");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    /** A bearer header that is not a token's form at all: Spring Security's answer, through the gateway's resolver. */
    @Test
    void malformedBearerHeaderIs401Problem() {
        Response response = send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/certificates"))
                .header("Authorization", "Bearer not a token").GET());
        assertProblem(response, 401, "Unauthenticated");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(response.json().get("detail").asString()).contains("Bearer token is malformed");
    }

    @Test
    void tokenSignedByAnotherKeyIs401() {
        String foreign = new dev.certgateway.testsupport.JwtMinter(
                dev.certgateway.testsupport.TestPki.rsaKey(2048).getPrivate())
                .mint("payments", "mallory", List.of("certificates:read"), Duration.ofMinutes(5));
        assertProblem(get("/api/v1/certificates", foreign), 401, "Unauthenticated");
    }

    @Test
    void expiredTokenIs401() {
        assertProblem(get("/api/v1/certificates", PKI.jwt().expired("payments")), 401, "Unauthenticated");
    }

    @Test
    void tokenWithoutTeamIs401NamingTheClaim() {
        String noTeam = PKI.jwt().mint(null, "someone", List.of("certificates:read"), Duration.ofMinutes(5));
        Response response = get("/api/v1/certificates", noTeam);
        assertProblem(response, 401, "Unauthenticated");
        assertThat(response.json().get("detail").asString()).contains("'team' claim");
    }

    @Test
    void readWithoutReadScopeIs403() {
        Response response = get("/api/v1/certificates", token("payments", "certificates:issue"));
        assertProblem(response, 403, "AccessDeniedException");
        assertThat(response.json().get("detail").asString()).contains("certificates:read");
    }

    @Test
    void issueWithoutIssueScopeIs403() {
        Response response = post("/api/v1/certificates", token("payments", "certificates:read"), "{}");
        assertProblem(response, 403, "AccessDeniedException");
        assertThat(response.json().get("detail").asString()).contains("certificates:issue");
    }

    @Test
    void authoritiesNeedAnyCertificateScope() {
        assertProblem(get("/api/v1/authorities", token("payments", "audit:read")), 403, "AccessDeniedException");
        assertThat(get("/api/v1/authorities", token("payments", "certificates:read")).status()).isEqualTo(200);
    }

    @Test
    void aTokenUsedAgainIsRememberedNotVerifiedAgain() {
        double hitsBefore = verifiedTokenGets("hit");
        String fresh = PKI.jwt().mint("payments", "remembered-" + UUID.randomUUID(), List.of("certificates:read"),
                Duration.ofMinutes(5));

        assertThat(get("/api/v1/certificates", fresh).status()).isEqualTo(200);
        assertThat(get("/api/v1/certificates", fresh).status()).isEqualTo(200);

        // Other tests run alongside and use the cache too, so only a lower bound holds.
        assertThat(verifiedTokenGets("hit")).isGreaterThanOrEqualTo(hitsBefore + 1);
        assertThat(verifiedTokenGets("miss")).isGreaterThanOrEqualTo(1);
    }

    private double verifiedTokenGets(String result) {
        String scrape = get("/actuator/prometheus", null).body();
        Matcher sample = Pattern.compile("(?m)^cache_gets_total\\{(?=[^}]*cache=\"verified-bearer-tokens\")"
                + "(?=[^}]*result=\"" + result + "\")[^}]*} (\\S+)$").matcher(scrape);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    @Test
    void healthIsOpen() {
        assertThat(get("/actuator/health", null).status()).isEqualTo(200);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asString()).isEqualTo("urn:cert-gateway:problem:" + code);
        assertThat(body.get("requestId").asString()).isEqualTo(response.header("X-Request-Id")).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
    }
}
