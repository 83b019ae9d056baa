package io.eddy.connectors.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichMapFunction;
import io.eddy.api.state.CheckpointListener;
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
  private static final int FILES = 4; // two per source subtask, so neither finishes long before the other
  private static final int LINES = 20_000;
  private static final int FAILURES = 6;
  private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
  private static final AtomicBoolean FAILED_IN_ATTEMPT = new AtomicBoolean();
  private static final AtomicBoolean CHECKPOINTED_IN_ATTEMPT = new AtomicBoolean();

  /**
   * Fails failure k at the first record whose number reaches k/(FAILURES+1) of a file, once per
   * attempt and only after a checkpoint of this attempt completed, so that every restart restores
   * one however fast or slow the machine is.
   */
  static final class Injector extends RichMapFunction<String[], String[]> implements CheckpointListener {
    private long seen;

    @Override
    public void open(OpenContext ctx) {
      FAILED_IN_ATTEMPT.set(false);
      CHECKPOINTED_IN_ATTEMPT.set(false);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTED_IN_ATTEMPT.set(true);
    }

    @Override
    public String[] map(String[] fields) throws InterruptedException {
      int left = FAILURES_LEFT.get();
      long n = Long.parseLong(fields[1]);
      if (++seen % 100 == 0) {
        Thread.sleep(1); // a floor under the run's length, so checkpoints complete on any machine
      }
      if (left > 0 && CHECKPOINTED_IN_ATTEMPT.get() && n >= (long) LINES * (FAILURES - left + 1) / (FAILURES + 1)
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
    assertThat(result.counter("numRestoresFromCheckpoint")).isEqualTo(FAILURES);
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
