package dev.certgateway.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.certgateway.x509.CertificateAssembler;
import dev.certgateway.x509.CertificateBlueprint;
import dev.certgateway.x509.CertificateComposer;
import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.CsrParser;
import dev.certgateway.x509.IssuerInfo;
import dev.certgateway.x509.ParsedCsr;
import dev.certgateway.x509.SerialNumbers;
import dev.certgateway.x509.SigningAlgorithm;
import dev.certgateway.x509.Validity;
import dev.certgateway.x509.ValidityCalculator;
import dev.certgateway.x509.ValidityPeriod;
import dev.certgateway.x509.ValidityPeriodType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AWS Private CA as the SDK sees it: WireMock speaking ACM PCA's JSON 1.1 protocol ({@code POST /} with
 * {@code X-Amz-Target: ACMPrivateCA.<Operation>}). Issued certificates are really signed, with a
 * {@link TestAuthorities} key, from the CSR, template and validity the gateway sent, so what the gateway
 * forwards is what the certificate shows. One per JVM; tests add higher-priority stubs for failures and remove
 * them afterwards.
 */
public final class AcmPcaFake {

    public static final String ACCOUNT = "111122223333";
    /** Backed by {@code test-sub}'s key and chain (issuing CA under a root), ACTIVE. */
    public static final String ACTIVE_ARN =
            "arn:aws:acm-pca:us-east-1:" + ACCOUNT + ":certificate-authority/11111111-1111-1111-1111-111111111111";
    /** DISABLED in ACM PCA. */
    public static final String DISABLED_ARN =
            "arn:aws:acm-pca:us-east-1:" + ACCOUNT + ":certificate-authority/22222222-2222-2222-2222-222222222222";
    /** Does not exist: DescribeCertificateAuthority answers ResourceNotFoundException. */
    public static final String MISSING_ARN =
            "arn:aws:acm-pca:us-east-1:" + ACCOUNT + ":certificate-authority/33333333-3333-3333-3333-333333333333";
    public static final String JSON_1_1 = "application/x-amz-json-1.1";

    private static AcmPcaFake instance;

    private final WireMockServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> certificates = new ConcurrentHashMap<>();
    private final AtomicInteger inProgressAnswers = new AtomicInteger();
    private final AtomicBoolean held = new AtomicBoolean();
    private final AtomicBoolean foreignKeyNext = new AtomicBoolean();
    private final KeyPair foreignKey = TestPki.ecKey("secp256r1");

    private record Issued(String certificatePem, String chainPem, AtomicInteger inProgress, boolean held) {
    }

    private AcmPcaFake() {
        // The SDK's default credential chain reads these first: no real credentials, no instance metadata.
        System.setProperty("aws.accessKeyId", "AKIDTESTTESTTESTTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new Transformer()));
        server.start();
        for (String operation : List.of("DescribeCertificateAuthority", "GetCertificateAuthorityCertificate",
                "IssueCertificate", "GetCertificate")) {
            server.stubFor(operation(operation).atPriority(10)
                    .willReturn(aResponse().withTransformers(Transformer.NAME)));
        }
    }

    public static synchronized AcmPcaFake get() {
        if (instance == null) {
            instance = new AcmPcaFake();
        }
        return instance;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    /** A stub for one operation, to add failures with {@code atPriority(1)}. */
    public static MappingBuilder operation(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("ACMPrivateCA." + operation));
    }

    /** An ACM PCA error answer as the JSON protocol carries it. */
    public static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_1_1)
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    public StubMapping stub(MappingBuilder mapping) {
        return server.stubFor(mapping);
    }

    /** Removes what a test added and resets the knobs; the default behaviour stays. */
    public void reset(List<StubMapping> added) {
        added.forEach(server::removeStub);
        inProgressAnswers.set(0);
        held.set(false);
        foreignKeyNext.set(false);
        server.resetScenarios();
    }

    /** Certificates issued from now on answer RequestInProgressException this many times first. */
    public void inProgressAnswers(int count) {
        inProgressAnswers.set(count);
    }

    /** Certificates issued from now on stay in progress until {@link #release()}. */
    public void hold() {
        held.set(true);
    }

    public void release() {
        held.set(false);
        certificates.replaceAll((arn, issued) -> new Issued(issued.certificatePem(), issued.chainPem(),
                issued.inProgress(), false));
    }

    /** The next certificate is issued for another public key than the CSR's (a confused or broken CA). */
    public void foreignKeyNext() {
        foreignKeyNext.set(true);
    }

