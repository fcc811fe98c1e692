package dev.certgateway.x509;

import java.util.regex.Pattern;

/**
 * Parses IPv4 and IPv6 literals into the octets an iPAddress GeneralName carries. Written by hand because
 * {@code InetAddress.getByName} falls back to DNS for anything that is not a literal, and a request must never make
 * the gateway resolve names.
 */
final class IpAddresses {

    // No leading zeros: "010.0.0.1" is octal to some parsers and decimal to others.
    private static final Pattern V4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern HEXTET = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private IpAddresses() {
    }

    /** @return 4 or 16 octets, or null when the text is not an IPv4 or IPv6 literal (no zone, no prefix length) */
    static byte[] parse(String text) {
        if (text == null) {
            return null;
        }
        if (V4.matcher(text).matches()) {
            return v4(text);
        }
        return text.indexOf(':') >= 0 ? v6(text) : null;
    }

    private static byte[] v4(String text) {
        String[] parts = text.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) Integer.parseInt(parts[i]);
        }
        return out;
    }

    private static byte[] v6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        byte[] headBytes = groups(head, gap < 0);
        byte[] tailBytes = gap >= 0 ? groups(tail, true) : new byte[0];
        if (headBytes == null || tailBytes == null) {
            return null;
        }
        int total = headBytes.length + tailBytes.length;
        if (gap < 0 ? total != 16 : total > 14) {
            return null;
        }
        byte[] out = new byte[16];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        System.arraycopy(tailBytes, 0, out, 16 - tailBytes.length, tailBytes.length);
        return out;
    }

    /** Colon-separated hextets, optionally ending in a dotted IPv4 part when {@code mayEndInV4}. */
    private static byte[] groups(String part, boolean mayEndInV4) {
        if (part.isEmpty()) {
            return new byte[0];
        }
        String[] items = part.split(":", -1);
        byte[] out = new byte[items.length * 4];
        int n = 0;
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            if (i == items.length - 1 && mayEndInV4 && V4.matcher(item).matches()) {
                byte[] v4 = v4(item);
                System.arraycopy(v4, 0, out, n, 4);
                n += 4;
            } else if (HEXTET.matcher(item).matches()) {
                int value = Integer.parseInt(item, 16);
                out[n++] = (byte) (value >> 8);
                out[n++] = (byte) value;
            } else {
                return null;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
