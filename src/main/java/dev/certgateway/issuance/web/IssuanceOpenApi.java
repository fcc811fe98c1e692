package dev.certgateway.issuance.web;

import dev.certgateway.x509.CertificateTemplate;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lists every template ARN in the API description, from the same catalogue issuance resolves them with. */
@Configuration(proxyBeanMethods = false)
class IssuanceOpenApi {

    @Bean
    OpenApiCustomizer templateArns() {
        return openApi -> {
            Schema<?> request = openApi.getComponents().getSchemas().get("IssueCertificateRequest");
            if (request != null && request.getProperties() != null) {
                @SuppressWarnings("unchecked")
                Schema<String> templateArn = (Schema<String>) request.getProperties().get("templateArn");
                templateArn.setEnum(CertificateTemplate.all().stream().map(CertificateTemplate::arn).toList());
            }
        };
    }
}
