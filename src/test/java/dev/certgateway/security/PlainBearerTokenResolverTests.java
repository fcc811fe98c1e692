package dev.certgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** Every header gets the answer, or the error, Spring Security's default resolver gives it. */
class PlainBearerTokenResolverTests {

    private final BearerTokenResolver plain = new PlainBearerTokenResolver();
    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void answersAsSpringSecuritysResolverDoes() {
        List<String> headers = Arrays.asList(null, "", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_~+/",
                "bearer abc", "BEARER abc", "bEaReR abc", "Bearer abc=", "Bearer abc==", "Bearer =abc", "Bearer ",
                "Bearer", "Bearerabc", "Bearer  abc", "Bearer abc def", "Bearer abc=d", "Bearer abc\n", "Bearer ab\tc",
                "Basic dXNlcjpwYXNz", "Token abc", "Bearer ab\u017Fc", "Bearer \u00e9", "\u0392earer abc",
                "Bearer a%2Fb", "Bearer a,b", "Bearer " + "x".repeat(5000));
        for (String header : headers) {
            assertThat(outcome(plain, header)).as(String.valueOf(header)).isEqualTo(outcome(spring, header));
        }
    }

    @Test
    void recognisesWellFormedHeadersWithoutTheFallback() {
        assertThat(PlainBearerTokenResolver.isWellFormed("Bearer a.b.c")).isTrue();
        assertThat(PlainBearerTokenResolver.isWellFormed("bearer a=")).isTrue();
        assertThat(PlainBearerTokenResolver.isWellFormed("Bearer a b")).isFalse();
        assertThat(PlainBearerTokenResolver.isWellFormed("Bearer =")).isFalse();
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/certificates");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }
}
