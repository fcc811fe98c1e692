package dev.certgateway.security;

import java.util.Set;

/** The authenticated caller of an API request: the team it acts for, who it is, and what it may do. */
public record Caller(String team, String subject, Set<String> scopes) {

    public static final String SCOPE_ISSUE = "certificates:issue";
    public static final String SCOPE_READ = "certificates:read";
    public static final String SCOPE_AUDIT = "audit:read";

    public Caller {
        scopes = Set.copyOf(scopes);
    }
}
