package dev.certgateway.x509;

import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * An ACM PCA template family and what its definition fixes: KeyUsage (always critical), ExtendedKeyUsage and
 * BasicConstraints. Blank families fix only BasicConstraints; KeyUsage and ExtendedKeyUsage then come from the
 * API passthrough or the CSR.
 */
public enum TemplateFamily {
    END_ENTITY("EndEntityCertificate", Kind.END_ENTITY, KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
            List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth), false),
    END_ENTITY_CLIENT_AUTH("EndEntityClientAuthCertificate", Kind.END_ENTITY,
            KeyUsage.digitalSignature | KeyUsage.keyEncipherment, List.of(KeyPurposeId.id_kp_clientAuth), false),
    END_ENTITY_SERVER_AUTH("EndEntityServerAuthCertificate", Kind.END_ENTITY,
            KeyUsage.digitalSignature | KeyUsage.keyEncipherment, List.of(KeyPurposeId.id_kp_serverAuth), false),
    CODE_SIGNING("CodeSigningCertificate", Kind.END_ENTITY, KeyUsage.digitalSignature,
            List.of(KeyPurposeId.id_kp_codeSigning), true),
    OCSP_SIGNING("OCSPSigningCertificate", Kind.END_ENTITY, KeyUsage.digitalSignature,
            List.of(KeyPurposeId.id_kp_OCSPSigning), true),
    ROOT_CA("RootCACertificate", Kind.ROOT_CA, CaBits.CA_KEY_USAGE, List.of(), false),
    SUBORDINATE_CA("SubordinateCACertificate", Kind.SUBORDINATE_CA, CaBits.CA_KEY_USAGE, List.of(), false),
    BLANK_END_ENTITY("BlankEndEntityCertificate", Kind.END_ENTITY, 0, null, false),
    BLANK_END_ENTITY_CRITICAL_BASIC_CONSTRAINTS("BlankEndEntityCertificate_CriticalBasicConstraints",
            Kind.END_ENTITY_CRITICAL, 0, null, false),
    BLANK_SUBORDINATE_CA("BlankSubordinateCACertificate", Kind.SUBORDINATE_CA, 0, null, false),
    BLANK_ROOT_CA("BlankRootCACertificate", Kind.ROOT_CA, 0, null, false);

    /** The shape of BasicConstraints a family writes. */
    enum Kind { END_ENTITY, END_ENTITY_CRITICAL, SUBORDINATE_CA, ROOT_CA }

    // Enum constants cannot refer to a static field of their own enum in their constructor arguments.
    private static final class CaBits {
        static final int CA_KEY_USAGE = KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign;
    }

    private final String baseName;
    private final Kind kind;
    private final int keyUsageBits;
    private final List<KeyPurposeId> extendedKeyUsages;
    private final boolean extendedKeyUsageCritical;

    TemplateFamily(String baseName, Kind kind, int keyUsageBits, List<KeyPurposeId> extendedKeyUsages,
            boolean extendedKeyUsageCritical) {
        this.baseName = baseName;
        this.kind = kind;
        this.keyUsageBits = keyUsageBits;
        this.extendedKeyUsages = extendedKeyUsages;
        this.extendedKeyUsageCritical = extendedKeyUsageCritical;
    }

    /** The family's name in template ARNs, before any _PathLenN and variant suffix. */
    public String baseName() {
        return baseName;
    }

    public boolean blank() {
        return keyUsageBits == 0;
    }

    public boolean certificateAuthority() {
        return kind == Kind.ROOT_CA || kind == Kind.SUBORDINATE_CA;
    }

    public boolean root() {
        return kind == Kind.ROOT_CA;
    }

    Kind kind() {
        return kind;
    }

    /** The KeyUsage bits the template fixes (BouncyCastle {@link KeyUsage} constants); 0 for Blank families. */
    int keyUsageBits() {
        return keyUsageBits;
    }

    /**
     * The ExtendedKeyUsage purposes the template fixes: empty when the template fixes "no EKU" (CA templates),
     * null when the template leaves EKU to API passthrough or CSR (Blank families).
     */
    List<KeyPurposeId> extendedKeyUsages() {
        return extendedKeyUsages;
    }

    boolean extendedKeyUsageCritical() {
        return extendedKeyUsageCritical;
    }
}
