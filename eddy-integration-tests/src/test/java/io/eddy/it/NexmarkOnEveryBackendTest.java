package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.job.NexmarkJob;
import io.eddy.nexmark.job.NexmarkJobOptions;
import io.eddy.nexmark.job.NexmarkJobResult;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.NexmarkOracle;
import io.eddy.nexmark.result.ResultTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stateful Nexmark queries give the reference oracle's table on the rocksdb and
 * disaggregated backends at parallelism 2, and with checkpoints and failures injected at random
 * moments of a one-second run (paced at 20,000 events/s). In the asynchronous execution model
 * ({@code execution.async-state.enabled}) every stateful query gives the same table too: each
 * query on one backend and parallelism (1, 2, 4) in turn, or on all three backends at all three
 * parallelisms with {@code -Deddy.it.async-matrix=full}; with failures injected likewise (two
 * combinations by default, the whole matrix with the property). {@code -Deddy.it.async-queries=7,18}
 * keeps the async matrix to those queries.
 */
@Timeout(120)
class NexmarkOnEveryBackendTest {
  private static final long SEED = 3;
  private static final int EVENTS = 20_000;
  private static final List<Event> GENERATED = generate();
  private static final Map<Integer, ResultTable> ORACLE = new ConcurrentHashMap<>();

  @TempDir
  Path dir;

  private static List<Event> generate() {
    List<Event> events = new ArrayList<>(EVENTS);
    new NexmarkGenerator(NexmarkConfig.builder().seed(SEED).build()).events(0, EVENTS).forEachRemaining(events::add);
    return events;
  }

  static Stream<Arguments> queries() {
    return Stream.of("rocksdb", "disaggregated")
        .flatMap(backend -> Stream.of(3, 4, 5, 6, 7, 8, 9, 11, 15, 16, 17, 18, 19, 20)
            .map(q -> Arguments.of(backend, q)));
  }

  static Stream<Arguments> recoveries() {
    return Stream.of("rocksdb", "disaggregated")
        .flatMap(backend -> Stream.of(5, 11, 19, 20).map(q -> Arguments.of(backend, q)));
  }

  /** Each query on one backend and parallelism in turn; with -Deddy.it.async-matrix=full on all of them. */
  static Stream<Arguments> asyncQueries() {
    List<String> backends = List.of("hashmap", "rocksdb", "disaggregated");
    List<Integer> parallelisms = List.of(1, 2, 4);
    boolean full = "full".equals(System.getProperty("eddy.it.async-matrix"));
    List<Integer> queries = List.of(3, 4, 5, 6, 7, 8, 9, 11, 15, 16, 17, 18, 19, 20);
    return queries.stream().filter(NexmarkOnEveryBackendTest::selected).flatMap(q -> {
      int i = queries.indexOf(q);
      return full
          ? backends.stream().flatMap(b -> parallelisms.stream().map(p -> Arguments.of(b, p, q)))
          : Stream.of(Arguments.of(backends.get(i % backends.size()), parallelisms.get(i / backends.size() % parallelisms.size()), q));
    });
  }

  /** Whether -Deddy.it.async-queries (e.g. 7,18,19; all when unset) names query {@code q}. */
  private static boolean selected(int q) {
    String only = System.getProperty("eddy.it.async-queries", "").trim();
    return only.isEmpty() || Stream.of(only.split(",")).map(String::trim).anyMatch(String.valueOf(q)::equals);
  }

  /** Async with injected failures: two combinations by default, every one with -Deddy.it.async-matrix=full. */
  static Stream<Arguments> asyncRecoveries() {
    return "full".equals(System.getProperty("eddy.it.async-matrix")) ? asyncQueries()
        : Stream.of(Arguments.of("hashmap", 1, 5), Arguments.of("disaggregated", 4, 20));
  }

  private NexmarkJobResult run(String backend, int q, double rate, Map<String, String> settings) throws Exception {
    return run(backend, 2, q, rate, settings);
  }

  private NexmarkJobResult run(String backend, int parallelism, int q, double rate, Map<String, String> settings)
      throws Exception {
    NexmarkJobOptions.Builder options = NexmarkJobOptions.builder("q" + q).seed(SEED).events(EVENTS).parallelism(parallelism)
        .rate(rate).stateBackend(backend)
        .configuration("state.checkpoints.dir", dir.resolve("checkpoints").toString())
        .configuration("state.backend.rocksdb.localdir", dir.resolve("rocksdb").toString());
    settings.forEach(options::configuration);
    return NexmarkJob.run(options.build(), read -> { });
  }

  /** The reference table, checked non-empty so that an empty result cannot pass for a right one. */
  private static ResultTable oracle(int q) {
    ResultTable expected = ORACLE.computeIfAbsent(q, n -> NexmarkOracle.run(n, GENERATED));
    assertThat(expected.rows()).as("oracle rows of q%d", q).isNotEmpty();
    return expected;
  }

  @ParameterizedTest(name = "{0} q{1}")
  @MethodSource("queries")
  void matchesTheOracle(String backend, int q) throws Exception {
    ResultTable expected = oracle(q);
    assertThat(run(backend, q, 0, Map.of()).table().csvText()).isEqualTo(expected.csvText());
  }

  @ParameterizedTest(name = "{0} p{1} q{2}")
  @MethodSource("asyncQueries")
  void asyncStateMatchesTheOracle(String backend, int parallelism, int q) throws Exception {
    ResultTable expected = oracle(q);
    assertThat(run(backend, parallelism, q, 0, Map.of("execution.async-state.enabled", "true")).table().csvText())
        .isEqualTo(expected.csvText());
  }

  @ParameterizedTest(name = "{0} q{1}")
  @MethodSource("recoveries")
  void matchesTheOracleWithFailuresAndRestarts(String backend, int q) throws Exception {
    assertOracleAfterFailures(backend, 2, q, Map.of());
  }

  @ParameterizedTest(name = "{0} p{1} q{2}")
  @MethodSource("asyncRecoveries")
  void asyncStateMatchesTheOracleWithFailuresAndRestarts(String backend, int parallelism, int q) throws Exception {
    assertOracleAfterFailures(backend, parallelism, q, Map.of("execution.async-state.enabled", "true"));
  }

  private void assertOracleAfterFailures(String backend, int parallelism, int q, Map<String, String> settings)
      throws Exception {
    ResultTable expected = oracle(q);
    Map<String, String> all = new java.util.HashMap<>(settings);
    all.putAll(Map.of(
        "execution.checkpointing.interval", "100ms",
        "restart-strategy.type", "fixed-delay",
        "restart-strategy.fixed-delay.delay", "10ms",
        "execution.fault-injection.failures", "2",
        "execution.fault-injection.seed", String.valueOf(q),
        "execution.fault-injection.mean-delay", "300ms"));
    NexmarkJobResult result = run(backend, parallelism, q, 20_000, all);
    assertThat(result.restarts()).as("restarts after the injected failures").isBetween(1L, 2L);
    assertThat(result.table().csvText()).isEqualTo(expected.csvText());
  }
}
