package io.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.connector.DiscardingSink;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobClient;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.connectors.datagen.DataGenSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eddy list / savepoint / stop against a job running in this JVM, through its control folder. */
class JobControlCommandsTest {
  @TempDir
  Path dir;

  @Test
  void listSavepointAndStopWithSavepoint() throws Exception {
    String controlDir = "execution.control-dir=" + dir.resolve("jobs");
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    env.getConfiguration().set("execution.control-dir", dir.resolve("jobs").toString());
    DataGenSource<Long> numbers = DataGenSource.unbounded(i -> i);
    env.fromSource(numbers.withRate(2_000), WatermarkStrategy.noWatermarks(), "numbers")
        .map(x -> x + 1).uid("plus-one").sinkTo(new DiscardingSink<>());
    JobClient job = env.executeAsync("controlled job");

    String listed = out(() -> Main.execute("list", "-D", controlDir));
    assertThat(listed).contains("controlled job");
    String id = listed.substring(0, 32);

    String saved = out(() -> Main.execute("savepoint", "-D", controlDir, id.substring(0, 6),
        dir.resolve("sp").toString()));
    assertThat(saved).startsWith("Savepoint completed: " + dir.resolve("sp").resolve("savepoint-" + id.substring(0, 6)));
    assertThat(job.isDone()).isFalse();

    String stopped = out(() -> Main.execute("stop", "-D", controlDir, "controlled job", "--savepointPath",
        dir.resolve("sp").toString()));
    assertThat(stopped).startsWith("Stopped job " + id + " with savepoint ");
    job.await();
    String folder = stopped.substring(stopped.indexOf(" with savepoint ") + 16).trim();
    assertThat(Path.of(folder).resolve("_metadata")).exists();
    try (var files = Files.list(dir.resolve("sp"))) {
      assertThat(files.count()).isEqualTo(2);
    }
    assertThat(out(() -> Main.execute("list", "-D", controlDir))).contains("No running jobs.");
  }

  private static String out(Supplier<Integer> command) {
    PrintStream previous = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true));
    try {
      assertThat(command.get()).isZero();
    } finally {
      System.setOut(previous);
    }
    return bytes.toString();
  }
}
