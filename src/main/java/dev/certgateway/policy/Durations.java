package dev.certgateway.policy;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.convert.DurationStyle;

/** Durations in the policy file: {@code 397d}, {@code 12h}, {@code 30m}, {@code 90s}, or ISO-8601 ({@code P397D}). */
final class Durations {

    static final String ACCEPTED = "use a duration such as '397d', '12h', '30m', '90s' or ISO-8601 'P397D'";

    private Durations() {
    }

    static Optional<Duration> parse(String text) {
        try {
            Duration duration = DurationStyle.detectAndParse(text.strip());
            return duration.isNegative() ? Optional.empty() : Optional.of(duration);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The shortest exact form in the file's own notation, e.g. {@code 397d} or {@code 90m}. */
    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (duration.getNano() != 0) {
            return duration.toMillis() + "ms";
        }
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
