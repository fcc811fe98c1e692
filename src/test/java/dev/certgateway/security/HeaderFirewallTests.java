package dev.certgateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The header checks decide exactly as Spring Security's regular expressions do, for every code point. */
class HeaderFirewallTests {

    // StrictHttpFirewall's defaults, copied from its source.
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheRegularExpressionsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            if (HeaderFirewall.isAllowedName(text) != NAME.matcher(text).matches()
                    || HeaderFirewall.isAllowedValue(text) != VALUE.matcher(text).matches()) {
                throw new AssertionError("differs for U+" + Integer.toHexString(codePoint));
            }
        }
    }

    @Test
    void surrogatesTabsAndEmptyTextAreJudgedAsTheRegularExpressionsJudgeThem() {
        for (String text : List.of("", "\t", "a\tb", "\uD800", "a\uDC00b", "\uD83D\uDE00", "\uDE00\uD83D",
                "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "\u0000", "\u007f", "\u0085", "\u00a0", "\u0378")) {
            assertThat(HeaderFirewall.isAllowedName(text)).as(text).isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderFirewall.isAllowedValue(text)).as(text).isEqualTo(VALUE.matcher(text).matches());
        }
    }

    @Test
    void theFirewallRejectsControlCharactersInHeaders() {
        StrictHttpFirewall firewall = HeaderFirewall.create();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/certificates");
        request.addHeader("X-Note", "line\u0001break");
        request.addHeader("X-Tabbed", "a\tb");

        var firewalled = firewall.getFirewalledRequest(request);
        assertThat(firewalled.getHeader("X-Tabbed")).isEqualTo("a\tb");
        assertThatThrownBy(() -> firewalled.getHeader("X-Note")).isInstanceOf(RequestRejectedException.class);
    }
}
