package io.eddy.connectors.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichMapFunction;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.connectors.file.FileSink;
import io.eddy.connectors.file.FileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Files read with checkpointed line positions and written by the two-phase file sink survive failures exactly once. */
class FileSourceRecoveryTest {
  private static final int FILES = 3;
  private static final int LINES = 30_000;
  private static final int FAILURES = 6;
  private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
  private static final AtomicBoolean FAILED_IN_ATTEMPT = new AtomicBoolean();

  /** Fails failure k at the first record whose number reaches k/(FAILURES+1) of a file, once per attempt. */
  static final class Injector extends RichMapFunction<String[], String[]> {
    @Override
    public void open(OpenContext ctx) {
      FAILED_IN_ATTEMPT.set(false);
    }

    @Override
    public String[] map(String[] fields) {
      int left = FAILURES_LEFT.get();
      long n = Long.parseLong(fields[1]);
      if (left > 0 && n >= (long) LINES * (FAILURES - left + 1) / (FAILURES + 1)
          && FAILED_IN_ATTEMPT.compareAndSet(false, true)) {
        FAILURES_LEFT.decrementAndGet();
        throw new IllegalStateException("injected failure at " + String.join(",", fields));
      }
      return fields;
    }
  }

  @Test
  @Timeout(120)
  void everyLineArrivesExactlyOnceDespiteFailures(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("in");
    Files.createDirectories(input);
    List<String> expected = new ArrayList<>();
    for (int f = 0; f < FILES; f++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < LINES; i++) {
        String line = "f" + f + "," + i;
        text.append(line).append('\n');
        expected.add(line);
      }
      Files.writeString(input.resolve("data-" + f + ".csv"), text);
    }
    expected.sort(null);
    FAILURES_LEFT.set(FAILURES);

    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    env.getConfiguration()
        .set("execution.checkpointing.interval", "10ms")
        .set("restart-strategy.type", "fixed-delay")
        .set("restart-strategy.fixed-delay.delay", "10ms");
    Path output = dir.resolve("out");
    env.fromSource(FileSource.csv(input, fields -> fields), WatermarkStrategy.noWatermarks(), "files")
        .map(new Injector())
        .sinkTo(FileSink.csv(output, fields -> fields));
    JobExecutionResult result = env.execute("files");

    assertThat(result.counter("numRestarts")).isEqualTo(FAILURES);
    assertThat(result.counter("numRestoresFromCheckpoint")).isPositive();
    List<String> actual = new ArrayList<>();
    try (Stream<Path> files = Files.list(output)) {
      for (Path p : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        actual.addAll(Files.readAllLines(p));
      }
    }
    actual.sort(null);
    assertThat(actual).isEqualTo(expected);
  }
}
