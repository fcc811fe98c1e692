package dev.certgateway.authority.acmpca;

import dev.certgateway.authority.BackendException;
import dev.certgateway.error.ErrorCode;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * ACM PCA's failures as the gateway's errors. ACM PCA's own codes pass through unchanged, with ACM PCA's
 * message, so callers that already handle ACM PCA keep working. Failures of the gateway's own access (IAM,
 * credentials) are not the caller's fault and never look like it: they are a 502.
 */
final class AcmPcaErrors {

    /** Codes ACM PCA returns that mean the same for the gateway's callers. */
    private static final Set<String> PASSED_THROUGH = Set.of("InvalidArgsException", "MalformedCSRException",
            "InvalidArnException", "ResourceNotFoundException", "InvalidStateException", "InvalidRequestException",
            "RequestFailedException", "LimitExceededException");

    /** After the SDK has spent its retries on throttling, the caller is asked to back off at least this long. */
    static final Duration THROTTLED_RETRY_AFTER = Duration.ofSeconds(2);

    private AcmPcaErrors() {
    }

    static BackendException translate(String alias, String operation, SdkException failure) {
        String prefix = "ACM PCA " + operation + " (authority '" + alias + "'): ";
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null || service.awsErrorDetails().errorMessage() == null
                    ? service.getMessage() : service.awsErrorDetails().errorMessage();
            if (service.isThrottlingException() || "ThrottlingException".equals(code)) {
                return new BackendException(ErrorCode.ThrottlingException, prefix + message
                        + "; the gateway retried with backoff and is still throttled. Retry later.", true,
                        THROTTLED_RETRY_AFTER, failure);
            }
            if ("LimitExceededException".equals(code)) {
                return new BackendException(ErrorCode.LimitExceededException, prefix + message, true,
                        THROTTLED_RETRY_AFTER, failure);
            }
            if (code != null && PASSED_THROUGH.contains(code)) {
                return new BackendException(ErrorCode.valueOf(code), prefix + message, false, failure);
            }
            if (service.statusCode() >= 500) {
                return new BackendException(ErrorCode.ServiceUnavailable, prefix + "AWS answered " + code + ": "
                        + message + ". Retry later.", true, failure);
            }
            // AccessDenied, expired credentials and the like: the gateway's configuration, not the caller's.
            return new BackendException(ErrorCode.RequestFailedException, prefix + "AWS refused the gateway's "
                    + "request (" + code + "); the operators must fix the gateway's access to this CA", false,
                    failure);
        }
        AwsServiceException throttledBefore = throttlingAmong(failure);
        if (failure instanceof ApiCallTimeoutException && throttledBefore != null) {
            // The call ran out of time while backing off from throttling: to the caller that is throttling.
            return new BackendException(ErrorCode.ThrottlingException, prefix + "still throttled when the call "
                    + "timed out; retry later", true, THROTTLED_RETRY_AFTER, failure);
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException
                || causedBy(failure, SocketTimeoutException.class)) {
            return new BackendException(ErrorCode.RequestTimeout, prefix + "no answer in time; nothing was issued "
                    + "to you. Retry with the same idempotency token to get the certificate if ACM PCA did issue it.",
                    true, failure);
        }
        if (failure instanceof SdkClientException && causedBy(failure, IOException.class)) {
            return new BackendException(ErrorCode.ServiceUnavailable, prefix + "ACM PCA cannot be reached ("
                    + rootMessage(failure) + "). Retry later.", true, failure);
        }
        return new BackendException(ErrorCode.RequestFailedException, prefix + "the call failed: "
                + rootMessage(failure), false, failure);
    }

    private static AwsServiceException throttlingAmong(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Throwable candidate : concat(t)) {
                if (candidate instanceof AwsServiceException service && service.isThrottlingException()) {
                    return service;
                }
            }
        }
        return null;
    }

    private static java.util.List<Throwable> concat(Throwable t) {
        java.util.List<Throwable> all = new java.util.ArrayList<>(java.util.List.of(t.getSuppressed()));
        all.add(0, t);
        return all;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
