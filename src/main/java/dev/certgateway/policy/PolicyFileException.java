package dev.certgateway.policy;

/**
 * The policy file is invalid. The message names the file, the line and the rule, and says what is accepted; it is
 * what start-up fails with and what a refused reload logs.
 */
public class PolicyFileException extends RuntimeException {

    public PolicyFileException(String message) {
        super(message);
    }

    public PolicyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
