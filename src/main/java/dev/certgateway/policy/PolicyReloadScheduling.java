package dev.certgateway.policy;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Looks for changes to the policy file every {@code certgw.policy.reload-interval}, so edits need no restart. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PolicyReloadScheduling implements SchedulingConfigurer {

    private final PolicyService policies;
    private final PolicyProperties properties;

    PolicyReloadScheduling(PolicyService policies, PolicyProperties properties) {
        this.policies = policies;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.location() != null) {
            // reload() logs and counts a bad file itself; nothing escapes to stop the schedule.
            registrar.addFixedDelayTask(policies::reload, properties.reloadInterval());
        }
    }
}
