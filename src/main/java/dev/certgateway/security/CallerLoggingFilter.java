package dev.certgateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/** Puts the authenticated caller's team in the log context, so every later line of the request names it. */
class CallerLoggingFilter extends OncePerRequestFilter {

    static final String MDC_KEY = "team";

    private final String teamClaim;

    CallerLoggingFilter(String teamClaim) {
        this.teamClaim = teamClaim;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            String team = token.getToken().getClaimAsString(teamClaim);
            if (team != null) {
                MDC.put(MDC_KEY, team);
            }
        }
        chain.doFilter(request, response);
    }
}
