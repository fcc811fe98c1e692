package dev.certgateway.authority;

import dev.certgateway.error.ResourceNotFoundException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured authorities, found by alias or ARN. Closing it closes the backends' clients. */
public class AuthorityRegistry implements AutoCloseable {

    private final Map<String, CertificateAuthority> byAlias = new LinkedHashMap<>();
    private final Map<String, CertificateAuthority> byArn = new LinkedHashMap<>();

    public AuthorityRegistry(Collection<? extends CertificateAuthority> authorities) {
        for (CertificateAuthority authority : authorities) {
            if (byArn.putIfAbsent(authority.arn(), authority) != null) {
                throw new IllegalStateException("certgw.authorities." + authority.alias()
                        + ".arn: ARN " + authority.arn() + " is used by two authorities");
            }
            byAlias.put(authority.alias(), authority);
        }
    }

    /**
     * Resolves what a caller sent in {@code certificateAuthorityArn}: an ARN (validated for form) or an
     * alias. Unknown ones are a 404, as in ACM PCA.
     */
    public CertificateAuthority resolve(String arnOrAlias) {
        String field = "certificateAuthorityArn";
        if (AuthorityArn.looksLikeArn(arnOrAlias)) {
            AuthorityArn.requireValid(field, arnOrAlias);
            CertificateAuthority authority = byArn.get(arnOrAlias);
            if (authority == null) {
                throw new ResourceNotFoundException(field + ": no certificate authority with ARN " + arnOrAlias
                        + "; GET /api/v1/authorities lists the available ones");
            }
            return authority;
        }
        CertificateAuthority authority = byAlias.get(arnOrAlias);
        if (authority == null) {
            throw new ResourceNotFoundException(field + ": no certificate authority with alias '" + arnOrAlias
                    + "'; GET /api/v1/authorities lists the available ones");
        }
        return authority;
    }

    public List<CertificateAuthority> all() {
        return List.copyOf(byAlias.values());
    }

    @Override
    public void close() {
        closeAll(byAlias.values());
    }

    static void closeAll(Collection<? extends CertificateAuthority> authorities) {
        for (CertificateAuthority authority : authorities) {
            if (authority instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Shutting down: nothing left to do about a client that will not close.
                }
            }
        }
    }
}
