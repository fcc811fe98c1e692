/**
 * Pure PKI logic with ACM Private CA's IssueCertificate semantics: no Spring, no I/O, no clock of its own (the
 * issuance time is passed in).
 *
 * <p>The steps, in the order the issuance orchestrator calls them:
 * <ol>
 *   <li>{@link dev.certgateway.x509.CsrParser} decodes the CSR, checks its key and verifies proof of possession;</li>
 *   <li>{@link dev.certgateway.x509.CertificateTemplate#fromArn} resolves the template,
 *       {@link dev.certgateway.x509.SigningAlgorithm#requireCompatibleWith} checks the algorithm against the CA key,
 *       and {@link dev.certgateway.x509.ValidityCalculator} computes NotBefore/NotAfter;</li>
 *   <li>{@link dev.certgateway.x509.CertificateComposer} validates API passthrough and composes template, API
 *       passthrough and CSR into a {@link dev.certgateway.x509.CertificateBlueprint} (per extension: template and
 *       authority, then API, then CSR; every dropped input is a warning);</li>
 *   <li>{@link dev.certgateway.x509.CertificateAssembler} signs the blueprint with the CA key.</li>
 * </ol>
 *
 * <p>Validation failures are {@code dev.certgateway.error} exceptions whose message names the request field by its
 * JSON path and says what is accepted; they go to callers as the problem's {@code detail}.
 */
package dev.certgateway.x509;
