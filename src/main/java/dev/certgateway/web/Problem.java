package dev.certgateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An RFC 9457 problem document, as every error of the gateway is answered. */
@Schema(name = "Problem", description = "RFC 9457 problem details; media type application/problem+json")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "Stable URI of the problem type, one per code", example = "urn:cert-gateway:problem:InvalidArgsException")
        String type,
        @Schema(description = "Short summary of the problem type", example = "Invalid arguments")
        String title,
        @Schema(description = "The HTTP status", example = "400")
        int status,
        @Schema(description = "What went wrong and what to change, naming the field", example = "validity.value: 0 Days is too short; the minimum validity is one day, so give a value of at least 1")
        String detail,
        @Schema(description = "The request path", example = "/api/v1/certificates")
        String instance,
        @Schema(description = "Stable error code; ACM PCA's exception name where one applies",
                example = "InvalidArgsException")
        String code,
        @Schema(description = "The request's id, also in the X-Request-Id header and the gateway's logs",
                example = "3f0c2b1e-8d4a-4c0e-9a57-1d2e3f4a5b6c")
        String requestId,
        @ArraySchema(arraySchema = @Schema(description = "Every finding, when there are several: each policy "
                + "violation, or each invalid member"), schema = @Schema(implementation = ProblemViolation.class))
        List<?> violations) {

    /** One finding of a problem with several. */
    @Schema(name = "ProblemViolation")
    public record ProblemViolation(
            @Schema(description = "The policy rule broken (policy violations only)", example = "dns.allow")
            String rule,
            @Schema(description = "The request or certificate field concerned", example = "subjectAlternativeNames[1]")
            String field,
            @Schema(description = "The offending value (policy violations only)", example = "DNS:www.elsewhere.example")
            String value,
            @Schema(description = "What is allowed or expected", example = "the policy allows DNS names under .strict.example.com")
            String message) {
    }
}
