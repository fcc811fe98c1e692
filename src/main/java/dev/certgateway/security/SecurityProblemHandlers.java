package dev.certgateway.security;

import dev.certgateway.error.ErrorCode;
import dev.certgateway.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, with the bearer challenge RFC 6750 asks for. */
class SecurityProblemHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;

    SecurityProblemHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        boolean tokenGiven = request.getHeader("Authorization") != null;
        String detail;
        if (exception instanceof InvalidBearerTokenException) {
            detail = "The bearer token was rejected: " + exception.getMessage()
                    + ". Send a valid, unexpired JWT signed by the configured issuer.";
        } else if (tokenGiven) {
            detail = "The Authorization header is not a usable bearer token: " + exception.getMessage()
                    + ". Send 'Authorization: Bearer <JWT>'.";
        } else {
            detail = "This endpoint needs a bearer token: send 'Authorization: Bearer <JWT>' with a JWT that names "
                    + "your team.";
        }
        response.setHeader("WWW-Authenticate", tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(request, response, ErrorCode.Unauthenticated, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException exception) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
        problems.write(request, response, ErrorCode.AccessDeniedException,
                "The bearer token lacks the scope this operation needs: " + requiredScope(request)
                        + ". Ask for a token with that scope.");
    }

    private static String requiredScope(HttpServletRequest request) {
        if ("POST".equals(request.getMethod())) {
            return "'" + Caller.SCOPE_ISSUE + "'";
        }
        if (request.getRequestURI().startsWith("/api/v1/audit")) {
            return "'" + Caller.SCOPE_AUDIT + "'";
        }
        if (request.getRequestURI().startsWith("/api/v1/authorities")) {
            return "'" + Caller.SCOPE_ISSUE + "' or '" + Caller.SCOPE_READ + "'";
        }
        return "'" + Caller.SCOPE_READ + "'";
    }
}
