package io.eddy.bench.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark driver runs end to end on a tiny data set (a smoke test, no timings checked). */
class LsmBenchmarkTest {
  @TempDir Path dir;

  @Test
  void printsTablesAndTheRatioLine() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    List<Long> progress = new ArrayList<>();
    int code = LsmBenchmark.run(new String[] {"--keys", "20000", "--reads", "2000", "--dir", dir.toString(),
        "--only", "fillrandom,readrandom,readmissing,readseq,multiget,checkpoint,remote", "--checkpoint-gb", "0.002",
        "--remote-keys", "2000"}, new PrintStream(buf, true, StandardCharsets.UTF_8), progress::add);
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    assertThat(out).contains("| fillrandom |", "| readrandom |", "| multiget100 |", "open from checkpoint", "multiGet x100");
    assertThat(out.strip().lines().reduce((a, b) -> b).orElseThrow()).matches("lsm_vs_rocksdb fillrandom=\\d+\\.\\d\\d readrandom=\\d+\\.\\d\\d");
    // per store: fill 20000, readrandom 2000, readmissing 2000, readseq 20000, multiget 2000
    assertThat(progress).isSorted().last().isEqualTo(2 * 46_000L);
  }

  @Test
  void rejectsMalformedArguments() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    assertThat(LsmBenchmark.run(new String[] {"--keys"}, new PrintStream(buf, true, StandardCharsets.UTF_8), done -> { }))
        .isEqualTo(2);
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("usage");
  }
}
