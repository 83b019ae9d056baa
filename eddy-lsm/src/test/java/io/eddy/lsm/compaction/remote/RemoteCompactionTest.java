package io.eddy.lsm.compaction.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.LocalFileSystem;
import io.eddy.lsm.Db;
import io.eddy.lsm.DbStats;
import io.eddy.lsm.KeyRange;
import io.eddy.lsm.Options;
import io.eddy.lsm.WriteBatch;
import io.eddy.lsm.compaction.CompactionService;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RemoteCompactionTest {
  @TempDir Path root;

  private static byte[] key(int i) {
    return String.format("key%08d", i).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(int i) {
    return ("value-" + i + "-" + "x".repeat(80)).getBytes(StandardCharsets.UTF_8);
  }

  private Options options(CompactionService service) {
    return Options.builder()
        .writeBufferSize(256 << 10)
        .targetFileSize(512 << 10)
        .maxBytesForLevelBase(1 << 20)
        .disableAutoCompaction(true)
        .level0SlowdownTrigger(1000)
        .level0StopTrigger(1000)
        .compactionService(service)
        .build();
  }

  private static void fill(Db db, int from, int to) throws IOException {
    WriteBatch batch = new WriteBatch();
    for (int i = from; i < to; i++) {
      batch.put(key(i), value(i));
      if (batch.count() == 1000) {
        db.write(batch);
        batch = new WriteBatch();
      }
    }
    db.write(batch);
    db.flush();
  }

  private static void verify(Db db, int n) throws IOException {
    assertThat(db.count(KeyRange.ALL)).isEqualTo(n);
    for (int i = 0; i < n; i += 97) {
      assertThat(db.get(key(i))).isEqualTo(value(i));
    }
  }

  @Test
  void inProcessWorkerCompactsAndTheStoreInstalls() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (CompactionWorker worker = new CompactionWorker(new LocalFileSystem(root), "s3cret", "127.0.0.1", 0, new PrintStream(log, true))) {
      Thread serving = new Thread(worker::serve);
      serving.setDaemon(true);
      serving.start();
      RemoteCompactionService remote = new RemoteCompactionService("127.0.0.1", worker.port(), "s3cret", 30_000);
      try (Db db = Db.open(options(remote), new LocalFileSystem(root), "db")) {
        fill(db, 0, 20_000);
        db.compactRange(KeyRange.ALL);
        DbStats stats = db.stats();
        assertThat(stats.compactions()).isPositive();
        assertThat(stats.compactionServiceFailures()).isZero();
        assertThat(stats.levelFiles()[0]).isZero();
        verify(db, 20_000);
      }
      // The worker logs "job done" after it answered, so the store may have installed first.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!log.toString(StandardCharsets.UTF_8).contains("job done") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(log.toString(StandardCharsets.UTF_8)).contains("job done");
    }
  }

  @Test
  void wrongTokenAndUnreachableWorkerFallBackToLocal() throws Exception {
    try (CompactionWorker worker = new CompactionWorker(new LocalFileSystem(root), "right", "127.0.0.1", 0, new PrintStream(new ByteArrayOutputStream()))) {
      Thread serving = new Thread(worker::serve);
      serving.setDaemon(true);
      serving.start();
      for (CompactionService service : List.of(
          new RemoteCompactionService("127.0.0.1", worker.port(), "wrong", 10_000),
          new RemoteCompactionService("127.0.0.1", freePort(), "right", 2_000))) {
        String dir = "db-" + service.hashCode();
        try (Db db = Db.open(options(service), new LocalFileSystem(root), dir)) {
          fill(db, 0, 5_000);
          db.compactRange(KeyRange.ALL);
          assertThat(db.stats().compactionServiceFailures()).isPositive();
          assertThat(db.stats().compactions()).isPositive();
          verify(db, 5_000);
        }
      }
    }
  }

  @Test
  void silentWorkerTimesOutAndFallsBack() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      RemoteCompactionService remote = new RemoteCompactionService("127.0.0.1", silent.getLocalPort(), "t", 300);
      try (Db db = Db.open(options(remote), new LocalFileSystem(root), "db")) {
        fill(db, 0, 3_000);
        db.compactRange(KeyRange.ALL);
        assertThat(db.stats().compactionServiceFailures()).isPositive();
        verify(db, 3_000);
      }
    }
  }

  /** Consumes worker output until a line starts with {@code prefix}; false after 30 s of silence. */
  private static boolean awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
    for (String line; (line = lines.poll(30, TimeUnit.SECONDS)) != null; ) {
      if (line.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void workerInASecondJvmAndKilledMidJob() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process worker = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CompactionWorkerMain.class.getName(), "--listen", "127.0.0.1:0", "--token", "tok", "--fs-root", root.toString())
        .redirectErrorStream(true)
        .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the worker was killed
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      String ready = lines.poll(30, TimeUnit.SECONDS);
      assertThat(ready).startsWith("listening on 127.0.0.1:");
      int port = Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1));
      RemoteCompactionService remote = new RemoteCompactionService("127.0.0.1", port, "tok", 30_000);
      try (Db db = Db.open(options(remote), new LocalFileSystem(root), "db")) {
        fill(db, 0, 20_000);
        db.compactRange(KeyRange.ALL);
        assertThat(db.stats().compactionServiceFailures()).isZero();
        assertThat(db.stats().compactions()).isPositive();
        assertThat(awaitLine(lines, "job done")).isTrue();
        lines.clear();

        fill(db, 20_000, 120_000);
        Thread killer = new Thread(() -> {
          try {
            if (awaitLine(lines, "job started")) {
              worker.destroyForcibly();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        killer.start();
        db.compactRange(KeyRange.ALL);
        killer.join();
        assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(db.stats().compactionServiceFailures()).isPositive();
        verify(db, 120_000);
      }
      try (Db db = Db.open(options(null), new LocalFileSystem(root), "db")) {
        verify(db, 120_000);
        long tables = new LocalFileSystem(root).list("db").stream().filter(n -> n.endsWith(".sst")).count();
        assertThat(tables).isEqualTo(Arrays.stream(db.stats().levelFiles()).sum());
      }
    } finally {
      worker.destroyForcibly();
    }
  }
}
