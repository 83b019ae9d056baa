package io.eddy.connectors.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a job's JVM with SIGKILL mid-run, resumes from its checkpoint directory (at another
 * parallelism), and checks that the published output is exactly that of a run without failure.
 */
class ProcessKillRecoveryTest {
  private static final long RECORDS = 60_000;

  private static List<String> publishedLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        lines.addAll(Files.readAllLines(file));
      }
    }
    lines.sort(null);
    return lines;
  }

  /** The id of the latest completed checkpoint (older ones are deleted: one is retained). */
  private static long latestCheckpoint(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("completed-chk-"))
          .mapToLong(n -> Long.parseLong(n.substring("completed-chk-".length()))).max().orElse(0);
    }
  }

  @Test
  @Timeout(180)
  void sigkillThenResumeGivesExactlyTheFailureFreeOutput(@TempDir Path dir) throws Exception {
    CountingJob.run(dir.resolve("ref-checkpoints"), dir.resolve("ref-out"), RECORDS, 0, false, 2);
    List<String> expected = publishedLines(dir.resolve("ref-out"));
    assertThat(expected).hasSize((int) RECORDS);

    Path checkpoints = dir.resolve("checkpoints");
    Path output = dir.resolve("out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CountingJob.class.getName(), checkpoints.toString(), output.toString(), String.valueOf(RECORDS), "15000",
        "false", "2")
        .redirectErrorStream(true).redirectOutput(dir.resolve("job.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (latestCheckpoint(checkpoints) < 3 && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(process.isAlive()).as("the job must still run when killed; log: %s",
          Files.exists(dir.resolve("job.log")) ? Files.readString(dir.resolve("job.log")) : "").isTrue();
    } finally {
      process.destroyForcibly(); // SIGKILL
      process.waitFor(30, TimeUnit.SECONDS);
    }
    List<String> beforeResume = publishedLines(output);
    assertThat(beforeResume.size()).isLessThan(expected.size());

    CountingJob.run(checkpoints, output, RECORDS, 0, true, 3);
    assertThat(publishedLines(output)).isEqualTo(expected);
  }
}
