package dev.certgateway.policy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 CIDR block such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a /32 or /128. */
record IpRange(byte[] network, int prefix) {

    static final String ACCEPTED = "use CIDR notation such as '10.0.0.0/8' or 'fd00::/8', or a single address";

    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]+");

    /** @return empty when {@code text} is not an address or CIDR block, or has host bits set */
    static Optional<IpRange> parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            return Optional.empty();
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                return Optional.empty();
            }
        }
        // 10.1.0.0/8 is almost always a typo; refuse it rather than guess which was meant.
        if (!masked(bytes, prefix).equals(new BigInteger(1, bytes))) {
            return Optional.empty();
        }
        return Optional.of(new IpRange(bytes, prefix));
    }

    /** Parses an IP literal without ever resolving a host name. */
    static byte[] literal(String address) {
        boolean v4 = V4.matcher(address).matches();
        boolean v6 = address.contains(":") && V6.matcher(address).matches();
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String part : address.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            // An IPv4-mapped IPv6 literal comes back as 4 bytes; keep families apart as written.
            return v6 && bytes.length == 4 ? null : bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    boolean contains(byte[] address) {
        return address.length == network.length && masked(address, prefix).equals(new BigInteger(1, network));
    }

    boolean within(IpRange other) {
        return network.length == other.network.length && prefix >= other.prefix && other.contains(network);
    }

    Optional<IpRange> intersect(IpRange other) {
        if (within(other)) {
            return Optional.of(this);
        }
        return other.within(this) ? Optional.of(other) : Optional.empty();
    }

    private static BigInteger masked(byte[] address, int prefix) {
        int bits = address.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .shiftRight(prefix).not();
        return new BigInteger(1, address).and(mask).and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && prefix == r.prefix && java.util.Arrays.equals(network, r.network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
