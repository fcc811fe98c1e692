package dev.certgateway.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its header checks written as loops over the characters instead of
 * regular expressions. The rules are Spring Security's own: a header name must consist of assigned, non-control
 * characters; a header value too, with horizontal tab allowed. Matching the defaults' regular expressions
 * against every header of every request (the bearer token alone is about a kilobyte) cost 2-3 % of an issuance's
 * CPU.
 */
final class HeaderFirewall {

    private HeaderFirewall() {
    }

    static StrictHttpFirewall create() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderFirewall::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderFirewall::isAllowedValue);
        return firewall;
    }

    /** Spring Security's {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static boolean isAllowedName(String name) {
        return allAssigned(name, false);
    }

    /** Spring Security's {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
    static boolean isAllowedValue(String value) {
        return allAssigned(value, true);
    }

    private static boolean allAssigned(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            // Plain ASCII first: the whole of a usual header, decided without a table lookup.
            if (codePoint >= 0x20 && codePoint < 0x7f) {
                i++;
                continue;
            }
            boolean control = Character.getType(codePoint) == Character.CONTROL;
            if (!Character.isDefined(codePoint) || (control && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
