package dev.certgateway.x509;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Certificate serial numbers: unpredictable, so a collision-based forgery cannot choose the signed bytes, and in
 * the order they were made, as the gateway's row ids are. The database keeps two unique indexes on them (the serial
 * per authority, and the certificate's ARN, which ends with the serial in hex): with wholly random serials every
 * new certificate dirtied a random page of each, and after every checkpoint wrote that whole page to the WAL again;
 * in order, new entries land next to each other at the indexes' right edge.
 */
public final class SerialNumbers {

    static final int TIME_BITS = 48;
    static final int RANDOM_BITS = 80;
    private static final int BYTES = (TIME_BITS + RANDOM_BITS) / 8;

    private SerialNumbers() {
    }

    /**
     * 128 bits: the time in milliseconds since 1970 in the top 48 (enough until the year 10889), then 80 bits of
     * CSPRNG output, more than the 64 the CA/Browser Forum's Baseline Requirements ask for (section 7.1).
     * Positive and never zero, as RFC 5280 requires, and at most 16 DER octets, within its 20.
     */
    public static BigInteger next(Instant now, SecureRandom random) {
        long millis = now.toEpochMilli();
        if (millis <= 0 || millis >= 1L << TIME_BITS) {
            throw new IllegalArgumentException("no serial for a time outside 1970 to 10889: " + now);
        }
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        for (int i = 0; i < TIME_BITS / 8; i++) {
            bytes[i] = (byte) (millis >>> (TIME_BITS - 8 * (i + 1)));
        }
        return new BigInteger(1, bytes);
    }
}
