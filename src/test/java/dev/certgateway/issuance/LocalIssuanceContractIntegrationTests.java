package dev.certgateway.issuance;

/** The issuance contract, signed with a key the gateway holds. */
class LocalIssuanceContractIntegrationTests extends IssuanceContract {

    @Override
    String authority() {
        return "test-sub";
    }
}
