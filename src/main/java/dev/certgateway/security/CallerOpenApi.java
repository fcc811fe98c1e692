package dev.certgateway.security;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/** The {@link Caller} parameter comes from the bearer token, not from the request: keep it out of the API description. */
@Configuration(proxyBeanMethods = false)
class CallerOpenApi {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
