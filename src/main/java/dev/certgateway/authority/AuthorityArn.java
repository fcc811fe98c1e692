package dev.certgateway.authority;

import dev.certgateway.error.InvalidArnException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** ACM PCA certificate-authority ARNs: parsing, and the default ARN of a locally configured authority. */
public final class AuthorityArn {

    private static final Pattern AUTHORITY_ARN = Pattern.compile(
            "arn:aws[a-z-]*:acm-pca:[a-z0-9-]+:\\d{12}:certificate-authority/[A-Za-z0-9-]{1,64}");

    private AuthorityArn() {
    }

    /** True when the value is meant as an ARN rather than an alias. */
    public static boolean looksLikeArn(String value) {
        return value.startsWith("arn:");
    }

    public static void requireValid(String field, String arn) {
        if (!AUTHORITY_ARN.matcher(arn).matches()) {
            throw new InvalidArnException(field + ": '" + arn + "' is not a certificate authority ARN; expected "
                    + "arn:aws:acm-pca:REGION:ACCOUNT:certificate-authority/ID or a configured authority alias");
        }
    }

    /**
     * Local authorities have no AWS identity; a stable name-based UUID keeps their ARN the same across
     * restarts and replicas without anyone having to invent one.
     */
    public static String forLocalAlias(String alias) {
        UUID id = UUID.nameUUIDFromBytes(("cert-gateway/" + alias).getBytes(StandardCharsets.UTF_8));
        return "arn:aws:acm-pca:local:000000000000:certificate-authority/" + id;
    }

    /** ACM PCA's certificate ARN form: the authority's ARN, "/certificate/", the serial in hex. */
    public static String certificateArn(String authorityArn, String serialHex) {
        return authorityArn + "/certificate/" + serialHex;
    }
}
