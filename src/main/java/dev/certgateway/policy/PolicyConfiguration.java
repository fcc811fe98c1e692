package dev.certgateway.policy;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the policy at start-up; an invalid file stops start-up with a message naming the line and the rule. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    PolicyService policyService(PolicyProperties properties, MeterRegistry meters) {
        return new PolicyService(properties.location(), meters);
    }
}
