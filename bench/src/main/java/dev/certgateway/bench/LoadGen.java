package dev.certgateway.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * HTTP load generator for the gateway and for cfssl serve, on plain blocking sockets with keep-alive (one
 * connection per worker thread), so the client costs little CPU on a 2-core machine that also runs the server.
 *
 * <ul>
 * <li>{@code mode=open}: constant arrival rate. Request i is due at start + i/rate whatever happened before; its
 * latency is measured from that intended time, so a stalled server shows up as latency (no coordinated omission).
 * Requests wait in an unbounded queue for one of {@code clients} worker connections.</li>
 * <li>{@code mode=closed}: {@code clients} threads each send the next request as soon as the last one is answered,
 * for {@code seconds}; latency is measured from the actual send.</li>
 * </ul>
 *
 * Every request carries a fresh CSR from the pool (round robin) and, for the gateway, a distinct idempotency token.
 * Arguments are key=value; see bench/README.md.
 */
public final class LoadGen {

    private final Map<String, String> args;
    private final String target;
    private final int port;
    private final String kind;
    private final String[] csrs;
    private final String token;
    private final String tokenPrefix;
    private final AtomicLong sequence = new AtomicLong();

    private LoadGen(Map<String, String> args) throws IOException {
        this.args = args;
        this.target = args.get("target");
        this.port = Integer.parseInt(args.get("port"));
        this.kind = args.get("kind");
        this.csrs = Files.readAllLines(Path.of(args.get("csrs"))).toArray(String[]::new);
        this.token = args.containsKey("token") ? Files.readString(Path.of(args.get("token"))).strip() : null;
        // 36 characters at most (ACM PCA's limit): a random run prefix plus a sequence number.
        this.tokenPrefix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        new LoadGen(args).run();
    }

    private byte[] request() {
        long n = sequence.getAndIncrement();
        String csr = csrs[(int) (n % csrs.length)];
        String body;
        String path;
        StringBuilder headers = new StringBuilder();
        if (target.equals("cfssl")) {
            path = "/api/v1/cfssl/sign";
            body = "{\"certificate_request\":\"" + csr + "\"}";
        } else {
            path = "/api/v1/certificates";
            boolean ec = kind.equals("ec");
            body = "{\"certificateAuthorityArn\":\"" + (ec ? "dev-ec" : "dev-rsa") + "\",\"csr\":\"" + csr
                    + "\",\"signingAlgorithm\":\"" + (ec ? "SHA256WITHECDSA" : "SHA256WITHRSA")
                    + "\",\"validity\":{\"value\":30,\"type\":\"DAYS\"},\"idempotencyToken\":\"" + tokenPrefix + "-"
                    + n + "\"}";
            headers.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headers
                + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + bodyBytes.length
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + bodyBytes.length);
        System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
        return all;
    }

    /** One keep-alive connection; not thread-safe. */
    private final class Connection {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private byte[] body = new byte[16384];

