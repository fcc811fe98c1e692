package dev.certgateway.idempotency;

import java.util.UUID;

/** Ownership of one (team, token) while its request is being served. */
public record Claim(String team, String token, UUID claimId) {
}
