package dev.certgateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.sun.net.httpserver.HttpServer;
import dev.certgateway.HealthCheckCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The container health check against a tiny HTTP server standing in for the actuator. */
class HealthCheckCommandTests {

    private HttpServer server;
    private final List<String> requestedPaths = new ArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void healthyWhenLivenessAnswers200() throws IOException {
        int port = serve(200);
        assertThat(HealthCheckCommand.run(Map.of("SERVER_PORT", Integer.toString(port)))).isZero();
        assertThat(requestedPaths).containsExactly("/actuator/health/liveness");
    }

    @Test
    void unhealthyWhenLivenessAnswers503() throws IOException {
        int port = serve(503);
        assertThat(HealthCheckCommand.run(Map.of("SERVER_PORT", Integer.toString(port)))).isEqualTo(1);
        assertThat(requestedPaths).containsExactly("/actuator/health/liveness");
    }

    @Test
    void unhealthyWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(HealthCheckCommand.run(Map.of("SERVER_PORT", Integer.toString(port)))).isEqualTo(1);
    }

    @Test
    void managementPortWinsOverServerPort() throws IOException {
        int port = serve(200);
        assertThat(HealthCheckCommand.run(Map.of("SERVER_PORT", "1", "MANAGEMENT_SERVER_PORT",
                Integer.toString(port)))).isZero();
        assertThat(requestedPaths).hasSize(1);
    }

    @Test
    void targetDefaultsTo8080OnLoopback() {
        assertThat(HealthCheckCommand.target(Map.of()))
                .isEqualTo(URI.create("http://127.0.0.1:8080/actuator/health/liveness"));
        assertThat(HealthCheckCommand.target(Map.of("MANAGEMENT_SERVER_PORT", " ", "SERVER_PORT", "9000")))
                .isEqualTo(URI.create("http://127.0.0.1:9000/actuator/health/liveness"));
    }

    @Test
    void malformedPortIsUnhealthyNotACrash() {
        assertThatIllegalArgumentException().isThrownBy(() -> HealthCheckCommand.target(Map.of("SERVER_PORT", "http")))
                .withMessageContaining("'http'");
        assertThatIllegalArgumentException().isThrownBy(() -> HealthCheckCommand.target(Map.of("SERVER_PORT", "70000")))
                .withMessageContaining("out of range");
        assertThat(HealthCheckCommand.run(Map.of("SERVER_PORT", "http"))).isEqualTo(1);
    }

    private int serve(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            synchronized (requestedPaths) {
                requestedPaths.add(exchange.getRequestURI().getPath());
            }
            byte[] body = "{\"status\":\"X\"}".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }
}
