package dev.certgateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's default bearer-token resolution (the {@code Authorization} header only), with the usual case,
 * a well-formed {@code Bearer} header, recognised by a loop over its characters instead of a regular expression
 * matched against the kilobyte-long token on every request (1.4 % of an issuance's CPU). Anything else (no header,
 * another scheme, a malformed token) is left to {@link DefaultBearerTokenResolver}, so its answers and errors are
 * Spring Security's own.
 */
final class PlainBearerTokenResolver implements BearerTokenResolver {

    private static final String PREFIX = "bearer ";

    private final DefaultBearerTokenResolver fallback = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && isWellFormed(header)) {
            return header.substring(PREFIX.length());
        }
        return fallback.resolve(request);
    }

    /**
     * What Spring Security's {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$} (case-insensitive, ASCII) accepts: the
     * scheme in any case, one space, at least one token character, then only padding.
     */
    static boolean isWellFormed(String header) {
        if (header.length() <= PREFIX.length()) {
            return false;
        }
        for (int i = 0; i < PREFIX.length(); i++) {
            char c = header.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != PREFIX.charAt(i)) {
                return false;
            }
        }
        int i = PREFIX.length();
        while (i < header.length() && isTokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == PREFIX.length()) {
            return false;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++;
        }
        return i == header.length();
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
