package dev.certgateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes 8 KB and calls fdatasync every 20 ms while a block runs, in a file next to the results, and keeps how
 * long each took. Every durable commit waits for the same kind of call on the database's disk, so when the disk
 * stalls, so does every issuance, whatever the gateway does; a peer that writes nothing does not notice. The
 * probe only means something when the results directory is on the database's file system (it is on a machine
 * with one disk).
 */
final class FsyncProbe implements AutoCloseable {

    private static final long INTERVAL_NANOS = 20_000_000;

    private final FileChannel file;
    private final Path path;
    private final Thread thread;
    private volatile boolean running = true;
    private long[] epochMillis = new long[4096];
    private long[] latencies = new long[4096];
    private int count;

    private FsyncProbe(Path directory) throws IOException {
        path = directory.resolve("fsync-probe.dat");
        file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        thread = new Thread(this::probe, "fsync-probe");
        thread.setDaemon(true);
    }

    static FsyncProbe start(Path directory) throws IOException {
        FsyncProbe probe = new FsyncProbe(directory);
        probe.thread.start();
        return probe;
    }

    private void probe() {
        ByteBuffer block = ByteBuffer.allocate(8192);
        long written = 0;
        while (running) {
            long startedMillis = System.currentTimeMillis();
            long started = System.nanoTime();
            try {
                block.clear();
                file.write(block, (written++ % 1024) * 8192);
                file.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long took = System.nanoTime() - started;
            synchronized (this) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                    epochMillis = Arrays.copyOf(epochMillis, count * 2);
                }
                epochMillis[count] = startedMillis;
                latencies[count++] = took;
            }
            long sleep = INTERVAL_NANOS - took;
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Latencies in nanoseconds, sorted. */
    synchronized long[] sortedLatencies() {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The slowest call that started in [fromMillis, toMillis), in nanoseconds; 0 when none did. */
    synchronized long slowestBetween(long fromMillis, long toMillis) {
        long slowest = 0;
        for (int i = 0; i < count; i++) {
            if (epochMillis[i] >= fromMillis && epochMillis[i] < toMillis) {
                slowest = Math.max(slowest, latencies[i]);
            }
        }
        return slowest;
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        file.close();
        Files.deleteIfExists(path);
    }
}
