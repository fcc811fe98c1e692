package dev.certgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns one run directory (results.tsv, jmh-t1.csv, jmh-t2.csv, machine.txt) into a Markdown report with ratios. */
public final class Report {

    public static void main(String[] args) throws IOException {
        Path run = Path.of(args[0]);
        StringBuilder out = new StringBuilder();
        out.append("## Run ").append(run.getFileName()).append("\n\n");
        if (Files.exists(run.resolve("machine.txt"))) {
            for (String line : Files.readAllLines(run.resolve("machine.txt"))) {
                out.append("- ").append(line).append('\n');
            }
            out.append('\n');
        }

        Map<String, Double> ceiling = new HashMap<>();
        for (int t = 1; t <= 2; t++) {
            Path csv = run.resolve("jmh-t" + t + ".csv");
            if (!Files.exists(csv)) {
                continue;
            }
            List<String> lines = Files.readAllLines(csv);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                String kind = f[f.length - 1].replace("\"", "");
                ceiling.put(kind + "/" + t, Double.parseDouble(f[4]));
                ceiling.put(kind + "/" + t + "/err", Double.parseDouble(f[5]));
            }
        }
        if (!ceiling.isEmpty()) {
            out.append("### Signing ceiling (JMH, in-process: CSR parse + verify, compose, sign)\n\n");
            out.append("| key | 1 thread (ops/s) | 2 threads (ops/s) |\n|---|---:|---:|\n");
            for (String kind : List.of("ec", "rsa")) {
                if (ceiling.containsKey(kind + "/1") || ceiling.containsKey(kind + "/2")) {
                    out.append("| ").append(name(kind)).append(" | ").append(score(ceiling, kind + "/1"))
                            .append(" | ").append(score(ceiling, kind + "/2")).append(" |\n");
                }
            }
            out.append('\n');
        }

