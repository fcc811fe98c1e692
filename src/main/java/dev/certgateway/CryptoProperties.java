package dev.certgateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code certgw.crypto}: how signatures are computed.
 *
 * @param nativeSignatures use the native provider (AWS-LC) for ECDSA and RSA where it runs (Linux x86-64);
 *                         false signs and verifies everything with BouncyCastle
 */
@ConfigurationProperties("certgw.crypto")
record CryptoProperties(@DefaultValue("true") boolean nativeSignatures) {
}
