package dev.certgateway.issuance;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.util.ASN1Dump;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** Renders extensions for people: a readable value for the ones the gateway knows, and always the DER. */
final class ExtensionDescriptions {

    /**
     * @param value a readable rendering (OpenSSL's style where it has one); for unknown extensions an ASN.1 dump
     * @param der   the extension value's DER, base64
     */
    record Described(String oid, String name, boolean critical, String value, String der) {
    }

    private static final Map<ASN1ObjectIdentifier, String> NAMES = names();
    private static final Map<ASN1ObjectIdentifier, String> PURPOSES = Map.of(
            KeyPurposeId.id_kp_serverAuth.toOID(), "serverAuth",
            KeyPurposeId.id_kp_clientAuth.toOID(), "clientAuth",
            KeyPurposeId.id_kp_codeSigning.toOID(), "codeSigning",
            KeyPurposeId.id_kp_emailProtection.toOID(), "emailProtection",
            KeyPurposeId.id_kp_timeStamping.toOID(), "timeStamping",
            KeyPurposeId.id_kp_OCSPSigning.toOID(), "ocspSigning");
    private static final int[] KEY_USAGE_BITS = {KeyUsage.digitalSignature, KeyUsage.nonRepudiation,
            KeyUsage.keyEncipherment, KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign,
            KeyUsage.cRLSign, KeyUsage.encipherOnly, KeyUsage.decipherOnly};
    private static final String[] KEY_USAGE_NAMES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    private ExtensionDescriptions() {
    }

    private static Map<ASN1ObjectIdentifier, String> names() {
        Map<ASN1ObjectIdentifier, String> m = new LinkedHashMap<>();
        m.put(Extension.basicConstraints, "BasicConstraints");
        m.put(Extension.keyUsage, "KeyUsage");
        m.put(Extension.extendedKeyUsage, "ExtendedKeyUsage");
        m.put(Extension.subjectAlternativeName, "SubjectAlternativeName");
        m.put(Extension.subjectKeyIdentifier, "SubjectKeyIdentifier");
        m.put(Extension.authorityKeyIdentifier, "AuthorityKeyIdentifier");
        m.put(Extension.cRLDistributionPoints, "CRLDistributionPoints");
        m.put(Extension.authorityInfoAccess, "AuthorityInfoAccess");
        m.put(Extension.certificatePolicies, "CertificatePolicies");
        return Map.copyOf(m);
    }

    static Described describe(Extension extension) {
        ASN1ObjectIdentifier oid = extension.getExtnId();
        byte[] der = extension.getExtnValue().getOctets();
        String value;
        try {
            value = readable(extension);
        } catch (RuntimeException e) {
            // A custom extension need not be valid DER for this rendering; the base64 DER is always there.
            value = null;
        }
        return new Described(oid.getId(), NAMES.getOrDefault(oid, oid.getId()), extension.isCritical(),
                value == null ? Base64.getEncoder().encodeToString(der) : value,
                Base64.getEncoder().encodeToString(der));
    }

    private static String readable(Extension extension) {
        ASN1ObjectIdentifier oid = extension.getExtnId();
        Object parsed = extension.getParsedValue();
        if (Extension.basicConstraints.equals(oid)) {
            BasicConstraints bc = BasicConstraints.getInstance(parsed);
            return bc.isCA() ? "CA:TRUE" + (bc.getPathLenConstraint() == null ? "" : ", pathlen:"
                    + bc.getPathLenConstraint()) : "CA:FALSE";
        }
        if (Extension.keyUsage.equals(oid)) {
            KeyUsage usage = KeyUsage.getInstance(parsed);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < KEY_USAGE_BITS.length; i++) {
                if (usage.hasUsages(KEY_USAGE_BITS[i])) {
                    names.add(KEY_USAGE_NAMES[i]);
                }
            }
            return String.join(", ", names);
        }
        if (Extension.extendedKeyUsage.equals(oid)) {
            return java.util.Arrays.stream(ExtendedKeyUsage.getInstance(parsed).getUsages())
                    .map(p -> PURPOSES.getOrDefault(p.toOID(), p.toOID().getId()))
                    .collect(Collectors.joining(", "));
        }
        if (Extension.subjectAlternativeName.equals(oid)) {
            return String.join(", ", SubjectAlternativeNames.describe(GeneralNames.getInstance(parsed)));
        }
        if (Extension.subjectKeyIdentifier.equals(oid)) {
            return hex(SubjectKeyIdentifier.getInstance(parsed).getKeyIdentifier());
        }
        if (Extension.authorityKeyIdentifier.equals(oid)) {
            return "keyid:" + hex(AuthorityKeyIdentifier.getInstance(parsed).getKeyIdentifier());
        }
        if (Extension.cRLDistributionPoints.equals(oid)) {
            List<String> out = new ArrayList<>();
            for (DistributionPoint dp : CRLDistPoint.getInstance(parsed).getDistributionPoints()) {
                DistributionPointName name = dp.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    out.addAll(SubjectAlternativeNames.describe(GeneralNames.getInstance(name.getName())));
                }
            }
            return String.join(", ", out);
        }
        if (Extension.authorityInfoAccess.equals(oid)) {
            List<String> out = new ArrayList<>();
            for (AccessDescription d : AuthorityInformationAccess.getInstance(parsed).getAccessDescriptions()) {
                String method = AccessDescription.id_ad_ocsp.equals(d.getAccessMethod()) ? "OCSP"
                        : AccessDescription.id_ad_caIssuers.equals(d.getAccessMethod()) ? "CA Issuers"
                        : d.getAccessMethod().getId();
                out.add(method + " - " + SubjectAlternativeNames.describe(new GeneralNames(d.getAccessLocation()))
                        .get(0));
            }
            return String.join(", ", out);
        }
        if (Extension.certificatePolicies.equals(oid)) {
            List<String> out = new ArrayList<>();
            for (PolicyInformation info : CertificatePolicies.getInstance(parsed).getPolicyInformation()) {
                out.add("Policy: " + info.getPolicyIdentifier().getId());
            }
            return String.join(", ", out);
        }
        return ASN1Dump.dumpAsString(parsed).strip().replaceAll("\\s+", " ");
    }

    private static String hex(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        String h = HexFormat.of().withUpperCase().formatHex(bytes);
        return h.replaceAll("(..)(?!$)", "$1:");
    }
}
