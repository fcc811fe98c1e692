package dev.certgateway.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;

/** The rules on extensions, and the names the policy file uses for key usages and purposes. */
final class ExtensionRules {

    /** KeyUsage bit names as in RFC 5280 (nonRepudiation is also accepted as contentCommitment). */
    static final Map<String, Integer> KEY_USAGES = keyUsages();

    static final Map<String, ASN1ObjectIdentifier> PURPOSES = Map.of(
            "serverAuth", KeyPurposeId.id_kp_serverAuth.toOID(),
            "clientAuth", KeyPurposeId.id_kp_clientAuth.toOID(),
            "codeSigning", KeyPurposeId.id_kp_codeSigning.toOID(),
            "emailProtection", KeyPurposeId.id_kp_emailProtection.toOID(),
            "timeStamping", KeyPurposeId.id_kp_timeStamping.toOID(),
            "ocspSigning", KeyPurposeId.id_kp_OCSPSigning.toOID(),
            "anyExtendedKeyUsage", KeyPurposeId.anyExtendedKeyUsage.toOID());

    /** The extensions the gateway composes itself; every other one is a custom extension. */
    static final Set<ASN1ObjectIdentifier> STANDARD = Set.of(Extension.basicConstraints, Extension.keyUsage,
            Extension.extendedKeyUsage, Extension.subjectAlternativeName, Extension.subjectKeyIdentifier,
            Extension.authorityKeyIdentifier, Extension.cRLDistributionPoints, Extension.authorityInfoAccess,
            Extension.certificatePolicies);

    private ExtensionRules() {
    }

    private static Map<String, Integer> keyUsages() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("digitalSignature", KeyUsage.digitalSignature);
        m.put("nonRepudiation", KeyUsage.nonRepudiation);
        m.put("keyEncipherment", KeyUsage.keyEncipherment);
        m.put("dataEncipherment", KeyUsage.dataEncipherment);
        m.put("keyAgreement", KeyUsage.keyAgreement);
        m.put("keyCertSign", KeyUsage.keyCertSign);
        m.put("cRLSign", KeyUsage.cRLSign);
        m.put("encipherOnly", KeyUsage.encipherOnly);
        m.put("decipherOnly", KeyUsage.decipherOnly);
        return Map.copyOf(m);
    }

    static String purposeName(ASN1ObjectIdentifier oid) {
        return PURPOSES.entrySet().stream().filter(e -> e.getValue().equals(oid)).map(Map.Entry::getKey)
                .findFirst().orElse(oid.getId());
    }

    /**
     * KeyUsage bits of Blank templates, the only ones whose KeyUsage comes from the request; other templates fix
     * KeyUsage themselves, and the templates rule governs those.
     */
    record KeyUsageRule(Set<String> allowed) implements PolicyRule {

        @Override
        public List<Violation> evaluate(PolicyInput input) {
            Extension extension = input.certificate().extension(Extension.keyUsage);
            if (!input.template().blank() || extension == null) {
                return List.of();
            }
            KeyUsage usage = KeyUsage.getInstance(extension.getParsedValue());
            List<Violation> out = new ArrayList<>();
            KEY_USAGES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                if (usage.hasUsages(e.getValue()) && !allowed.contains(e.getKey())) {
                    out.add(new Violation("keyUsages", "extensions.keyUsage", e.getKey(),
                            "The policy allows only the key usages " + Lists.describe(allowed.stream().sorted()
                                    .toList())));
                }
            });
            return out;
        }
    }

    /** ExtendedKeyUsage purposes of Blank templates; see {@link KeyUsageRule} for why only those. */
    record ExtendedKeyUsageRule(Set<ASN1ObjectIdentifier> allowed) implements PolicyRule {

        @Override
        public List<Violation> evaluate(PolicyInput input) {
            Extension extension = input.certificate().extension(Extension.extendedKeyUsage);
            if (!input.template().blank() || extension == null) {
                return List.of();
            }
            List<Violation> out = new ArrayList<>();
            for (KeyPurposeId purpose : ExtendedKeyUsage.getInstance(extension.getParsedValue()).getUsages()) {
                if (!allowed.contains(purpose.toOID())) {
                    out.add(new Violation("extendedKeyUsages", "extensions.extendedKeyUsage",
                            purposeName(purpose.toOID()), "The policy allows only the extended key usages "
                            + Lists.describe(allowed.stream().map(ExtensionRules::purposeName).sorted().toList())));
                }
            }
            return out;
        }
    }

    /** Extensions beyond the standard ones the gateway composes, from API passthrough or a CSR passthrough. */
    record CustomExtensionRule(Set<ASN1ObjectIdentifier> allowed) implements PolicyRule {

        @Override
        public List<Violation> evaluate(PolicyInput input) {
            List<Violation> out = new ArrayList<>();
            List<Extension> extensions = input.certificate().extensions();
            for (int i = 0; i < extensions.size(); i++) {
                ASN1ObjectIdentifier oid = extensions.get(i).getExtnId();
                if (!STANDARD.contains(oid) && !allowed.contains(oid)) {
                    out.add(new Violation("customExtensions", "extensions[" + i + "]", oid.getId(),
                            allowed.isEmpty() ? "The policy allows no custom extensions"
                                    : "The policy allows only the custom extensions " + Lists.describe(allowed
                                    .stream().map(ASN1ObjectIdentifier::getId).sorted().toList())));
                }
            }
            return out;
        }
    }

    /** Certificate policy OIDs in the CertificatePolicies extension. */
    record CertificatePolicyRule(Set<ASN1ObjectIdentifier> allowed) implements PolicyRule {

        @Override
        public List<Violation> evaluate(PolicyInput input) {
            Extension extension = input.certificate().extension(Extension.certificatePolicies);
            if (extension == null) {
                return List.of();
            }
            List<Violation> out = new ArrayList<>();
            for (PolicyInformation info : CertificatePolicies.getInstance(extension.getParsedValue())
                    .getPolicyInformation()) {
                ASN1ObjectIdentifier oid = info.getPolicyIdentifier();
                if (!allowed.contains(oid)) {
                    out.add(new Violation("certificatePolicies", "extensions.certificatePolicies", oid.getId(),
                            allowed.isEmpty() ? "The policy allows no certificate policies"
                                    : "The policy allows only the certificate policies " + Lists.describe(allowed
                                    .stream().map(ASN1ObjectIdentifier::getId).sorted().toList())));
                }
            }
            return out;
        }
    }
}