        /** @return true when the server issued the certificate */
        boolean exchange(byte[] request) {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(60_000);
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                    in = new BufferedInputStream(socket.getInputStream(), 16384);
                    out = socket.getOutputStream();
                }
                out.write(request);
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                return false;
            }
        }

        private boolean readResponse() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            // Only three headers matter; the others (a dozen from the gateway) are skipped without being split.
            for (String h = line(); !h.isEmpty(); h = line()) {
                if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (h.regionMatches(true, 0, "transfer-encoding:", 0, 18)
                        && h.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                } else if (h.regionMatches(true, 0, "connection:", 0, 11)
                        && h.substring(11).trim().equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            int size = 0;
            if (chunked) {
                for (int chunk = Integer.parseInt(line().split(";")[0].trim(), 16); chunk > 0;
                        chunk = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    size = readBody(size, chunk);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                size = readBody(0, (int) length);
            } else {
                close = true;
                for (int b = in.read(); b >= 0; b = in.read()) {
                    size = append(size, b);
                }
            }
            if (close) {
                close();
            }
            if (target.equals("cfssl")) {
                return code == 200 && contains(body, size, SUCCESS);
            }
            return code == 201;
        }

        private int append(int size, int b) {
            if (size == body.length) {
                body = Arrays.copyOf(body, size * 2);
            }
            body[size] = (byte) b;
            return size + 1;
        }

        private int readBody(int offset, int length) throws IOException {
            if (offset + length > body.length) {
                body = Arrays.copyOf(body, Math.max(body.length * 2, offset + length));
            }
            int done = 0;
            while (done < length) {
                int r = in.read(body, offset + done, length - done);
                if (r < 0) {
                    throw new EOFException();
                }
                done += r;
            }
            return offset + length;
        }

        private final StringBuilder lineBuffer = new StringBuilder();

        private String line() throws IOException {
            lineBuffer.setLength(0);
            for (int b = in.read(); ; b = in.read()) {
                if (b < 0) {
                    throw new EOFException();
                }
                if (b == '\n') {
                    int len = lineBuffer.length();
                    if (len > 0 && lineBuffer.charAt(len - 1) == '\r') {
                        lineBuffer.setLength(len - 1);
                    }
                    return lineBuffer.toString();
                }
                lineBuffer.append((char) b);
            }
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    private static final byte[] SUCCESS = "\"success\":true".getBytes(StandardCharsets.US_ASCII);

    private static boolean contains(byte[] haystack, int size, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= size; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The disk's fsync latency during a recorded block, when asked for ({@code fsyncProbe=<directory>}). */
    private FsyncProbe probe;

    private void run() throws Exception {
        String mode = args.get("mode");
        int seconds = Integer.parseInt(args.get("seconds"));
        int clients = Integer.parseInt(args.getOrDefault("clients", "16"));
        boolean record = !Boolean.parseBoolean(args.getOrDefault("warmup", "false"));
        probe = record && args.containsKey("fsyncProbe") ? FsyncProbe.start(Path.of(args.get("fsyncProbe"))) : null;
        Cpu before = Cpu.sample(args.get("pid"));
        Result result = mode.equals("open")
                ? open(Integer.parseInt(args.get("rate")), seconds, clients)
                : closed(seconds, clients);
        Cpu after = Cpu.sample(args.get("pid"));
        if (probe != null) {
            probe.close();
        }
        if (!record) {
            System.out.printf(Locale.ROOT, "  warm-up %s %s: %d ok, %d errors, %.0f/s%n", target, kind, result.ok,
                    result.errors, result.ok / result.elapsedSeconds);
            return;
        }
        report(mode, clients, seconds, result, before, after);
    }

    private record Result(long sent, long ok, long errors, double elapsedSeconds, long[] latenciesNanos) {
    }

    private Result open(int rate, int seconds, int clients) throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        boolean[] success = new boolean[total];
        boolean[] done = new boolean[total];
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(Connection::new);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(clients, clients, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
        byte[][] requests = new byte[total][];
        for (int i = 0; i < total; i++) {
            requests[i] = request();
        }
        openEveryConnection(pool, connections, clients);
        double period = 1e9 / rate;
        long start = System.nanoTime() + 100_000_000L;
        AtomicLong lastCompletion = new AtomicLong(start);
        for (int i = 0; i < total; i++) {
            long intended = start + (long) (i * period);
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            pool.execute(() -> {
                boolean ok = connections.get().exchange(requests[index]);
                long now = System.nanoTime();
                latencies[index] = now - intended;
                success[index] = ok;
                done[index] = true;
                lastCompletion.accumulateAndGet(now, Math::max);
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        long ok = 0;
        long completed = 0;
        for (int i = 0; i < total; i++) {
            if (done[i]) {
                completed++;
                if (success[i]) {
                    ok++;
                }
            }
        }
        if (args.containsKey("timeline")) {
            writeTimeline(Path.of(args.get("timeline")), start, period, latencies, done, probe);
        }
        long[] measured = new long[(int) completed];
        int k = 0;
        for (int i = 0; i < total; i++) {
            if (done[i]) {
                measured[k++] = latencies[i];
            }
        }
        return new Result(total, ok, total - ok, (lastCompletion.get() - start) / 1e9, measured);
    }

    /**
     * Opens each worker's connection and sends one unrecorded request on it before the clock starts, as a client's
     * connection pool is in steady state. Otherwise the block's first few hundred milliseconds measure every
     * connection being opened at once (and the server starting a thread for each), not the server's steady state.
     */
    private void openEveryConnection(ThreadPoolExecutor pool, ThreadLocal<Connection> connections, int clients)
            throws InterruptedException {
        // All tasks wait for each other, so each runs on a thread of its own and opens that thread's connection.
        CyclicBarrier everyThread = new CyclicBarrier(clients);
        List<Future<Boolean>> opened = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            opened.add(pool.submit(() -> {
                everyThread.await(30, TimeUnit.SECONDS);
                return connections.get().exchange(request());
            }));
        }
        for (Future<Boolean> future : opened) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not open the connections", e.getCause());
            }
        }
        // The burst of first requests commits and the server's threads go idle before the clock starts.
        Thread.sleep(500);
    }

    /**
     * Per 100 ms of intended send time (wall clock): requests due, the slowest and how many took over 15 ms, so
     * that stalls can be matched with GC and checkpoint logs, and with the probe the slowest fsync that started
     * in those 100 ms.
     */
    private static void writeTimeline(Path file, long start, double period, long[] latencies, boolean[] done,
            FsyncProbe probe) {
        long epochStartMillis = System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000;
        StringBuilder out = new StringBuilder("epoch_ms\tdue\tmax_ms\tover_15ms\tfsync_max_ms\n");
        int perWindow = (int) Math.max(1, Math.round(100_000_000 / period));
        for (int from = 0; from < latencies.length; from += perWindow) {
            long max = 0;
            int slow = 0;
            int to = Math.min(latencies.length, from + perWindow);
            for (int i = from; i < to; i++) {
                if (done[i]) {
                    max = Math.max(max, latencies[i]);
                    slow += latencies[i] > 15_000_000 ? 1 : 0;
                }
            }
            long windowStart = epochStartMillis + (long) (from * period / 1e6);
            out.append(windowStart).append('\t').append(to - from).append('\t')
                    .append(String.format(Locale.ROOT, "%.1f", max / 1e6)).append('\t').append(slow).append('\t')
                    .append(probe == null ? "NaN"
                            : String.format(Locale.ROOT, "%.1f", probe.slowestBetween(windowStart, windowStart + 100) / 1e6))
                    .append('\n');
        }
        try {
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result closed(int seconds, int clients) throws InterruptedException {
        long[][] perThread = new long[clients][];
        long[] okCount = new long[clients];
        long[] errorCount = new long[clients];
        int[] counts = new int[clients];
        Thread[] threads = new Thread[clients];
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        for (int t = 0; t < clients; t++) {
            int me = t;
            threads[t] = new Thread(() -> {
                Connection connection = new Connection();
                long[] lat = new long[4096];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    byte[] request = request();
                    long sent = System.nanoTime();
                    boolean ok = connection.exchange(request);
                    long latency = System.nanoTime() - sent;
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = latency;
                    if (ok) {
                        okCount[me]++;
                    } else {
                        errorCount[me]++;
                    }
                }
                connection.close();
                perThread[me] = lat;
                counts[me] = n;
            }, "client-" + t);
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long ok = Arrays.stream(okCount).sum();
        long errors = Arrays.stream(errorCount).sum();
        long[] all = new long[Arrays.stream(counts).sum()];
        int k = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(perThread[t], 0, all, k, counts[t]);
            k += counts[t];
        }
        return new Result(ok + errors, ok, errors, elapsed, all);
    }

    private void report(String mode, int clients, int seconds, Result r, Cpu before, Cpu after) throws IOException {
        long[] lat = r.latenciesNanos.clone();
        Arrays.sort(lat);
        double throughput = r.ok / r.elapsedSeconds;
        double serverCpu = after.server - before.server;
        double pgCpu = after.postgres - before.postgres;
        double selfCpu = after.self - before.self;
        double busy = after.machineBusy - before.machineBusy;
        double wall = after.machineWall - before.machineWall;
        double steal = after.machineSteal - before.machineSteal;
        long[] fsync = probe == null ? null : probe.sortedLatencies();
        String rate = mode.equals("open") ? args.get("rate") : "-";
        String[] fields = {
            args.getOrDefault("label", ""), target, kind, mode, rate, Integer.toString(clients),
            Integer.toString(seconds), Long.toString(r.sent), Long.toString(r.ok), Long.toString(r.errors),
            fmt(throughput), ms(lat, 0.50), ms(lat, 0.90), ms(lat, 0.99), ms(lat, 0.999),
            lat.length == 0 ? "NaN" : fmt(lat[lat.length - 1] / 1e6), fmt(serverCpu), fmt(pgCpu), fmt(selfCpu),
            fmt(100.0 * busy / wall), fmt(r.ok == 0 ? Double.NaN : 1000.0 * serverCpu / r.ok),
            fmt(busy / r.elapsedSeconds), fmt(100.0 * steal / wall),
            fsync == null ? "NaN" : ms(fsync, 0.99), fsync == null || fsync.length == 0 ? "NaN" : fmt(fsync[fsync.length - 1] / 1e6)
        };
        System.out.printf(Locale.ROOT,
                "  %-7s %-3s %-6s rate=%-5s clients=%-3d  %8.1f/s ok=%d err=%d  p50=%s p90=%s p99=%s p99.9=%s max=%s ms"
                        + "  cpu: server=%ss (%s ms/req) postgres=%ss loadgen=%ss machine=%s%% busy (steal %s%%)"
                        + "  disk fsync: p99=%s max=%s ms%n",
                target, kind, mode, rate, clients, throughput, r.ok, r.errors, fields[11], fields[12], fields[13],
                fields[14], fields[15], fields[16], fields[20], fields[17], fields[18], fields[19], fields[22],
                fields[23], fields[24]);
        if (args.containsKey("out")) {
            Files.writeString(Path.of(args.get("out")), String.join("\t", fields) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    static final List<String> COLUMNS = List.of("label", "target", "kind", "mode", "rate", "clients", "seconds",
            "sent", "ok", "errors", "throughput", "p50", "p90", "p99", "p999", "max", "serverCpuS", "postgresCpuS",
            "loadgenCpuS", "machineBusyPct", "serverCpuMsPerReq", "machineCoresBusy", "machineStealPct", "fsyncP99Ms",
            "fsyncMaxMs");

    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "NaN";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return fmt(sorted[Math.max(0, index)] / 1e6);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * CPU seconds from /proc, read in one pass over its processes: the server process, all postgres processes,
     * this process, and the machine.
     *
     * <p>The machine's busy time is the sum over every process, kernel threads included, of its own CPU time, which
     * the kernel scales to the scheduler's exact run time, plus steal (time the hypervisor gave this guest's CPUs
     * to someone else, measured by the hypervisor's clock), against the CPUs' wall time. The busy counters of the
     * first line of /proc/stat are not used: with tick-based accounting (250 Hz here) they are samples of what ran
     * at each tick, and a load arriving at a constant rate keeps a fixed phase to the ticks; at 250 requests/s they
     * read 5.6 % busy where the processes had run 20 % of the time.
     */
    private record Cpu(double server, double postgres, double self, double machineBusy, double machineWall,
            double machineSteal) {

        static final double TICKS = 100.0; // USER_HZ; 100 on every Linux architecture Debian ships
        static final int CPUS = Runtime.getRuntime().availableProcessors();

        static Cpu sample(String pid) throws IOException {
            double wall = System.nanoTime() / 1e9 * CPUS;
            String self = Long.toString(ProcessHandle.current().pid());
            double server = 0;
            double postgres = 0;
            double loadGenerator = 0;
            double every = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(p.resolve("stat"));
                        // A process that exits during a block takes its CPU time with it, which made the block's sum
                        // negative; its parent adds it to its own count of reaped children's time (cutime, cstime),
                        // so counting that too keeps every process's time in the sum.
                        String[] fields = fields(stat);
                        double own = ticks(fields) + reapedChildrenTicks(fields);
                        every += own;
                        if (stat.contains("(postgres)")) {
                            postgres += own;
                        } else if (name.equals(pid)) {
                            server = ticks(fields);
                        } else if (name.equals(self)) {
                            loadGenerator = ticks(fields);
                        }
                    } catch (IOException gone) {
                        // exited meanwhile
                    }
                }
            }
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            double steal = cpu.length > 8 ? Double.parseDouble(cpu[8]) / TICKS : 0;
            return new Cpu(server / TICKS, postgres / TICKS, loadGenerator / TICKS, every / TICKS + steal, wall, steal);
        }

        /** utime + stime. */
        private static double ticks(String[] fields) {
            return Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]);
        }

        /** cutime + cstime: the time of the children the process has waited for. */
        private static double reapedChildrenTicks(String[] fields) {
            return Double.parseDouble(fields[13]) + Double.parseDouble(fields[14]);
        }

        /** The fields after the command's name, which may itself hold spaces: state is [0], utime [11]. */
        private static String[] fields(String stat) {
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        }
    }
}
