package dev.certgateway.web;

import dev.certgateway.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem documents. Every error the gateway answers goes through here, whether it is
 * raised in a controller, in Spring Security or in a servlet filter, so they all look the same:
 * a {@link Problem}.
 */
@Component
public class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE_PREFIX = "urn:cert-gateway:problem:";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static String typeOf(ErrorCode code) {
        return TYPE_PREFIX + code.name();
    }

    public Problem body(HttpServletRequest request, ErrorCode code, String detail, List<?> violations) {
        return new Problem(typeOf(code), code.title(), code.httpStatus(), detail, request.getRequestURI(),
                code.name(), RequestIds.current(request), violations == null ? List.of() : violations);
    }

    public ResponseEntity<Problem> entity(HttpServletRequest request, ErrorCode code, String detail) {
        return ResponseEntity.status(code.httpStatus()).contentType(PROBLEM_JSON)
                .body(body(request, code, detail, null));
    }

    /** For callers outside Spring MVC (filters, security handlers). */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(request, code, detail, null));
    }
}
