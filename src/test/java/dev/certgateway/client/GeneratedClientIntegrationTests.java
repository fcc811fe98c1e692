package dev.certgateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certgateway.client.api.AuthoritiesApi;
import dev.certgateway.client.api.CertificatesApi;
import dev.certgateway.client.model.AuthorityResponse;
import dev.certgateway.client.model.CertificateListResponse;
import dev.certgateway.client.model.CertificateResponse;
import dev.certgateway.client.model.IssueCertificateRequest;
import dev.certgateway.client.model.Problem;
import dev.certgateway.client.model.Validity;
import dev.certgateway.testsupport.IntegrationTestSupport;
import dev.certgateway.testsupport.TestCsr;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated from the committed docs/openapi.yaml (during the build, by openapi-generator) drives
 * a running gateway the way an internal team would: no hand-written HTTP here.
 */
class GeneratedClientIntegrationTests extends IntegrationTestSupport {

    private ApiClient client(String bearer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        return client;
    }

    private static IssueCertificateRequest request(String csr) {
        return new IssueCertificateRequest()
                .certificateAuthorityArn("test-ec")
                .csr(csr)
                .signingAlgorithm(IssueCertificateRequest.SigningAlgorithmEnum.SHA256_WITHECDSA)
                .templateArn(IssueCertificateRequest.TemplateArnEnum.ARN_AWS_ACM_PCA_TEMPLATE_END_ENTITY_CERTIFICATE_V1)
                .validity(new Validity().value(30L).type(Validity.TypeEnum.DAYS));
    }

    @Test
    void issueFetchAndListWithTheGeneratedClient() throws ApiException {
        String team = "client-" + UUID.randomUUID();
        CertificatesApi certificates = new CertificatesApi(client(token(team)));

        CertificateResponse issued = certificates.issueCertificate(
                request(TestCsr.withSharedEcKey().subject("CN=client.example").dns("client.example").pem()),
                "client-token-1");
        assertThat(issued.getCertificate()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(issued.getSubjectAlternativeNames()).containsExactly("DNS:client.example");

        CertificateResponse fetched = certificates.getCertificate(issued.getId().toString());
        assertThat(fetched).isEqualTo(issued);

        CertificateListResponse listed = certificates.listCertificates(10, null);
        assertThat(listed.getCertificates()).singleElement()
                .satisfies(summary -> assertThat(summary.getId()).isEqualTo(issued.getId()));

        AuthorityResponse ec = new AuthoritiesApi(client(token(team))).listAuthorities().getAuthorities().stream()
                .filter(a -> "test-ec".equals(a.getAlias())).findFirst().orElseThrow();
        assertThat(ec.getKeyAlgorithm()).isEqualTo(AuthorityResponse.KeyAlgorithmEnum.EC_PRIME256V1);
        assertThat(ec.getArn()).isEqualTo(issued.getCertificateAuthorityArn());
    }

    @Test
    void aPolicyViolationArrivesAsATypedProblem() throws Exception {
        ApiClient client = client(token("policy-strict"));
        CertificatesApi certificates = new CertificatesApi(client);

        ApiException denied = catchThrowableOfType(ApiException.class, () -> certificates.issueCertificate(
                request(TestCsr.withSharedEcKey().subject("CN=www.elsewhere.example").dns("www.elsewhere.example")
                        .pem()), null));

        assertThat(denied.getCode()).isEqualTo(403);
        Problem problem = client.getObjectMapper().readValue(denied.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo(Problem.CodeEnum.POLICY_VIOLATION);
        assertThat(problem.getViolations()).isNotEmpty();
        assertThat(problem.getViolations()).anySatisfy(violation -> {
            assertThat(violation.getRule()).isEqualTo("dns.allow");
            assertThat(violation.getValue()).contains("www.elsewhere.example");
        });
    }
}
