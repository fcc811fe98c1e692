package dev.certgateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certgateway.testsupport.IntegrationTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A client's connection stays open for thousands of requests, not the servlet container's default hundred: a busy
 * client would otherwise open a new connection every hundred issuances.
 */
class KeepAliveIntegrationTests extends IntegrationTestSupport {

    private static final int REQUESTS = 250;

    @Test
    void oneConnectionCarriesMoreThanAHundredRequests() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] request = ("GET /actuator/health/liveness HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 1; i <= REQUESTS; i++) {
                out.write(request);
                out.flush();
                String head = readHead(in);

                assertThat(head).as("response %d", i).startsWith("HTTP/1.1 200");
                assertThat(head.toLowerCase(Locale.ROOT)).as("response %d", i).doesNotContain("connection: close");
                in.readNBytes(contentLength(head));
            }
        }
    }

    /** The status line and headers, up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            assertThat(b).as("the server closed the connection").isNotNegative();
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        throw new AssertionError("no Content-Length in " + head);
    }
}
