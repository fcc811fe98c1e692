package dev.certgateway.x509;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;

import dev.certgateway.error.InvalidArgsException;
import dev.certgateway.x509.passthrough.ApiPassthrough;
import dev.certgateway.x509.passthrough.CustomExtension;
import dev.certgateway.x509.passthrough.ExtendedKeyUsageType;
import dev.certgateway.x509.passthrough.Extensions;

/**
 * Validates ACM PCA's ApiPassthrough and converts it to extensions. Runs on every request that carries one, even
 * when the template will ignore it, so a request is valid or invalid independently of the template.
 */
final class PassthroughValidator {

    static final String ROOT = "apiPassthrough";
    static final String EXTENSIONS = ROOT + ".extensions";
    /** ACM PCA's API model limits: 20 extended key usages or policies (and qualifiers), 150 custom extensions. */
    static final int MAX_LIST = 20;
    static final int MAX_CUSTOM_EXTENSIONS = 150;
    private static final int MAX_CUSTOM_VALUE_CHARS = 4096;
    private static final int MAX_CPS_URI = 256;

    /**
     * OIDs for ACM PCA's ExtendedKeyUsageType names. DOCUMENT_SIGNING is Microsoft's document-signing purpose and
     * CERTIFICATE_TRANSPARENCY the RFC 6962 precertificate-signing purpose, the values ACM PCA writes.
     */
    private static final Map<ExtendedKeyUsageType, KeyPurposeId> PURPOSES = Map.of(
            ExtendedKeyUsageType.SERVER_AUTH, KeyPurposeId.id_kp_serverAuth,
            ExtendedKeyUsageType.CLIENT_AUTH, KeyPurposeId.id_kp_clientAuth,
            ExtendedKeyUsageType.CODE_SIGNING, KeyPurposeId.id_kp_codeSigning,
            ExtendedKeyUsageType.EMAIL_PROTECTION, KeyPurposeId.id_kp_emailProtection,
            ExtendedKeyUsageType.TIME_STAMPING, KeyPurposeId.id_kp_timeStamping,
            ExtendedKeyUsageType.OCSP_SIGNING, KeyPurposeId.id_kp_OCSPSigning,
            ExtendedKeyUsageType.SMART_CARD_LOGIN, KeyPurposeId.id_kp_smartcardlogon,
            ExtendedKeyUsageType.DOCUMENT_SIGNING,
            KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.10.3.12")),
            ExtendedKeyUsageType.CERTIFICATE_TRANSPARENCY,
            KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.4")));

    private PassthroughValidator() {
    }

    /** @return null when {@code passthrough} is null */
    static ValidatedPassthrough validate(ApiPassthrough passthrough) {
        if (passthrough == null) {
            return null;
        }
        X500Name subject = null;
        if (passthrough.subject() != null) {
            X500Name name = DistinguishedNames.from(passthrough.subject(), ROOT + ".subject");
            // A subject object with no attribute gives nothing, like an absent one.
            subject = name.getRDNs().length == 0 ? null : name;
        }
        Extensions e = passthrough.extensions();
        if (e == null) {
            return new ValidatedPassthrough(subject, null, null, List.of());
        }
        List<SourcedExtension> out = new ArrayList<>();
        Map<ASN1ObjectIdentifier, String> given = new HashMap<>();

        GeneralNames sans = null;
        String sanSource = null;
        if (e.subjectAlternativeNames() != null) {
            sanSource = EXTENSIONS + ".subjectAlternativeNames";
            sans = GeneralNameConverter.fromList(e.subjectAlternativeNames(), sanSource);
            given.put(Extension.subjectAlternativeName, sanSource);
        }
        if (e.keyUsage() != null) {
            String at = EXTENSIONS + ".keyUsage";
            given.put(Extension.keyUsage, at);
            int bits = keyUsageBits(e.keyUsage());
            if (bits != 0) {
                // RFC 5280 section 4.2.1.3: conforming CAs SHOULD mark KeyUsage critical.
                out.add(new SourcedExtension(at, extension(Extension.keyUsage, true, new KeyUsage(bits))));
            }
        }
        if (e.extendedKeyUsage() != null) {
            String at = EXTENSIONS + ".extendedKeyUsage";
            given.put(Extension.extendedKeyUsage, at);
            out.add(new SourcedExtension(at, extension(Extension.extendedKeyUsage, false,
                    extendedKeyUsage(e.extendedKeyUsage(), at))));
        }
        if (e.certificatePolicies() != null) {
            String at = EXTENSIONS + ".certificatePolicies";
            given.put(Extension.certificatePolicies, at);
            out.add(new SourcedExtension(at, extension(Extension.certificatePolicies, false,
                    certificatePolicies(e.certificatePolicies(), at))));
        }
        if (e.customExtensions() != null) {
            List<CustomExtension> custom = e.customExtensions();
            requireSize(custom, EXTENSIONS + ".customExtensions", MAX_CUSTOM_EXTENSIONS);
            for (int i = 0; i < custom.size(); i++) {
                String at = EXTENSIONS + ".customExtensions[" + i + "]";
                Extension ext = customExtension(custom.get(i), at);
                String earlier = given.putIfAbsent(ext.getExtnId(), at);
                if (earlier != null) {
                    throw new InvalidArgsException(at + ": extension " + ext.getExtnId().getId() + " is also given by "
                            + earlier + "; a certificate carries each extension at most once (RFC 5280), so give it"
                            + " once");
                }
                if (Extension.subjectAlternativeName.equals(ext.getExtnId())) {
                    // A SAN given as raw DER is still the API's SAN: it replaces the CSR's like the structured form.
                    try {
                        sans = GeneralNames.getInstance(ext.getParsedValue());
                    } catch (RuntimeException ex) {
                        throw new InvalidArgsException(at + ".value: is not a SubjectAltName (a SEQUENCE of"
                                + " GeneralName, RFC 5280 section 4.2.1.6)");
                    }
                    sanSource = at;
                } else {
                    out.add(new SourcedExtension(at, ext));
                }
            }
        }
        return new ValidatedPassthrough(subject, sans, sanSource, List.copyOf(out));
    }

    private static int keyUsageBits(dev.certgateway.x509.passthrough.KeyUsage k) {
        int bits = 0;
        if (Boolean.TRUE.equals(k.digitalSignature())) bits |= KeyUsage.digitalSignature;
        if (Boolean.TRUE.equals(k.nonRepudiation())) bits |= KeyUsage.nonRepudiation;
        if (Boolean.TRUE.equals(k.keyEncipherment())) bits |= KeyUsage.keyEncipherment;
        if (Boolean.TRUE.equals(k.dataEncipherment())) bits |= KeyUsage.dataEncipherment;
        if (Boolean.TRUE.equals(k.keyAgreement())) bits |= KeyUsage.keyAgreement;
        if (Boolean.TRUE.equals(k.keyCertSign())) bits |= KeyUsage.keyCertSign;
        if (Boolean.TRUE.equals(k.crlSign())) bits |= KeyUsage.cRLSign;
        if (Boolean.TRUE.equals(k.encipherOnly())) bits |= KeyUsage.encipherOnly;
        if (Boolean.TRUE.equals(k.decipherOnly())) bits |= KeyUsage.decipherOnly;
        return bits;
    }

    private static ExtendedKeyUsage extendedKeyUsage(List<dev.certgateway.x509.passthrough.ExtendedKeyUsage> list,
            String path) {
        requireSize(list, path);
        List<KeyPurposeId> purposes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            var entry = list.get(i);
            boolean hasType = entry != null && entry.extendedKeyUsageType() != null;
            boolean hasOid = entry != null && entry.extendedKeyUsageObjectIdentifier() != null;
            if (hasType == hasOid) {
                throw new InvalidArgsException(at + ": give exactly one of extendedKeyUsageType or"
                        + " extendedKeyUsageObjectIdentifier");
            }
            KeyPurposeId purpose = hasType ? PURPOSES.get(entry.extendedKeyUsageType())
                    : KeyPurposeId.getInstance(Oids.parse(entry.extendedKeyUsageObjectIdentifier(),
                            at + ".extendedKeyUsageObjectIdentifier"));
            if (purposes.contains(purpose)) {
                throw new InvalidArgsException(at + ": purpose " + purpose.getId() + " is listed twice; list each"
                        + " purpose once");
            }
            purposes.add(purpose);
        }
        return new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new));
    }

    private static CertificatePolicies certificatePolicies(
            List<dev.certgateway.x509.passthrough.PolicyInformation> list, String path) {
        requireSize(list, path);
        List<PolicyInformation> policies = new ArrayList<>();
        Set<ASN1ObjectIdentifier> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            var policy = list.get(i);
            if (policy == null) {
                throw new InvalidArgsException(at + " is null; give {certPolicyId, policyQualifiers}");
            }
            ASN1ObjectIdentifier id = Oids.parse(policy.certPolicyId(), at + ".certPolicyId");
            if (!seen.add(id)) {
                // RFC 5280 section 4.2.1.4: a policy OID MUST NOT appear more than once.
                throw new InvalidArgsException(at + ".certPolicyId: " + id.getId() + " is listed twice; list each"
                        + " policy once");
            }
            if (policy.policyQualifiers() == null) {
                policies.add(new PolicyInformation(id));
                continue;
            }
            requireSize(policy.policyQualifiers(), at + ".policyQualifiers");
            ASN1EncodableVector qualifiers = new ASN1EncodableVector();
            for (int q = 0; q < policy.policyQualifiers().size(); q++) {
                String qat = at + ".policyQualifiers[" + q + "]";
                var qualifier = policy.policyQualifiers().get(q);
                if (qualifier == null || !"CPS".equals(qualifier.policyQualifierId())) {
                    throw new InvalidArgsException(qat + ".policyQualifierId: give CPS, the only qualifier"
                            + " supported");
                }
                if (qualifier.qualifier() == null || qualifier.qualifier().cpsUri() == null) {
                    throw new InvalidArgsException(qat + ".qualifier.cpsUri is required; give the URI of the"
                            + " certification practice statement");
                }
                String uri = GeneralNameConverter.uri(qualifier.qualifier().cpsUri(), qat + ".qualifier.cpsUri",
                        MAX_CPS_URI);
                qualifiers.add(new PolicyQualifierInfo(PolicyQualifierId.id_qt_cps, new DERIA5String(uri)));
            }
            policies.add(new PolicyInformation(id, new DERSequence(qualifiers)));
        }
        return new CertificatePolicies(policies.toArray(PolicyInformation[]::new));
    }

    private static Extension customExtension(CustomExtension custom, String at) {
        if (custom == null) {
            throw new InvalidArgsException(at + " is null; give {objectIdentifier, value, critical}");
        }
        ASN1ObjectIdentifier oid = Oids.parse(custom.objectIdentifier(), at + ".objectIdentifier");
        String accepted = "; give the extension's DER value, base64-encoded (at most " + MAX_CUSTOM_VALUE_CHARS
                + " characters)";
        String value = custom.value();
        if (value == null || value.isEmpty()) {
            throw new InvalidArgsException(at + ".value is required" + accepted);
        }
        if (value.length() > MAX_CUSTOM_VALUE_CHARS) {
            throw new InvalidArgsException(at + ".value is " + value.length() + " characters long" + accepted);
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgsException(at + ".value is not valid base64" + accepted);
        }
        try {
            // fromByteArray rejects trailing bytes, so the value is exactly one DER object.
            ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) {
            throw new InvalidArgsException(at + ".value does not decode to a single DER-encoded ASN.1 value"
                    + accepted);
        }
        return new Extension(oid, Boolean.TRUE.equals(custom.critical()), der);
    }

    private static void requireSize(List<?> list, String path) {
        requireSize(list, path, MAX_LIST);
    }

    private static void requireSize(List<?> list, String path, int max) {
        if (list.isEmpty() || list.size() > max) {
            throw new InvalidArgsException(path + ": give 1 to " + max + " entries (got " + list.size() + ")");
        }
    }

    private static Extension extension(ASN1ObjectIdentifier oid, boolean critical,
            org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            return new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of a freshly built extension failed", e);
        }
    }
}
