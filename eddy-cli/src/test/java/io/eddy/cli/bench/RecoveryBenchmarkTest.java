package io.eddy.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recovery benchmark on a tiny state: every backend fails once, recovers, and gets one row; nothing is left behind. */
class RecoveryBenchmarkTest {
  @TempDir
  Path dir;

  @Test
  void oneRecoveredRowPerBackend() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StateBenchOptions options = new StateBenchOptions(List.of(BenchBackend.values()), List.of(1L), 100, "100ms", 2, dir);

    int status = new RecoveryBenchmark(options, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(status).isZero();
    assertThat(lines).hasSize(1 + BenchBackend.values().length);
    assertThat(lines.get(0)).startsWith("backend").contains("recovery_ms");
    for (int i = 0; i < BenchBackend.values().length; i++) {
      String[] row = lines.get(i + 1).trim().split("\\s+");
      assertThat(row[0]).isEqualTo(BenchBackend.values()[i].key());
      assertThat(row[5]).as("restarts").isEqualTo("1");
      assertThat(Double.parseDouble(row[7])).as("recovery_ms").isPositive();
    }
    try (var left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}
