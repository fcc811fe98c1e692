package dev.certgateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@code java ... JarLauncher healthcheck}: the container image's health check. The runtime image has no shell,
 * curl or wget, so the JVM that is already there asks the gateway's own liveness group and exits 0 (healthy) or
 * 1. It starts no Spring context: it must be cheap enough to run every few seconds beside the gateway.
 */
public final class HealthCheckCommand {

    public static final String NAME = "healthcheck";
    public static final String PATH = "/actuator/health/liveness";

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HealthCheckCommand() {
    }

    /**
     * The liveness URL on the loopback interface. The port follows the same variables Spring reads, so a
     * management port moved with {@code MANAGEMENT_SERVER_PORT} is checked where it actually listens.
     */
    public static URI target(Map<String, String> environment) {
        String port = firstPresent(environment, "MANAGEMENT_SERVER_PORT", "SERVER_PORT");
        int number;
        try {
            number = port == null ? 8080 : Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + port + "' is not a number", e);
        }
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("port " + number + " is out of range");
        }
        return URI.create("http://127.0.0.1:" + number + PATH);
    }

    /** 0 when the endpoint answers 200, 1 for any other status, a time-out or a refused connection. */
    public static int check(URI uri) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return 0;
            }
            System.err.println("health check: " + uri + " answered " + response.statusCode());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("health check: interrupted");
            return 1;
        } catch (Exception e) {
            System.err.println("health check: " + uri + " failed: " + e);
            return 1;
        }
    }

    public static int run(Map<String, String> environment) {
        try {
            return check(target(environment));
        } catch (IllegalArgumentException e) {
            System.err.println("health check: " + e.getMessage());
            return 1;
        }
    }

    private static String firstPresent(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
