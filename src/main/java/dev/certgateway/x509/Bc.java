package dev.certgateway.x509;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance the package uses. It is passed explicitly to every builder rather than
 * registered with {@code Security.addProvider}, so the JVM-wide provider list stays untouched.
 */
final class Bc {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
