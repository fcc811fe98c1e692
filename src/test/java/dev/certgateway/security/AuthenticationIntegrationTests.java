package dev.certgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import java.time.Duration;
import java.util.List;
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
