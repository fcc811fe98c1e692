package dev.certgateway.x509;

import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import dev.certgateway.error.InvalidArgsException;

/** Parses object identifiers given in requests. */
final class Oids {

    /** ACM PCA's CustomObjectIdentifier: dotted decimal, first arc 0-2, at most 64 characters. */
    private static final Pattern SHAPE = Pattern.compile("[0-2]\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");
    private static final int MAX_LENGTH = 64;

    private Oids() {
    }

    /** X.660: under the arcs 0 and 1 the second arc is 0 to 39, because both are packed into one BER octet. */
    private static boolean secondArcFits(String value) {
        if (value.charAt(0) == '2') {
            return true;
        }
        String[] arcs = value.split("\\.", 3);
        return arcs[1].length() <= 2 && Integer.parseInt(arcs[1]) <= 39;
    }

    /** @throws InvalidArgsException naming {@code path} when the value is not a dotted-decimal OID */
    static ASN1ObjectIdentifier parse(String value, String path) {
        if (value == null || value.isBlank()) {
            throw new InvalidArgsException(path + " is required; give a dotted-decimal object identifier such as"
                    + " 1.3.6.1.4.1.55555.1");
        }
        ASN1ObjectIdentifier oid = value.length() <= MAX_LENGTH && SHAPE.matcher(value).matches()
                && secondArcFits(value) ? ASN1ObjectIdentifier.tryFromID(value) : null;
        if (oid == null) {
            throw new InvalidArgsException(path + ": '" + value + "' is not a valid object identifier; give dotted"
                    + " decimal arcs (first arc 0, 1 or 2; second arc 0 to 39 under 0 and 1), at most " + MAX_LENGTH
                    + " characters, such as 1.3.6.1.4.1.55555.1");
        }
        return oid;
    }
}
