package dev.certgateway.x509;

/** The variant suffix of an ACM PCA template name: which sources besides the template it honours. */
public enum TemplateVariant {
    BASE(""),
    CSR_PASSTHROUGH("_CSRPassthrough"),
    API_PASSTHROUGH("_APIPassthrough"),
    API_CSR_PASSTHROUGH("_APICSRPassthrough");

    private final String suffix;

    TemplateVariant(String suffix) {
        this.suffix = suffix;
    }

    /** The suffix appended to the family name in the template ARN, empty for {@link #BASE}. */
    public String suffix() {
        return suffix;
    }
}
