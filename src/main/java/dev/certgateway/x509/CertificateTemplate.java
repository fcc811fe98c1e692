package dev.certgateway.x509;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.certgateway.error.InvalidArgsException;
import dev.certgateway.error.InvalidArnException;

/**
 * One ACM PCA template, e.g. {@code arn:aws:acm-pca:::template/SubordinateCACertificate_PathLen1_APICSRPassthrough/V1}.
 *
 * @param name       the template name without version, e.g. {@code EndEntityCertificate_APIPassthrough}
 * @param pathLength the BasicConstraints pathLenConstraint a CA template writes; null for end-entity templates and
 *                   for root templates without a path length
 */
public record CertificateTemplate(String name, TemplateFamily family, TemplateVariant variant, Integer pathLength) {

    public static final String DEFAULT_ARN = "arn:aws:acm-pca:::template/EndEntityCertificate/V1";

    private static final String ARN_PREFIX = "arn:aws:acm-pca:::template/";
    private static final String VERSION = "V1";
    private static final String TEMPLATES_GUIDE =
            "https://docs.aws.amazon.com/privateca/latest/userguide/UsingTemplates.html";
    private static final Pattern ARN = Pattern.compile(
            Pattern.quote(ARN_PREFIX) + "([A-Za-z0-9_]+)/([A-Za-z0-9]+)");

    private static final Map<String, CertificateTemplate> BY_NAME = catalogue();

    public String arn() {
        return ARN_PREFIX + name + "/" + VERSION;
    }

    /** The short form used in messages, e.g. {@code EndEntityCertificate/V1}. */
    public String displayName() {
        return name + "/" + VERSION;
    }

    public boolean acceptsApiPassthrough() {
        return variant == TemplateVariant.API_PASSTHROUGH || variant == TemplateVariant.API_CSR_PASSTHROUGH;
    }

    public boolean copiesCsrExtensions() {
        return variant == TemplateVariant.CSR_PASSTHROUGH || variant == TemplateVariant.API_CSR_PASSTHROUGH;
    }

    public boolean blank() {
        return family.blank();
    }

    public boolean certificateAuthority() {
        return family.certificateAuthority();
    }

    public boolean root() {
        return family.root();
    }

    /**
     * @param templateArn null or blank means the default, {@code EndEntityCertificate/V1}
     * @throws InvalidArnException  when the value is not of the form {@code arn:aws:acm-pca:::template/NAME/V1}
     * @throws InvalidArgsException when the form is right but ACM PCA defines no such template
     */
    public static CertificateTemplate fromArn(String templateArn) {
        if (templateArn == null || templateArn.isBlank()) {
            return BY_NAME.get("EndEntityCertificate");
        }
        Matcher m = ARN.matcher(templateArn.strip());
        if (!m.matches()) {
            throw new InvalidArnException("templateArn: '" + templateArn + "' is not a template ARN; use the form "
                    + ARN_PREFIX + "NAME/V1, e.g. " + DEFAULT_ARN);
        }
        CertificateTemplate template = BY_NAME.get(m.group(1));
        if (template == null || !VERSION.equals(m.group(2))) {
            throw new InvalidArgsException("templateArn: " + m.group(1) + "/" + m.group(2)
                    + " is not an ACM Private CA template; valid names (all version V1) are listed in the AWS Private"
                    + " CA User Guide, 'Understanding certificate templates' (" + TEMPLATES_GUIDE + "), e.g. "
                    + DEFAULT_ARN);
        }
        return template;
    }

    /** Every template ACM PCA defines, in a stable order. */
    public static List<CertificateTemplate> all() {
        return List.copyOf(BY_NAME.values());
    }

    private static Map<String, CertificateTemplate> catalogue() {
        List<TemplateVariant> every = List.of(TemplateVariant.values());
        List<TemplateVariant> passthroughOnly = List.of(TemplateVariant.API_PASSTHROUGH,
                TemplateVariant.CSR_PASSTHROUGH, TemplateVariant.API_CSR_PASSTHROUGH);
        List<CertificateTemplate> list = new ArrayList<>();
        for (TemplateFamily f : List.of(TemplateFamily.END_ENTITY, TemplateFamily.END_ENTITY_CLIENT_AUTH,
                TemplateFamily.END_ENTITY_SERVER_AUTH, TemplateFamily.CODE_SIGNING, TemplateFamily.OCSP_SIGNING)) {
            add(list, f, null, every);
        }
        add(list, TemplateFamily.ROOT_CA, null, List.of(TemplateVariant.BASE, TemplateVariant.API_PASSTHROUGH));
        for (int n = 0; n <= 3; n++) {
            add(list, TemplateFamily.SUBORDINATE_CA, n, every);
        }
        add(list, TemplateFamily.BLANK_END_ENTITY, null, passthroughOnly);
        add(list, TemplateFamily.BLANK_END_ENTITY_CRITICAL_BASIC_CONSTRAINTS, null, passthroughOnly);
        for (int n = 0; n <= 3; n++) {
            add(list, TemplateFamily.BLANK_SUBORDINATE_CA, n, passthroughOnly);
        }
        add(list, TemplateFamily.BLANK_ROOT_CA, null, List.of(TemplateVariant.API_PASSTHROUGH));
        for (int n = 0; n <= 3; n++) {
            add(list, TemplateFamily.BLANK_ROOT_CA, n, List.of(TemplateVariant.API_PASSTHROUGH));
        }
        Map<String, CertificateTemplate> byName = new LinkedHashMap<>();
        list.forEach(t -> byName.put(t.name(), t));
        return Collections.unmodifiableMap(byName);
    }

    private static void add(List<CertificateTemplate> list, TemplateFamily family, Integer pathLength,
            List<TemplateVariant> variants) {
        String stem = family.baseName() + (pathLength == null ? "" : "_PathLen" + pathLength);
        for (TemplateVariant v : variants) {
            list.add(new CertificateTemplate(stem + v.suffix(), family, v, pathLength));
        }
    }
}