    /** The bodies of the requests received for one operation, oldest first. */
    public List<JsonNode> requests(String operation) {
        List<LoggedRequest> logged = server.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("ACMPrivateCA." + operation)));
        return logged.stream().map(r -> json.readTree(r.getBodyAsString())).collect(Collectors.toList());
    }

    /** Properties configuring the fake's CAs as gateway authorities. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        authority(properties, "test-acmpca", ACTIVE_ARN);
        authority(properties, "test-acmpca-disabled", DISABLED_ARN);
        authority(properties, "test-acmpca-missing", MISSING_ARN);
        return properties;
    }

    private void authority(Map<String, Object> properties, String alias, String arn) {
        String prefix = "certgw.authorities." + alias + ".";
        properties.put(prefix + "backend", "acm-pca");
        properties.put(prefix + "acm-pca.arn", arn);
        properties.put(prefix + "acm-pca.endpoint", endpoint());
        // Room for three attempts with the SDK's throttling backoff; attempts themselves time out after 1 s.
        properties.put(prefix + "acm-pca.call-timeout", "8s");
        properties.put(prefix + "acm-pca.attempt-timeout", "1s");
        properties.put(prefix + "acm-pca.max-attempts", "3");
        properties.put(prefix + "acm-pca.rate-limit", "50");
        properties.put(prefix + "acm-pca.poll-deadline", "3s");
    }

    /** The in-process ACM PCA behind the default stubs. */
    private final class Transformer implements ResponseDefinitionTransformerV2 {

        static final String NAME = "acm-pca-fake";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String target = event.getRequest().getHeader("X-Amz-Target");
            JsonNode request = json.readTree(event.getRequest().getBodyAsString());
            try {
                return switch (target.substring(target.indexOf('.') + 1)) {
                    case "DescribeCertificateAuthority" -> describe(request);
                    case "GetCertificateAuthorityCertificate" -> caCertificate(request);
                    case "IssueCertificate" -> issue(request);
                    case "GetCertificate" -> getCertificate(request);
                    default -> error(400, "InvalidRequestException", "unknown target " + target).build();
                };
            } catch (RuntimeException e) {
                return error(400, "InvalidArgsException", e.toString().replace('"', '\'')).build();
            }
        }

        private ResponseDefinition ok(Map<String, Object> body) {
            return aResponse().withStatus(200).withHeader("Content-Type", JSON_1_1)
                    .withBody(json.writeValueAsString(body)).build();
        }

        private ResponseDefinition describe(JsonNode request) {
            String arn = request.get("CertificateAuthorityArn").asString();
            if (!arn.equals(ACTIVE_ARN) && !arn.equals(DISABLED_ARN)) {
                return error(400, "ResourceNotFoundException", "Could not find certificate authority " + arn).build();
            }
            return ok(Map.of("CertificateAuthority", Map.of(
                    "Arn", arn,
                    "OwnerAccount", ACCOUNT,
                    "Type", "SUBORDINATE",
                    "Status", arn.equals(ACTIVE_ARN) ? "ACTIVE" : "DISABLED",
                    "CertificateAuthorityConfiguration", Map.of("KeyAlgorithm", "EC_secp384r1",
                            "SigningAlgorithm", "SHA384WITHECDSA", "Subject", Map.of("CommonName", "Test Issuing CA")))));
        }

        private ResponseDefinition caCertificate(JsonNode request) {
            String arn = request.get("CertificateAuthorityArn").asString();
            if (!arn.equals(ACTIVE_ARN) && !arn.equals(DISABLED_ARN)) {
                return error(400, "ResourceNotFoundException", "Could not find certificate authority " + arn).build();
            }
            List<X509CertificateHolder> chain = TestAuthorities.get().chain("test-sub");
            return ok(Map.of("Certificate", TestPki.pem(List.of(chain.get(0))),
                    "CertificateChain", TestPki.pem(chain.subList(1, chain.size()))));
        }

        private ResponseDefinition issue(JsonNode request) {
            String arn = request.get("CertificateAuthorityArn").asString();
            if (!arn.equals(ACTIVE_ARN)) {
                return error(400, "InvalidStateException", "The certificate authority " + arn + " is not ACTIVE")
                        .build();
            }
            TestAuthorities pki = TestAuthorities.get();
            List<X509CertificateHolder> chain = pki.chain("test-sub");
            X509CertificateHolder ca = chain.get(0);
            String csrPem = new String(Base64.getDecoder().decode(request.get("Csr").asString()),
                    StandardCharsets.US_ASCII);
            ParsedCsr csr = new CsrParser().parse(csrPem);
            CertificateTemplate template = CertificateTemplate.fromArn(
                    request.has("TemplateArn") ? request.get("TemplateArn").asString() : null);
            Instant now = Instant.now();
            ValidityPeriod validity = ValidityCalculator.compute(validity(request.get("Validity")),
                    request.has("ValidityNotBefore") ? validity(request.get("ValidityNotBefore")) : null, now,
                    ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant());
            BigInteger serial = SerialNumbers.next(now, random);
            CertificateBlueprint blueprint = new CertificateComposer().compose(csr, template, null, validity,
                    IssuerInfo.of(ca, null, null, null), serial);
            if (foreignKeyNext.getAndSet(false)) {
                blueprint = new CertificateBlueprint(blueprint.serialNumber(), blueprint.issuer(), blueprint.subject(),
                        SubjectPublicKeyInfo.getInstance(foreignKey.getPublic().getEncoded()), blueprint.validity(),
                        blueprint.extensions(), blueprint.warnings());
            }
            X509CertificateHolder certificate = CertificateAssembler.sign(blueprint, CertificateAssembler.signer(
                    SigningAlgorithm.valueOf(request.get("SigningAlgorithm").asString()),
                    pki.key("test-sub").getPrivate()));
            String certificateArn = arn + "/certificate/" + serial.toString(16);
            certificates.put(certificateArn, new Issued(TestPki.pem(List.of(certificate)), TestPki.pem(chain),
                    new AtomicInteger(inProgressAnswers.get()), held.get()));
            return ok(Map.of("CertificateArn", certificateArn));
        }

        private Validity validity(JsonNode node) {
            return new Validity(node.get("Value").asLong(), ValidityPeriodType.valueOf(node.get("Type").asString()));
        }

        private ResponseDefinition getCertificate(JsonNode request) {
            String certificateArn = request.get("CertificateArn").asString();
            Issued issued = certificates.get(certificateArn);
            if (issued == null) {
                return error(400, "ResourceNotFoundException", "Could not find certificate " + certificateArn).build();
            }
            if (issued.held() || issued.inProgress().getAndDecrement() > 0) {
                return error(400, "RequestInProgressException", "The request is still in progress").build();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Certificate", issued.certificatePem());
            body.put("CertificateChain", issued.chainPem());
            return ok(body);
        }
    }

    /** Every certificate ARN the fake has issued, for assertions. */
    public List<String> issuedArns() {
        return new ArrayList<>(certificates.keySet());
    }
}
