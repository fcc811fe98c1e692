package dev.certgateway.issuance;

import org.junit.jupiter.api.BeforeEach;

/** The issuance contract, through ACM PCA (with GetCertificate answering "in progress" once, as it often does). */
class AcmPcaIssuanceContractIntegrationTests extends IssuanceContract {

    @Override
    String authority() {
        return "test-acmpca";
    }

    @BeforeEach
    void certificatesTakeAMoment() {
        ACM.inProgressAnswers(1);
    }
}