        List<Map<String, String>> rows = new ArrayList<>();
        Path tsv = run.resolve("results.tsv");
        if (Files.exists(tsv)) {
            for (String line : Files.readAllLines(tsv)) {
                String[] f = line.split("\t", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < LoadGen.COLUMNS.size() && i < f.length; i++) {
                    row.put(LoadGen.COLUMNS.get(i), f[i]);
                }
                rows.add(row);
            }
        }
        out.append("### Saturation (closed loop)\n\n");
        out.append("| target | key | clients | issued/s | p50 ms | p99 ms | p99.9 ms | max ms | errors "
                + "| server CPU s | server CPU ms/req | postgres CPU s | load generator CPU s | machine busy | steal |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, String> r : rows) {
            if (r.get("mode").equals("closed")) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | **%.0f** | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s%% | %s%% |%n",
                        r.get("target"), name(r.get("kind")), r.get("clients"), d(r, "throughput"), n1(r, "p50"),
                        n1(r, "p99"), n1(r, "p999"), n1(r, "max"), r.get("errors"), n1(r, "serverCpuS"),
                        n2(r, "serverCpuMsPerReq"), n1(r, "postgresCpuS"), n1(r, "loadgenCpuS"),
                        n1(r, "machineBusyPct"), n1(r, "machineStealPct")));
            }
        }
        out.append("\nEach target's turns at each concurrency together (the mean, and the range of the turns in "
                + "parentheses):\n\n");
        out.append("| target | key | clients | turns | issued/s | server CPU ms/req |\n|---|---|---:|---:|---:|---:|\n");
        for (String kind : List.of("ec", "rsa")) {
            for (String target : List.of("gateway", "gateway-b", "cfssl")) {
                for (String clients : concurrencies(rows, target, kind)) {
                    List<Double> turns = column(rows, target, kind, clients, "throughput");
                    out.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %.3f |%n", target, name(kind),
                            clients, turns.size(), rates(turns),
                            mean(column(rows, target, kind, clients, "serverCpuMsPerReq"))));
                }
            }
        }
        out.append("\n### Constant arrival rate (open model; latency from the intended send time)\n\n");
        out.append("| target | key | rate/s | issued/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors "
                + "| server CPU ms/req | machine busy | steal | disk fsync p99 ms | disk fsync max ms |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, String> r : rows) {
            if (r.get("mode").equals("open")) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %s | %s | **%s** | %s | %s | %s | %s | %s%% | %s%% | %s | %s |%n",
                        r.get("target"), name(r.get("kind")), r.get("rate"), d(r, "throughput"), n1(r, "p50"),
                        n1(r, "p90"), n1(r, "p99"), n1(r, "p999"), n1(r, "max"), r.get("errors"),
                        n2(r, "serverCpuMsPerReq"), n1(r, "machineBusyPct"), n1(r, "machineStealPct"),
                        n1(r, "fsyncP99Ms"), n1(r, "fsyncMaxMs")));
            }
        }

        out.append("\n### Ratios and targets\n\n");
        out.append("A target's saturation rate is the mean of its closed-loop turns (the blocks above, taken in "
                + "turns: A B B A ...) at the concurrency where that mean is highest, of those the run tried; the "
                + "range is that of the turns, and the clients the concurrency.\n\n");
        out.append("| key | gateway issued/s | clients | cfssl issued/s | clients | turns | ÷ cfssl serve "
                + "| ÷ ceiling, 2 threads | ÷ ceiling, 1 thread | target | met |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (String kind : List.of("ec", "rsa")) {
            String gwClients = saturating(rows, "gateway", kind);
            String cfClients = saturating(rows, "cfssl", kind);
            if (gwClients == null) {
                continue;
            }
            List<Double> gw = column(rows, "gateway", kind, gwClients, "throughput");
            List<Double> cf = cfClients == null ? List.of() : column(rows, "cfssl", kind, cfClients, "throughput");
            double g = mean(gw);
            double vsCfssl = cf.isEmpty() ? Double.NaN : g / mean(cf);
            double want = kind.equals("ec") ? 0.5 : 0.8;
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %s | %s | %s | ≥ %.1f× cfssl | %s |%n",
                    name(kind), rates(gw), gwClients, rates(cf), cfClients == null ? "-" : cfClients, gw.size(),
                    Double.isNaN(vsCfssl) ? "-" : String.format(Locale.ROOT, "%.2f×", vsCfssl),
                    ratio(g, ceiling.get(kind + "/2")),
                    ratio(g, ceiling.get(kind + "/1")), want,
                    Double.isNaN(vsCfssl) ? "?" : vsCfssl >= want ? "yes" : "**no**"));
        }
        out.append("\n| key | rate/s | gateway p99 ms | cfssl p99 ms | gateway ÷ cfssl | target | met |\n"
                + "|---|---:|---:|---:|---:|---|---|\n");
        for (Map<String, String> r : rows) {
            if (r.get("mode").equals("open") && r.get("target").equals("gateway")) {
                Map<String, String> cf = openModel(rows, "cfssl", r.get("kind"), r.get("rate"));
                double p99 = d(r, "p99");
                boolean targeted = r.get("rate").equals("1000") && r.get("kind").equals("ec");
                out.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %s | %s | %s |%n", name(r.get("kind")),
                        r.get("rate"), p99, cf == null ? "-" : n1(cf, "p99"),
                        cf == null ? "-" : String.format(Locale.ROOT, "%.2f×", p99 / d(cf, "p99")),
                        targeted ? "p99 < 15 ms" : "-",
                        targeted ? (p99 < 15 && d(r, "errors") == 0 ? "yes" : "**no**") : "-"));
            }
        }
        System.out.print(out);
    }

    /**
     * The concurrency at which the target's closed-loop turns issued the most on average, or null when it ran none.
     * A server that answers only once a commit is durable needs more requests in flight to keep the machine busy
     * than one that keeps nothing, so each is measured at the concurrency that suits it best of those tried.
     */
    static String saturating(List<Map<String, String>> rows, String target, String kind) {
        String best = null;
        double bestRate = Double.NEGATIVE_INFINITY;
        for (String clients : concurrencies(rows, target, kind)) {
            double rate = mean(column(rows, target, kind, clients, "throughput"));
            if (rate > bestRate) {
                best = clients;
                bestRate = rate;
            }
        }
        return best;
    }

    /** The client counts of the target's closed-loop blocks, in the order they first ran. */
    private static List<String> concurrencies(List<Map<String, String>> rows, String target, String kind) {
        Set<String> clients = new LinkedHashSet<>();
        for (Map<String, String> r : rows) {
            if (r.get("target").equals(target) && r.get("kind").equals(kind) && r.get("mode").equals("closed")) {
                clients.add(r.get("clients"));
            }
        }
        return List.copyOf(clients);
    }

    /** One column of the target's closed-loop blocks at that many clients, in the order they ran. */
    static List<Double> column(List<Map<String, String>> rows, String target, String kind, String clients,
            String column) {
        List<Double> values = new ArrayList<>();
        for (Map<String, String> r : rows) {
            if (r.get("target").equals(target) && r.get("kind").equals(kind) && r.get("mode").equals("closed")
                    && r.get("clients").equals(clients)) {
                values.add(d(r, column));
            }
        }
        return values;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** "1290" for one turn, "1290 (1172-1405)" for several. */
    private static String rates(List<Double> turns) {
        if (turns.isEmpty()) {
            return "-";
        }
        String mean = String.format(Locale.ROOT, "%.0f", mean(turns));
        if (turns.size() == 1) {
            return mean;
        }
        return String.format(Locale.ROOT, "%s (%.0f-%.0f)", mean, Collections.min(turns), Collections.max(turns));
    }

    /** The target's open-model block at that rate; the closed loop's blocks are read with {@link #column}. */
    private static Map<String, String> openModel(List<Map<String, String>> rows, String target, String kind,
            String rate) {
        Map<String, String> found = null;
        for (Map<String, String> r : rows) {
            if (r.get("target").equals(target) && r.get("kind").equals(kind) && r.get("mode").equals("open")
                    && rate.equals(r.get("rate"))) {
                found = r;
            }
        }
        return found;
    }

    private static String name(String kind) {
        return kind.equals("ec") ? "ECDSA P-256" : "RSA-2048";
    }

    private static String score(Map<String, Double> m, String key) {
        Double v = m.get(key);
        return v == null ? "-" : String.format(Locale.ROOT, "%.0f ± %.0f", v, m.get(key + "/err"));
    }

    private static String ratio(double a, Double b) {
        return b == null ? "-" : String.format(Locale.ROOT, "%.2f×", a / b);
    }

    private static double d(Map<String, String> r, String key) {
        String value = r.get(key);
        // Results of older runs lack the newer columns.
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    private static String n1(Map<String, String> r, String key) {
        return String.format(Locale.ROOT, "%.1f", d(r, key));
    }

    private static String n2(Map<String, String> r, String key) {
        return String.format(Locale.ROOT, "%.2f", d(r, key));
    }
}
