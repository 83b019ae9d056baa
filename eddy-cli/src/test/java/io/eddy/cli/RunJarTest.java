package io.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eddy run JOB.jar}: a jar compiled here, run through the CLI's entry point. */
class RunJarTest {
  static final String JOB = """
      package demo;

      import io.eddy.api.datastream.CloseableIterator;
      import io.eddy.api.datastream.StreamEnvironment;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.ArrayList;
      import java.util.List;

      public class DoubleJob {
        public static void main(String[] args) throws Exception {
          StreamEnvironment env = StreamEnvironment.create();
          List<Long> values = new ArrayList<>();
          try (CloseableIterator<Long> it = env.fromElements(1L, 2L, 3L, 4L).rebalance().map(x -> x * 2)
              .executeAndCollect("double")) {
            it.forEachRemaining(values::add);
          }
          values.sort(null);
          Files.writeString(Path.of(args[0]), "parallelism=" + env.getParallelism()
              + " batch=" + env.getConfiguration().toMap().get("execution.batch-size")
              + " values=" + values + " arg=" + args[1]);
        }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void runsTheManifestsMainWithParallelismAndConfigurationAsDefaults() throws Exception {
    Path jar = TestJars.build(dir, "demo.DoubleJob", "demo/DoubleJob.java", JOB);
    Path out = dir.resolve("out.txt");
    int code = Main.execute("run", "-p", "3", "-D", "execution.batch-size=7", jar.toString(), out.toString(),
        "--flag-of-the-job");
    assertThat(code).isZero();
    assertThat(Files.readString(out)).isEqualTo("parallelism=3 batch=7 values=[2, 4, 6, 8] arg=--flag-of-the-job");
  }

  @Test
  void theMainClassCanBeGivenWhenTheManifestHasNone() throws Exception {
    Path jar = TestJars.build(dir, null, "demo/DoubleJob.java", JOB);
    Path out = dir.resolve("out.txt");
    assertThat(Main.execute("run", "--class", "demo.DoubleJob", jar.toString(), out.toString(), "x")).isZero();
    assertThat(Files.readString(out)).startsWith("parallelism=1 batch=null values=[2, 4, 6, 8]");

    String err = errorOf("run", jar.toString(), out.toString(), "x");
    assertThat(err).contains("names no main class").contains("--class");
  }

  @Test
  void anUnknownKeyIsRefusedBeforeTheJobRuns() throws Exception {
    Path jar = TestJars.build(dir, "demo.DoubleJob", "demo/DoubleJob.java", JOB);
    String err = errorOf("run", "-D", "pipeline.max-paralelism=4", jar.toString(), dir.resolve("o").toString(), "x");
    assertThat(err).contains("'pipeline.max-paralelism'").contains("did you mean 'pipeline.max-parallelism'?");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  private static String errorOf(String... args) {
    PrintStream previous = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true));
    try {
      assertThat(Main.execute(args)).isNotZero();
    } finally {
      System.setErr(previous);
    }
    return err.toString();
  }
}
