package dev.certgateway.security;

import dev.certgateway.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every {@code /api/**} call needs a bearer JWT with the scope its operation requires; everything else
 * (health, later the API description) is open. Failures are answered as problem+json like any other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ISSUE = "SCOPE_" + Caller.SCOPE_ISSUE;
    private static final String READ = "SCOPE_" + Caller.SCOPE_READ;
    private static final String AUDIT = "SCOPE_" + Caller.SCOPE_AUDIT;

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, ProblemResponses problems,
            JwtDecoder jwtDecoder, MeterRegistry meters) throws Exception {
        SecurityProblemHandlers handlers = new SecurityProblemHandlers(problems);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/certificates", "/api/v1/certificates/preview")
                        .hasAuthority(ISSUE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/policy").hasAnyAuthority(ISSUE, READ)
                        .requestMatchers(HttpMethod.GET, "/api/v1/certificates", "/api/v1/certificates/**")
                        .hasAuthority(READ)
                        .requestMatchers(HttpMethod.GET, "/api/v1/authorities", "/api/v1/authorities/**")
                        .hasAnyAuthority(ISSUE, READ)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit", "/api/v1/audit/**").hasAuthority(AUDIT)
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new PlainBearerTokenResolver())
                        .jwt(jwt -> jwt
                                .decoder(VerifiedTokenCache.around(jwtDecoder, properties.tokenCache(), meters))
                                .jwtAuthenticationConverter(new TeamJwtAuthenticationConverter(properties.teamClaim())))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .addFilterAfter(new CallerLoggingFilter(properties.teamClaim()), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * No observation per security filter, authentication and authorization: they produce spans and timers
     * nobody reads here (requests are timed by {@code http.server.requests} and issuance by the
     * {@code certgw_issuance_*} metrics), and wrapping each of a dozen filters cost about 5 % of an issuance's
     * CPU.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall, with the same header rules checked without regular expressions. */
    @Bean
    HttpFirewall httpFirewall() {
        return HeaderFirewall.create();
    }

    @Bean
    WebMvcConfigurer callerArgumentResolver(SecurityProperties properties) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver(properties.teamClaim()));
            }
        };
    }
}
