package dev.certgateway.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of the gateway: execution samples by top frame (self), by method anywhere on the stack
 * (inclusive, for selected packages), by thread, plus GC pauses and JIT compilation time.
 * <pre>java -Dsince=EPOCH_MILLIS Hotspots FILE [TOP [METHOD-SUBSTRING, to print its callers]]</pre>
 */
public final class Hotspots {

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String callersOf = args.length > 2 ? args[2] : null;
        Map<String, Long> callers = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        long samples = 0;
        double gcPauseMs = 0;
        int gcs = 0;
        double jitMs = 0;
        // -Dsince=EPOCH_MILLIS: ignore what happened before (start-up and JIT warm-up)
        long since = Long.getLong("since", 0L);
        if (args[0].endsWith(".collapsed")) {
            collapsed(Path.of(args[0]), top);
            return;
        }
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (e.getStartTime().toEpochMilli() < since) {
                continue;
            }
            String type = e.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1L, Long::sum);
                List<RecordedFrame> frames = e.getStackTrace() == null ? List.of() : e.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                self.merge(name(frames.get(0)), 1L, Long::sum);
                if (callersOf != null) {
                    for (int i = 0; i < frames.size(); i++) {
                        if (name(frames.get(i)).contains(callersOf)) {
                            StringBuilder chain = new StringBuilder();
                            for (int j = i; j < Math.min(frames.size(), i + 40); j++) {
                                chain.append("\n          <- ").append(name(frames.get(j)));
                            }
                            callers.merge(chain.toString(), 1L, Long::sum);
                            break;
                        }
                    }
                }
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (seen.add(n)) {
                        inclusive.merge(n, 1L, Long::sum);
                    }
                }
            } else if (type.equals("jdk.GCPhasePause")) {
                gcPauseMs += e.getDuration().toNanos() / 1e6;
                gcs++;
            } else if (type.equals("jdk.Compilation")) {
                jitMs += e.getDuration().toNanos() / 1e6;
            }
        }
        System.out.printf("samples: %d, GC pauses: %d totalling %.0f ms, JIT compilation: %.0f ms%n%n", samples, gcs,
                gcPauseMs, jitMs);
        print("by thread", threads, samples, top);
        print("self (top frame)", self, samples, top);
        print("inclusive (anywhere on the stack)", inclusive, samples, top * 2);
        if (callersOf != null) {
            print("callers of " + callersOf, callers, samples, 8);
        }
    }

    /**
     * Where a sample's CPU went, by the innermost frame (leaf first) that names one of these, in this order of
     * precedence per frame; samples of other threads by their thread. A summary for docs/performance.md, so that
     * successive profiles are cut the same way.
     */
    private static final List<Map.Entry<String, String>> LAYERS = List.of(
            Map.entry("CsrParser.verifySignature", "CSR proof-of-possession check (incl. decoding the CSR's key)"),
            Map.entry("CsrParser.", "CSR decode, parse, key check"),
            Map.entry("LocalCertificateAuthority.sign", "building and signing the certificate"),
            Map.entry("ch/qos/logback", "logging (the issuance line and the audit line)"),
            Map.entry("GroupCommit", "record: certificate + audit event + token completion (JDBC, group commit)"),
            Map.entry("IssuanceRecorder.record", "record: certificate + audit event + token completion (JDBC)"),
            Map.entry("IdempotencyStore.claim", "idempotency claim (JDBC)"),
            Map.entry("PolicyService", "policy"),
            Map.entry("IssuanceService", "rest of issuance (composition, record building, PEM, SHA-256, metrics)"),
            Map.entry("VerifiedTokenCache", "JWT: verified-token cache and first verification"),
            Map.entry("NimbusJwtDecoder", "JWT: verified-token cache and first verification"),
            Map.entry("tools/jackson", "JSON read/write (Jackson)"),
            Map.entry("DispatcherServlet", "Spring MVC dispatch, Bean Validation, response"),
            Map.entry("FilterChainProxy", "Spring Security filters, JWT excluded"),
            Map.entry("org/apache/", "Tomcat: HTTP parsing, servlet filters, socket I/O"));

    private static String layer(String[] frames) {
        String thread = frames[0];
        if (thread.contains("CompilerThre")) {
            return "JIT compiler";
        }
        if (thread.contains("GC Thread") || thread.contains("G1 ")) {
            return "GC";
        }
        for (int i = frames.length - 1; i > 0; i--) {
            for (Map.Entry<String, String> layer : LAYERS) {
                if (frames[i].contains(layer.getKey())) {
                    return layer.getValue();
                }
            }
        }
        return thread.contains("exec-") ? "other, request threads" : "Tomcat poller, pool housekeeping, other threads";
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /**
     * async-profiler's collapsed stacks ({@code thread;root;...;leaf count} with the {@code threads} option): CPU
     * samples of every thread, native code, JIT compiler and GC included, which JFR's execution samples miss.
     */
    private static void collapsed(Path file, int top) throws java.io.IOException {
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> layers = new HashMap<>();
        long samples = 0;
        for (String line : java.nio.file.Files.readAllLines(file)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long count = Long.parseLong(line.substring(space + 1));
            String[] frames = line.substring(0, space).split(";");
            samples += count;
            threads.merge(frames[0].replaceAll("\\d+", "N"), count, Long::sum);
            self.merge(frames[frames.length - 1], count, Long::sum);
            layers.merge(layer(frames), count, Long::sum);
            Set<String> seen = new HashSet<>();
            for (int i = 1; i < frames.length; i++) {
                if (seen.add(frames[i])) {
                    inclusive.merge(frames[i], count, Long::sum);
                }
            }
        }
        System.out.printf("samples (CPU samples, or bytes with PROFILE_EVENT=alloc): %d%n%n", samples);
        print("by layer (innermost matching frame)", layers, samples, top);
        print("by thread", threads, samples, top);
        print("self (top frame)", self, samples, top);
        print("inclusive (anywhere on the stack)", inclusive, samples, top * 2);
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        System.out.println("== " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(en -> System.out.printf("%6.1f%%  %s%n", 100.0 * en.getValue() / total, en.getKey()));
        System.out.println();
    }
}
