package dev.certgateway.x509;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

import dev.certgateway.error.InvalidArgsException;
import dev.certgateway.x509.passthrough.ApiPassthrough;

/**
 * Composes the effective certificate from the template, API passthrough and CSR, following ACM PCA's order of
 * operations: per extension, template (and the authority's own extensions) beats API passthrough beats CSR. Subject
 * and SANs come from the CSR unless an API variant supplies them. Anything dropped becomes a warning. Thread-safe.
 */
public final class CertificateComposer {

    private static final String TEMPLATE = "the template";
    private static final String AUTHORITY = "the authority";

    /** The order extensions appear in; those not listed follow in the order they were added. */
    private static final List<ASN1ObjectIdentifier> ORDER = List.of(
            Extension.basicConstraints, Extension.keyUsage, Extension.extendedKeyUsage,
            Extension.subjectAlternativeName, Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier,
            Extension.cRLDistributionPoints, Extension.authorityInfoAccess, Extension.certificatePolicies);

    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.of(
            Extension.basicConstraints, "BasicConstraints",
            Extension.keyUsage, "KeyUsage",
            Extension.extendedKeyUsage, "ExtendedKeyUsage",
            Extension.subjectAlternativeName, "SubjectAlternativeName",
            Extension.subjectKeyIdentifier, "SubjectKeyIdentifier",
            Extension.authorityKeyIdentifier, "AuthorityKeyIdentifier",
            Extension.cRLDistributionPoints, "CRLDistributionPoints",
            Extension.authorityInfoAccess, "AuthorityInfoAccess",
            Extension.certificatePolicies, "CertificatePolicies");

    /**
     * @param passthrough nullable; validated even when the template ignores it
     * @throws InvalidArgsException when the passthrough is invalid, the template does not fit the authority, or the
     *                              result would have neither subject nor SAN
     */
    public CertificateBlueprint compose(ParsedCsr csr, CertificateTemplate template, ApiPassthrough passthrough,
            ValidityPeriod validity, IssuerInfo issuer, BigInteger serialNumber) {
        Objects.requireNonNull(csr, "csr");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serialNumber, "serialNumber");

        ValidatedPassthrough api = PassthroughValidator.validate(passthrough);
        requireFitsIssuer(csr, template, issuer);

        Composition c = new Composition(template);
        if (api != null && !template.acceptsApiPassthrough()) {
            if (!api.isEmpty()) {
                c.warnings.add("apiPassthrough is ignored by template " + template.displayName()
                        + "; use an *APIPassthrough or *APICSRPassthrough template to apply it");
            }
            api = null;
        }

        X500Name subject = csr.subject();
        GeneralNames sans = csr.subjectAlternativeNames();
        if (api != null && api.subject() != null) {
            if (subject.getRDNs().length > 0 && !subject.equals(api.subject())) {
                c.warnings.add("the CSR's subject was replaced by apiPassthrough.subject");
            }
            subject = api.subject();
        }
        if (api != null && api.subjectAlternativeNames() != null) {
            if (sans != null && !sans.equals(api.subjectAlternativeNames())) {
                c.warnings.add("the CSR's subjectAlternativeName was replaced by " + api.sanSource());
            }
            sans = api.subjectAlternativeNames();
        }
        boolean emptySubject = subject.getRDNs().length == 0;
        boolean noSans = sans == null || sans.getNames().length == 0;
        if (emptySubject && noSans) {
            throw new InvalidArgsException("csr: the certificate would have an empty subject and no"
                    + " subjectAlternativeName; give a subject or SANs in the CSR or, on an *APIPassthrough template,"
                    + " in apiPassthrough");
        }

