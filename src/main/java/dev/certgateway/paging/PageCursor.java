package dev.certgateway.paging;

import dev.certgateway.error.InvalidArgsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of a newest-first listing starts: the last row's time and id, as an opaque
 * {@code nextToken}. Keyset paging keeps pages stable while new rows arrive.
 */
public record PageCursor(Instant time, UUID id) {

    public String encode() {
        String raw = time.getEpochSecond() + "." + time.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor of a {@code nextToken}, or null for the first page. */
    public static PageCursor decode(String nextToken) {
        if (nextToken == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.US_ASCII)
                    .split("\\.", 3);
            return new PageCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidArgsException("nextToken: '" + nextToken + "' is not a token this gateway returned; "
                    + "pass the nextToken of the previous page unchanged, or omit it for the first page");
        }
    }

    /** {@code maxResults} checked against its range; the default when absent. */
    public static int pageSize(Integer maxResults, int defaultSize, int maxSize) {
        int size = maxResults == null ? defaultSize : maxResults;
        if (size < 1 || size > maxSize) {
            throw new InvalidArgsException("maxResults: " + size + " is out of range; use 1 to " + maxSize);
        }
        return size;
    }
}
