package dev.certgateway.web;

import dev.certgateway.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem documents. Every error the gateway answers goes through here, whether it is
 * raised in a controller, in Spring Security or in a servlet filter, so they all look the same:
 * {@code type} (stable URN per code), {@code title}, {@code status}, {@code detail}, {@code instance},
 * {@code code} and {@code requestId}, plus {@code violations} where there are several.
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

    public Map<String, Object> body(HttpServletRequest request, ErrorCode code, String detail,
            List<?> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", typeOf(code));
        body.put("title", code.title());
        body.put("status", code.httpStatus());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("code", code.name());
        body.put("requestId", RequestIds.current(request));
        if (violations != null && !violations.isEmpty()) {
            body.put("violations", violations);
        }
        return body;
    }

    public ResponseEntity<Map<String, Object>> entity(HttpServletRequest request, ErrorCode code, String detail) {
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
