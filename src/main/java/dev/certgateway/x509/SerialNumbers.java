package dev.certgateway.x509;

import java.math.BigInteger;
import java.security.SecureRandom;

/** Certificate serial numbers: unpredictable, so a collision-based forgery cannot choose the signed bytes. */
public final class SerialNumbers {

    static final int RANDOM_BYTES = 16;

    private SerialNumbers() {
    }

    /**
     * A positive serial of 128 bits of CSPRNG output, never zero. It encodes in at most 17 DER octets (a leading
     * zero octet keeps it positive), within RFC 5280's 20.
     */
    public static BigInteger random(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        BigInteger serial;
        do {
            random.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }
}
