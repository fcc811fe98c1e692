package dev.certgateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CertGatewayApplication {

    public static void main(String[] args) {
        // The container image's HEALTHCHECK runs the application's own launcher with this argument.
        if (args.length > 0 && HealthCheckCommand.NAME.equals(args[0])) {
            System.exit(HealthCheckCommand.run(System.getenv()));
        }
        if (args.length > 0 && MigrateCommand.NAME.equals(args[0])) {
            System.exit(MigrateCommand.run(System.getenv()));
        }
        SpringApplication.run(CertGatewayApplication.class, args);
    }
}
