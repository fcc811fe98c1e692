package dev.certgateway.idempotency;

import dev.certgateway.error.InvalidArgsException;
import java.util.regex.Pattern;

/** The caller's token, from the body ({@code idempotencyToken}, ACM PCA style) or the IETF header. */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern ACCEPTED = Pattern.compile("[\\x20-\\x7E]{1,36}");

    private IdempotencyKeys() {
    }

    /** The token to use, or null when the caller gave none. */
    public static String resolve(String bodyToken, String headerValue) {
        String header = headerValue == null ? null : unquote(headerValue.strip());
        if (header != null && !ACCEPTED.matcher(header).matches()) {
            throw new InvalidArgsException(HEADER + ": must be 1 to 36 printable ASCII characters (ACM PCA's limit)");
        }
        if (bodyToken != null && header != null && !bodyToken.equals(header)) {
            throw new InvalidArgsException("idempotencyToken '" + bodyToken + "' and the " + HEADER + " header '"
                    + header + "' differ; send the token once, or the same token in both");
        }
        return bodyToken != null ? bodyToken : header;
    }

    /** The draft standard sends the key as a structured-field string, in quotes; plain values are accepted too. */
    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
