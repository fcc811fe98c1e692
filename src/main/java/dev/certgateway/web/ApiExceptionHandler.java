package dev.certgateway.web;

import dev.certgateway.error.ErrorCode;
import dev.certgateway.error.GatewayException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place that turns failures into problem+json. A caller's mistake always gets a 4xx whose detail
 * names the field and what is accepted; only the gateway's own faults are 5xx, and their internals go to
 * the log (with the request id), never to the caller.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemResponses problems;

    ApiExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<Problem> gateway(GatewayException e, HttpServletRequest request) {
        if (e.code().httpStatus() >= 500) {
            log.warn("{}: {}", e.code(), e.detail(), e.getCause());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.code().httpStatus())
                .contentType(ProblemResponses.PROBLEM_JSON);
        e.headers().forEach(response::header);
        return response.body(problems.body(request, e.code(), e.detail(), e.violations()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return problems.entity(request, tooLarge.code(), tooLarge.detail());
            }
        }
        return problems.entity(request, ErrorCode.InvalidArgsException, describeUnreadable(e));
    }

    private static String describeUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return path(unknown) + ": unknown member '" + unknown.getPropertyName() + "'; accepted members here: "
                    + known;
        }
        if (cause instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return path(invalid) + ": '" + invalid.getValue() + "' is not accepted; use one of "
                        + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
            }
            return path(invalid) + ": '" + invalid.getValue() + "' is not a valid " + simpleType(target);
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return path(mismatched) + ": expected " + simpleType(mismatched.getTargetType());
        }
        if (cause instanceof InputCoercionException outOfRange) {
            return path(outOfRange) + ": the number is out of range; give a whole number between "
                    + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
        }
        if (cause instanceof StreamReadException parse) {
            return "The request body is not valid JSON: " + parse.getOriginalMessage();
        }
        return "The request body is missing or unreadable; send a JSON object with Content-Type application/json";
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        return "JSON object";
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Problem> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Problem.ProblemViolation> violations = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            violations.add(new Problem.ProblemViolation(null, error.getField(), null,
                    String.valueOf(error.getDefaultMessage())));
            sentences.add(error.getField() + " " + error.getDefaultMessage());
        }
        sentences.sort(String::compareTo);
        ErrorCode code = ErrorCode.InvalidArgsException;
        return ResponseEntity.status(code.httpStatus()).contentType(ProblemResponses.PROBLEM_JSON)
                .body(problems.body(request, code, String.join("; ", sentences), violations));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e,
            HttpServletRequest request) {
        return problems.entity(request, ErrorCode.InvalidArgsException,
                "Query parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException e,
            HttpServletRequest request) {
        return problems.entity(request, ErrorCode.InvalidArgsException,
                e.getName() + ": '" + e.getValue() + "' is not a valid " + simpleType(e.getRequiredType()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problems.entity(request, ErrorCode.UnsupportedMediaType,
                "Content-Type " + e.getContentType() + " is not accepted; send application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpServletRequest request) {
        return problems.entity(request, ErrorCode.NotAcceptable,
                "The gateway answers application/json (and application/problem+json for errors); "
                        + "accept one of them");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problems.entity(request, ErrorCode.MethodNotAllowed, "Method " + e.getMethod()
                + " is not supported here; supported: " + String.join(", ", e.getSupportedMethods() == null
                ? new String[0] : e.getSupportedMethods()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problems.entity(request, ErrorCode.ResourceNotFoundException,
                "No resource at " + request.getRequestURI() + "; see docs/api.md for the endpoints");
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Problem> database(RuntimeException e, HttpServletRequest request) {
        log.error("Database unavailable while handling {} {}", request.getMethod(), request.getRequestURI(), e);
        return problems.entity(request, ErrorCode.ServiceUnavailable,
                "The gateway's database is unavailable; nothing was issued or changed. Retry later.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure handling {} {}", request.getMethod(), request.getRequestURI(), e);
        return problems.entity(request, ErrorCode.InternalFailure,
                "The gateway failed unexpectedly; report the request id to the operators.");
    }
}
