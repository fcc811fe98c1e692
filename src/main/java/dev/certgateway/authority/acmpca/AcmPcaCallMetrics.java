package dev.certgateway.authority.acmpca;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every ACM PCA call of one authority as the SDK makes it ({@code certgw_backend_calls_total} by
 * operation and outcome): {@code success}, {@code throttled}, {@code timeout} or {@code error} per call, and
 * {@code retried} for each attempt after the first, so retry storms and throttling show up before callers
 * see errors.
 */
final class AcmPcaCallMetrics implements ExecutionInterceptor {

    private static final ExecutionAttribute<Integer> ATTEMPTS = new ExecutionAttribute<>("certgw.attempts");

    private final String authority;
    private final MeterRegistry meters;

    AcmPcaCallMetrics(String authority, MeterRegistry meters) {
        this.authority = authority;
        this.meters = meters;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(ATTEMPTS, 0);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        int attempt = attributes.getAttribute(ATTEMPTS) + 1;
        attributes.putAttribute(ATTEMPTS, attempt);
        if (attempt > 1) {
            count(attributes, "retried");
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        count(attributes, "success");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        String outcome;
        if (failure instanceof AwsServiceException service && service.isThrottlingException()) {
            outcome = "throttled";
        } else if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            outcome = "timeout";
        } else {
            outcome = "error";
        }
        count(attributes, outcome);
    }

    private void count(ExecutionAttributes attributes, String outcome) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Counter.builder("certgw.backend.calls").description("Calls to a remote CA by operation and outcome")
                .tag("authority", authority).tag("operation", operation == null ? "unknown" : operation)
                .tag("outcome", outcome)
                .register(meters).increment();
    }
}