        templateExtensions(c, template);
        authorityExtensions(c, csr, issuer);
        if (api != null) {
            api.extensions().forEach(c::offer);
        }
        csrExtensions(c, csr, template);
        if (!noSans) {
            // RFC 5280 section 4.2.1.6: with an empty subject, the SAN carries the identity and MUST be critical.
            c.put(new SourcedExtension("subjectAlternativeNames", extension(Extension.subjectAlternativeName,
                    emptySubject, sans)));
        }
        return new CertificateBlueprint(serialNumber, issuer.subject(), subject, csr.publicKeyInfo(), validity,
                c.ordered(), c.warnings);
    }

    private static void requireFitsIssuer(ParsedCsr csr, CertificateTemplate template, IssuerInfo issuer) {
        if (template.root()) {
            if (!csr.publicKeyInfo().equals(issuer.publicKey())) {
                throw new InvalidArgsException("templateArn: " + template.displayName() + " only issues the"
                        + " authority's own certificate (the CSR's key must be the authority's key); use a"
                        + " SubordinateCACertificate template to certify another CA");
            }
            return;
        }
        Integer limit = issuer.pathLenConstraint();
        if (template.certificateAuthority() && limit != null && template.pathLength() >= limit) {
            if (limit == 0) {
                throw new InvalidArgsException("templateArn: the authority's certificate has path length constraint"
                        + " 0, so it cannot issue CA certificates; use an end-entity template such as"
                        + " EndEntityCertificate/V1");
            }
            throw new InvalidArgsException("templateArn: " + template.displayName() + " sets path length "
                    + template.pathLength() + " but the authority's certificate has path length constraint " + limit
                    + "; the largest path length allowed is " + (limit - 1) + " (use a PathLen" + (limit - 1)
                    + " template or lower)");
        }
    }

    private static void templateExtensions(Composition c, CertificateTemplate template) {
        TemplateFamily family = template.family();
        BasicConstraints bc = switch (family.kind()) {
            case END_ENTITY, END_ENTITY_CRITICAL -> new BasicConstraints(false);
            case SUBORDINATE_CA, ROOT_CA -> template.pathLength() == null ? new BasicConstraints(true)
                    : new BasicConstraints(template.pathLength());
        };
        c.put(new SourcedExtension(TEMPLATE, extension(Extension.basicConstraints,
                family.kind() != TemplateFamily.Kind.END_ENTITY, bc)));
        if (family.keyUsageBits() != 0) {
            c.put(new SourcedExtension(TEMPLATE, extension(Extension.keyUsage, true,
                    new KeyUsage(family.keyUsageBits()))));
        }
        List<KeyPurposeId> ekus = family.extendedKeyUsages();
        if (ekus != null && !ekus.isEmpty()) {
            c.put(new SourcedExtension(TEMPLATE, extension(Extension.extendedKeyUsage,
                    family.extendedKeyUsageCritical(), new ExtendedKeyUsage(ekus.toArray(KeyPurposeId[]::new)))));
        }
    }

    private static void authorityExtensions(Composition c, ParsedCsr csr, IssuerInfo issuer) {
        // Made per call: its SHA-1 digest calculator keeps state, so an instance cannot be shared across threads.
        BcX509ExtensionUtils extensionUtils = new BcX509ExtensionUtils();
        SubjectKeyIdentifier ski = extensionUtils.createSubjectKeyIdentifier(csr.publicKeyInfo());
        c.put(new SourcedExtension(AUTHORITY, extension(Extension.subjectKeyIdentifier, false, ski)));
        byte[] issuerKeyId = issuer.subjectKeyIdentifier() != null ? issuer.subjectKeyIdentifier()
                : extensionUtils.createSubjectKeyIdentifier(issuer.publicKey()).getKeyIdentifier();
        c.put(new SourcedExtension(AUTHORITY, extension(Extension.authorityKeyIdentifier, false,
                new AuthorityKeyIdentifier(issuerKeyId))));
        if (issuer.crlDistributionPointUri() != null) {
            DistributionPoint dp = new DistributionPoint(new DistributionPointName(new GeneralNames(
                    new GeneralName(GeneralName.uniformResourceIdentifier, issuer.crlDistributionPointUri()))),
                    null, null);
            c.put(new SourcedExtension(AUTHORITY, extension(Extension.cRLDistributionPoints, false,
                    new CRLDistPoint(new DistributionPoint[] {dp}))));
        }
        if (issuer.ocspUri() != null || issuer.caIssuersUri() != null) {
            List<AccessDescription> access = new ArrayList<>();
            if (issuer.ocspUri() != null) {
                access.add(new AccessDescription(AccessDescription.id_ad_ocsp,
                        new GeneralName(GeneralName.uniformResourceIdentifier, issuer.ocspUri())));
            }
            if (issuer.caIssuersUri() != null) {
                access.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                        new GeneralName(GeneralName.uniformResourceIdentifier, issuer.caIssuersUri())));
            }
            c.put(new SourcedExtension(AUTHORITY, extension(Extension.authorityInfoAccess, false,
                    new AuthorityInformationAccess(access.toArray(AccessDescription[]::new)))));
        }
    }

    private static void csrExtensions(Composition c, ParsedCsr csr, CertificateTemplate template) {
        if (csr.requestedExtensions() == null) {
            return;
        }
        List<ASN1ObjectIdentifier> others = new ArrayList<>();
        for (ASN1ObjectIdentifier oid : csr.requestedExtensions().getExtensionOIDs()) {
            if (!Extension.subjectAlternativeName.equals(oid)) {
                others.add(oid);
            }
        }
        if (others.isEmpty()) {
            return;
        }
        if (!template.copiesCsrExtensions()) {
            c.warnings.add("the CSR's extension requests other than subjectAlternativeName ("
                    + others.stream().map(CertificateComposer::nameOf).collect(Collectors.joining(", "))
                    + ") are ignored by template " + template.displayName()
                    + "; use a *CSRPassthrough or *APICSRPassthrough template to copy them");
            return;
        }
        for (ASN1ObjectIdentifier oid : others) {
            c.offer(new SourcedExtension("the CSR's " + nameOf(oid) + " extension request",
                    csr.requestedExtensions().getExtension(oid)));
        }
    }

    static String nameOf(ASN1ObjectIdentifier oid) {
        String name = NAMES.get(oid);
        return name == null ? oid.getId() : name;
    }

    static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of a freshly built extension failed", e);
        }
    }

    /** The extensions chosen so far, keyed by OID, and the warnings about those dropped. */
    private static final class Composition {
        final CertificateTemplate template;
        final Map<ASN1ObjectIdentifier, SourcedExtension> chosen = new LinkedHashMap<>();
        final List<String> warnings = new ArrayList<>();

        Composition(CertificateTemplate template) {
            this.template = template;
        }

        void put(SourcedExtension e) {
            chosen.put(e.extension().getExtnId(), e);
        }

        /** Adds an API or CSR extension unless a higher-precedence source already gave one with its OID. */
        void offer(SourcedExtension candidate) {
            ASN1ObjectIdentifier oid = candidate.extension().getExtnId();
            String name = nameOf(oid);
            SourcedExtension owner = chosen.get(oid);
            if (owner != null) {
                warnings.add(describe(candidate) + " was dropped: " + owner.source() + " defines " + name);
            } else if (!template.blank() && (Extension.keyUsage.equals(oid)
                    || Extension.extendedKeyUsage.equals(oid))) {
                warnings.add(describe(candidate) + " was dropped: template " + template.displayName()
                        + " does not take " + name + " from apiPassthrough or the CSR; only Blank templates do");
            } else {
                put(candidate);
            }
        }

        private static String describe(SourcedExtension e) {
            String source = e.source();
            // Custom extensions are named by index; add the OID so the warning says which extension it was.
            return source.contains("customExtensions[") ? source + " (" + nameOf(e.extension().getExtnId()) + ")"
                    : source;
        }

        List<Extension> ordered() {
            List<SourcedExtension> all = new ArrayList<>(chosen.values());
            all.sort(Comparator.comparingInt(e -> {
                int i = ORDER.indexOf(e.extension().getExtnId());
                return i < 0 ? ORDER.size() : i;
            }));
            return all.stream().map(SourcedExtension::extension).toList();
        }
    }
}
