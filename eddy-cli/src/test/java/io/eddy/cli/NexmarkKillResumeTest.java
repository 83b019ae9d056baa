package io.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.job.NexmarkJob;
import io.eddy.nexmark.job.NexmarkJobOptions;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.NexmarkOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code eddy nexmark --output} is exactly-once across the death of its process: the real
 * command runs in a JVM of its own, is killed with SIGKILL three times, each at a random moment
 * after it completed a checkpoint of its own (so every process makes progress), and restarted
 * each time with {@code --resume} at another parallelism; the CSV the last process
 * writes is byte for byte that of a run without failure, which is itself checked complete
 * against the reference oracle. An append-only query (q3) and updating ones (q4 updates, q18
 * retracts and deletes); q4 also with {@code --async} (its functions on V2 state, checkpoints
 * taken with state requests in flight).
 */
class NexmarkKillResumeTest {
  private static final long EVENTS = 20_000;
  private static final long SEED = 7;
  private static final int[] PARALLELISM = {2, 1, 3, 2};
  /**
   * The generator's pace: 20,000 events take 8 s, so each killed process, which dies within
   * {@link #KILL_DELAY_BOUND_MILLIS} of its first own checkpoint, leaves most events to the next
   * ones however fast the machine is (the pace, not the machine, bounds the progress).
   */
  private static final int RATE = 2_500;
  private static final int KILL_DELAY_BOUND_MILLIS = 500;

  @ParameterizedTest(name = "{0} async={1}")
  @CsvSource({"q3,false", "q4,false", "q18,false", "q4,true"})
  @Timeout(120)
  void killedAndResumedAtOtherParallelismsWritesTheFailureFreeCsv(String query, boolean async, @TempDir Path dir)
      throws Exception {
    byte[] expected = failureFreeCsv(query, dir);
    long randomSeed = System.nanoTime();
    Random random = new Random(randomSeed);
    Path output = dir.resolve(query + ".csv");
    List<Path> logs = new ArrayList<>();
    int killedWhileRunning = 0;
    for (int round = 0; round < PARALLELISM.length; round++) {
      boolean last = round == PARALLELISM.length - 1;
      Path log = dir.resolve("run-" + round + ".log");
      logs.add(log);
      Process process = start(query, async, dir, output, PARALLELISM[round], round > 0, log);
      if (last) {
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the last run ends").isTrue();
        assertThat(process.exitValue()).as("exit code; %s", describe(logs, randomSeed)).isZero();
      } else {
        // Each process makes progress (a checkpoint of its own), then dies at a random moment.
        long before = latestCheckpoint(dir, query);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (latestCheckpoint(dir, query) <= before && process.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        if (!process.waitFor(random.nextInt(KILL_DELAY_BOUND_MILLIS), TimeUnit.MILLISECONDS)) {
          killedWhileRunning++;
        }
        process.destroyForcibly(); // SIGKILL
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
    String runs = describe(logs, randomSeed);
    assertThat(killedWhileRunning).as("processes killed while running; %s", runs).isGreaterThanOrEqualTo(2);
    assertThat(String.join("\n", readAll(logs))).as("a resume restored a checkpoint; %s", runs)
        .contains("Restoring from checkpoint");
    assertThat(Files.readString(output)).as(runs).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(Files.readAllBytes(output)).isEqualTo(expected);
  }

  /** The CSV of a run without checkpoints or failures, checked against the oracle and non-empty. */
  static byte[] failureFreeCsv(String query, Path dir) throws Exception {
    var result = NexmarkJob.run(NexmarkJobOptions.builder(query).events(EVENTS).seed(SEED).build(), n -> { });
    List<Event> events = new ArrayList<>();
    new NexmarkGenerator(NexmarkConfig.builder().seed(SEED).build()).events(0, EVENTS).forEachRemaining(events::add);
    assertThat(result.table().rows()).as("reference rows").isNotEmpty();
    assertThat(result.changes()).as("reference changes").isGreaterThanOrEqualTo(result.table().rows().size());
    assertThat(result.table().csvText()).isEqualTo(NexmarkOracle.run(Integer.parseInt(query.substring(1)), events)
        .csvText());
    Path file = dir.resolve(query + "-reference.csv");
    result.table().writeCsv(file);
    return Files.readAllBytes(file);
  }

  private static Process start(String query, boolean async, Path dir, Path output, int parallelism, boolean resume,
      Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of("nexmark", "--query", query, "--events", String.valueOf(EVENTS),
        "--seed", String.valueOf(SEED), "--rate", String.valueOf(RATE), "--checkpoint-interval", "150ms",
        "--parallelism", String.valueOf(parallelism), "--state-dir", dir.resolve("state").toString(),
        "--output", output.toString()));
    if (resume) {
      command.add("--resume");
    }
    if (async) {
      command.add("--async");
    }
    return startEddy(command, log);
  }

  /** Runs the eddy command with {@code args} in a JVM of its own, its output to {@code log}. */
  static Process startEddy(List<String> args, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** The id of the latest completed checkpoint of the query's run (in DIR/state), 0 if none. */
  static long latestCheckpoint(Path dir, String query) throws IOException {
    Path checkpoints = dir.resolve("state").resolve("checkpoints").resolve(query);
    if (!Files.isDirectory(checkpoints)) {
      return 0;
    }
    try (var files = Files.list(checkpoints)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("completed-chk-"))
          .mapToLong(n -> Long.parseLong(n.substring("completed-chk-".length()))).max().orElse(0);
    }
  }

  private static List<String> readAll(List<Path> logs) throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path log : logs) {
      texts.add(Files.exists(log) ? Files.readString(log) : "");
    }
    return texts;
  }

  private static String describe(List<Path> logs, long randomSeed) throws IOException {
    StringBuilder sb = new StringBuilder("kill delays from seed " + randomSeed);
    List<String> texts = readAll(logs);
    for (int i = 0; i < texts.size(); i++) {
      sb.append("\n--- run ").append(i).append(" at parallelism ").append(PARALLELISM[i]).append(":\n")
          .append(texts.get(i));
    }
    return sb.toString();
  }
}
