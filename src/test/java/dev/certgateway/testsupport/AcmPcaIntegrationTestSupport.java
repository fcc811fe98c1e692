package dev.certgateway.testsupport;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The full-stack gateway with, besides the local test authorities, ACM PCA authorities whose AWS side is
 * {@link AcmPcaFake}: the real AWS SDK client, real HTTP, ACM PCA's JSON protocol. One Spring context shared by
 * every subclass (a different one from {@link IntegrationTestSupport}'s, as its configuration differs).
 */
public abstract class AcmPcaIntegrationTestSupport extends IntegrationTestSupport {

    protected static final AcmPcaFake ACM = AcmPcaFake.get();

    private final List<StubMapping> added = new ArrayList<>();

    @DynamicPropertySource
    static void acmPcaProperties(DynamicPropertyRegistry registry) {
        ACM.properties().forEach((name, value) -> registry.add(name, () -> value));
        // Only GETs and the tests decide when a pending certificate completes, except where a test says so.
        registry.add("certgw.issuance.pending-completion-interval", () -> "PT1H");
    }

    /** Adds a stub for this test only. */
    protected StubMapping stub(com.github.tomakehurst.wiremock.client.MappingBuilder mapping) {
        StubMapping stub = ACM.stub(mapping);
        added.add(stub);
        return stub;
    }

    @AfterEach
    protected void resetAcmPca() {
        ACM.reset(added);
        added.clear();
    }
}
