package dev.certgateway.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certgw.security.*}. The JWT itself is configured with Spring's standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * @param teamClaim the JWT claim that names the caller's team
 */
@ConfigurationProperties("certgw.security")
@Validated
public record SecurityProperties(@DefaultValue("team") @NotBlank String teamClaim) {
}
