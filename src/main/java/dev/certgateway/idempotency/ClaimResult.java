package dev.certgateway.idempotency;

import java.time.Duration;
import java.util.UUID;

/** What claiming a token found. */
public sealed interface ClaimResult {

    /** The caller owns the token now and must complete or release it. */
    record Claimed(Claim claim) implements ClaimResult {
    }

    /** The same request already produced this certificate within the window: replay it. */
    record Completed(UUID certificateId) implements ClaimResult {
    }

    /** The same request is being served by someone else right now. */
    record InProgress(Duration retryAfter) implements ClaimResult {
    }

    /** The token was first used for a different request within the window. */
    record Mismatch() implements ClaimResult {
    }
}
