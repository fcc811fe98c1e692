package dev.certgateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CertGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(CertGatewayApplication.class, args);
    }
}
