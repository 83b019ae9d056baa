package io.eddy.examples.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The logistics job's alerts and on-time table equal the {@link LogisticsModel} of its input on
 * every backend and parallelism, and with checkpoints and injected failures; the written CSV
 * files of two runs are byte for byte the same, also between the DataStream and the SQL form.
 */
@Timeout(300)
class LogisticsJobTest {
  private static final long ORDERS = 1_200;
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private static List<Alert> expectedAlerts;
  private static List<String> expectedStats;

  /**
   * Deleted by {@link #deleteDir} rather than by JUnit: on rocksdb the runtime may still be
   * writing the files of a checkpoint taken at the end of the input when the job has returned,
   * which made JUnit's cleanup fail the test.
   */
  @TempDir(cleanup = CleanupMode.NEVER)
  Path dir;

  @AfterEach
  void deleteDir() throws Exception {
    for (int attempt = 0; attempt < 50 && Files.exists(dir); attempt++) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (java.io.UncheckedIOException e) {
        // a file vanished while walking: walk again
      }
      Thread.sleep(100);
    }
  }

  @BeforeAll
  static void model() {
    LogisticsGenerator input = new LogisticsGenerator(7, ORDERS);
    expectedAlerts = LogisticsModel.alerts(input);
    expectedStats = LogisticsModel.deliveryStats(input);
  }

  private LogisticsOptions options() {
    return LogisticsOptions.defaults().withOrders(ORDERS).withSeed(7).withStateDir(dir);
  }

  @Test
  void theInputHasEveryAnomalyAndEveryPlatform() {
    Map<AlertKind, Integer> kinds = new EnumMap<>(AlertKind.class);
    expectedAlerts.forEach(a -> kinds.merge(a.kind(), 1, Integer::sum));
    assertThat(kinds).hasSize(AlertKind.values().length);
    assertThat(kinds.values()).allMatch(n -> n >= 10);
    assertThat(expectedStats).anyMatch(r -> r.startsWith("TMall,")).anyMatch(r -> r.startsWith("Taobao,"))
        .anyMatch(r -> r.startsWith("AliExpress,"));
  }

  @ParameterizedTest
  @CsvSource({"hashmap,1", "hashmap,3", "rocksdb,2", "disaggregated,2"})
  void tablesMatchTheModel(String backend, int parallelism) throws Exception {
    LogisticsResult result = LogisticsJob.run(options().withBackend(backend).withParallelism(parallelism),
        new Configuration(), QUIET);
    assertThat(result.alerts()).isEqualTo(expectedAlerts);
    assertThat(result.deliveryStats()).isEqualTo(expectedStats);
  }

  @ParameterizedTest
  @CsvSource({"hashmap", "rocksdb", "disaggregated"})
  void sameTablesAfterFailuresRestoredFromCheckpoints(String backend) throws Exception {
    Configuration conf = new Configuration().set("restart-strategy.fixed-delay.delay", "10ms");
    FailAfterCheckpoint.plan(2, ORDERS);
    LogisticsResult result = LogisticsJob.run(options().withBackend(backend)
        .withCheckpointInterval(Duration.ofMillis(50)), conf, QUIET, feed -> feed.map(new FailAfterCheckpoint()));
    assertThat(result.restarts()).isEqualTo(2);
    assertThat(result.restoresFromCheckpoint()).isEqualTo(2);
    assertThat(result.alerts()).isEqualTo(expectedAlerts);
    assertThat(result.deliveryStats()).isEqualTo(expectedStats);
  }

  /** The SQL form (logistics.sql) writes the DataStream form's files, byte for byte, on another backend and parallelism. */
  @Test
  void sqlFormWritesTheSameFilesByteForByte() throws Exception {
    Path a = dir.resolve("datastream");
    Path b = dir.resolve("sql");
    LogisticsJob.run(options().withParallelism(1).withOutput(a), new Configuration(), QUIET);
    LogisticsResult sql = LogisticsJob.run(options().withSql(true).withParallelism(2).withBackend("rocksdb").withOutput(b),
        new Configuration(), QUIET);
    assertThat(sql.alerts()).isEqualTo(expectedAlerts);
    assertThat(sql.deliveryStats()).isEqualTo(expectedStats);
    for (String file : List.of("alerts.csv", "delivery_stats.csv")) {
      assertThat(Files.readAllBytes(b.resolve(file))).isEqualTo(Files.readAllBytes(a.resolve(file)));
    }
  }

  /**
   * The SQL form with injected failures (the runtime's, as {@code --inject-failures} makes them, early in each
   * attempt) and checkpoints, at parallelism 3 on the disaggregated backend, writes the DataStream form's files.
   */
  @Test
  void sqlFormWithInjectedFailuresWritesTheSameFilesByteForByte() throws Exception {
    Path a = dir.resolve("datastream");
    Path b = dir.resolve("sql-failures");
    LogisticsJob.run(options().withParallelism(1).withOutput(a), new Configuration(), QUIET);
    Configuration conf = new Configuration().set("execution.fault-injection.mean-delay", "100ms")
        .set("restart-strategy.fixed-delay.delay", "10ms");
    LogisticsResult sql = LogisticsJob.run(options().withSql(true).withParallelism(3).withBackend("disaggregated")
        .withInjectedFailures(2).withCheckpointInterval(Duration.ofMillis(50)).withOutput(b), conf, QUIET);
    assertThat(sql.restarts()).as("injected failures that happened").isGreaterThanOrEqualTo(1);
    assertThat(sql.alerts()).isEqualTo(expectedAlerts);
    assertThat(sql.deliveryStats()).isEqualTo(expectedStats);
    for (String file : List.of("alerts.csv", "delivery_stats.csv")) {
      assertThat(Files.readAllBytes(b.resolve(file))).as(file).isEqualTo(Files.readAllBytes(a.resolve(file)));
    }
  }

  @Test
  void writesTheSameFilesByteForByteAtAnotherParallelism() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    LogisticsJob.run(options().withParallelism(1).withOutput(a), new Configuration(), QUIET);
    LogisticsJob.run(options().withParallelism(2).withBackend("rocksdb").withOutput(b), new Configuration(), QUIET);
    for (String file : List.of("alerts.csv", "delivery_stats.csv")) {
      assertThat(Files.readAllBytes(b.resolve(file))).isEqualTo(Files.readAllBytes(a.resolve(file)));
    }
    assertThat(Files.readAllLines(a.resolve("alerts.csv"))).hasSize(expectedAlerts.size() + 1);
  }
}
