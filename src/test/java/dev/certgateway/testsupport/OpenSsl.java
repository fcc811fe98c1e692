package dev.certgateway.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl command line when the machine has it, to check certificates with a second implementation. */
public final class OpenSsl {

    private static final Path BINARY = Path.of("/usr/bin/openssl");

    private OpenSsl() {
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** {@code openssl verify -x509_strict} of leaf against root, with intermediates untrusted; returns output. */
    public static Result verify(String leafPem, String chainPem) throws IOException, InterruptedException {
        List<String> chain = splitPem(chainPem);
        Path dir = Files.createTempDirectory("openssl-verify");
        Path leaf = Files.writeString(dir.resolve("leaf.pem"), leafPem);
        Path root = Files.writeString(dir.resolve("root.pem"), chain.get(chain.size() - 1));
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "verify", "-x509_strict",
                "-CAfile", root.toString()));
        if (chain.size() > 1) {
            Path untrusted = Files.writeString(dir.resolve("untrusted.pem"),
                    String.join("", chain.subList(0, chain.size() - 1)));
            command.add("-untrusted");
            command.add(untrusted.toString());
        }
        command.add(leaf.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl verify hung");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }

    private static List<String> splitPem(String pem) {
        List<String> out = new ArrayList<>();
        String marker = "-----END CERTIFICATE-----";
        int start = 0;
        int end;
        while ((end = pem.indexOf(marker, start)) >= 0) {
            out.add(pem.substring(start, end + marker.length()).strip() + "\n");
            start = end + marker.length();
        }
        return out;
    }

    public record Result(int exitCode, String output) {
    }
}
