package io.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The savepoint path of the command line, as a user runs it: {@code eddy nexmark --query q4
 * --output} on RocksDB at parallelism 2 in a JVM of its own, {@code eddy stop JOB
 * --savepointPath} once it completed a checkpoint; the savepoint folder moved, the checkpoints
 * and RocksDB's files deleted; {@code eddy checkpoints inspect} verifies the moved savepoint
 * (and names a state file with one flipped byte); {@code eddy nexmark -s SAVEPOINT} resumes it
 * on the disaggregated backend at parallelism 3 and writes the CSV of a failure-free run, byte
 * for byte. The first run paces its input (20,000 events at 1,000 events/s), so it is still
 * running when it is stopped.
 */
class NexmarkSavepointResumeTest {
  private static final String QUERY = "q4";

  @TempDir
  Path dir;

  @Test
  @Timeout(150)
  void stoppedWithASavepointMovedAndResumedOnAnotherBackendWritesTheFailureFreeCsv() throws Exception {
    byte[] expected = NexmarkKillResumeTest.failureFreeCsv(QUERY, dir);
    Path output = dir.resolve(QUERY + ".csv");
    Path state = dir.resolve("state");
    String control = "execution.control-dir=" + dir.resolve("jobs");
    List<String> common = List.of("nexmark", "--query", QUERY, "--events", "20000", "--seed", "7",
        "--checkpoint-interval", "150ms", "--state-dir", state.toString(), "--output", output.toString());

    Path log = dir.resolve("first.log");
    Process first = NexmarkKillResumeTest.startEddy(concat(common, "--rate", "1000", "--backend", "rocksdb",
        "--parallelism", "2", "-D", control), log);
    while (NexmarkKillResumeTest.latestCheckpoint(dir, QUERY) == 0) {
      assertThat(first.isAlive()).as("the first run is running; %s", text(log)).isTrue();
      Thread.sleep(10);
    }
    String listed = systemOut("list", "-D", control);
    String stopped = systemOut("stop", "-D", control, listed.substring(0, 32), "--savepointPath",
        dir.resolve("savepoints").toString());
    assertThat(stopped).contains(" with savepoint ");
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as(text(log)).isZero();

    Path savepoint = dir.resolve("moved");
    Files.move(Path.of(stopped.substring(stopped.indexOf(" with savepoint ") + 16).trim()), savepoint);
    deleteRecursively(state.resolve("checkpoints"));
    deleteRecursively(state.resolve("rocksdb"));

    String inspected = inspect(savepoint, 0);
    assertThat(inspected).startsWith("savepoint ").contains("verified: every file the savepoint references");
    corruptCopyIsNamed(savepoint);

    StringWriter second = new StringWriter();
    int code = new CommandLine(new EddyCommand()).setOut(new PrintWriter(second)).setErr(new PrintWriter(second))
        .execute(concat(common, "--backend", "disaggregated", "--parallelism", "3", "-s", savepoint.toString())
            .toArray(String[]::new));
    assertThat(code).as(second.toString()).isZero();
    assertThat(Files.readString(output)).isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(Files.readAllBytes(output)).isEqualTo(expected);
  }

  /** A copy of the savepoint whose largest state file has one flipped byte fails inspection, naming that file. */
  private void corruptCopyIsNamed(Path savepoint) throws IOException {
    Path copy = dir.resolve("corrupt");
    Files.createDirectories(copy);
    Path largest = null;
    try (Stream<Path> files = Files.list(savepoint)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
        if (file.toString().endsWith(".state") && (largest == null || Files.size(file) > Files.size(largest))) {
          largest = file;
        }
      }
    }
    Path bad = copy.resolve(largest.getFileName());
    byte[] bytes = Files.readAllBytes(bad);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(bad, bytes);
    assertThat(inspect(copy, 1)).contains("CORRUPT").contains(bad.toString());
  }

  private static String inspect(Path savepoint, int exitCode) {
    StringWriter out = new StringWriter();
    int code = new CommandLine(new EddyCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out))
        .execute("checkpoints", "inspect", savepoint.toString());
    assertThat(code).as(out.toString()).isEqualTo(exitCode);
    return out.toString();
  }

  /** What a command printed on System.out (the job control commands print there); it must succeed. */
  private static String systemOut(String... args) {
    PrintStream previous = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true));
    try {
      assertThat(Main.execute(args)).as(bytes.toString()).isZero();
    } finally {
      System.setOut(previous);
    }
    return bytes.toString();
  }

  private static List<String> concat(List<String> base, String... more) {
    return Stream.concat(base.stream(), Stream.of(more)).toList();
  }

  private static String text(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
