package dev.certgateway.policy;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Where the policy file is and how often to look for changes.
 *
 * @param location       the YAML policy file (e.g. {@code file:/etc/cert-gateway/policy.yaml}); when absent the
 *                       gateway enforces no team policy and says so at start-up
 * @param reloadInterval how often the file's content is compared with the policy in force
 */
@Validated
@ConfigurationProperties("certgw.policy")
record PolicyProperties(Resource location, @NotNull @DefaultValue("10s") Duration reloadInterval) {

    PolicyProperties {
        if (reloadInterval != null && (reloadInterval.isZero() || reloadInterval.isNegative())) {
            throw new IllegalArgumentException("certgw.policy.reload-interval: " + reloadInterval
                    + " is not positive; give a duration such as 10s");
        }
    }
}
