package dev.certgateway.policy;

/**
 * One reason the policy denies a request.
 *
 * @param rule    the policy key that denies it, as written in the policy file (e.g. {@code dns.allow})
 * @param field   where in the request or effective certificate the offending value is
 *                (e.g. {@code subjectAlternativeNames[1]})
 * @param value   the offending value as the caller would recognise it (e.g. {@code DNS:db.example.com})
 * @param message a sentence saying what the policy allows instead
 */
public record Violation(String rule, String field, String value, String message) {
}
