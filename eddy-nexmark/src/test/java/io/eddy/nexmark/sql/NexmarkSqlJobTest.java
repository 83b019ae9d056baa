package io.eddy.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.job.NexmarkJob;
import io.eddy.nexmark.job.NexmarkJobOptions;
import io.eddy.nexmark.job.NexmarkJobResult;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.Q12Invariants;
import io.eddy.nexmark.result.ResultTable;
import io.eddy.nexmark.result.Row;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code eddy nexmark --sql}: each query's SQL text, run by NexmarkJob on the generated events,
 * gives the table its hand-written DataStream job gives, at parallelism 2; with checkpoints and
 * injected failures too. q12 (processing time) is checked with {@link Q12Invariants} instead.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class NexmarkSqlJobTest {
  private static final long EVENTS = 3_000;

  @TempDir
  Path dir;

  private NexmarkJobResult run(String q, boolean sql, Map<String, String> settings) throws Exception {
    NexmarkJobOptions.Builder options = NexmarkJobOptions.builder(q).events(EVENTS).seed(3).parallelism(2)
        .stateBackend("hashmap").sql(sql)
        .configuration("state.checkpoints.dir", dir.resolve(sql + "-checkpoints").toString());
    settings.forEach(options::configuration);
    return NexmarkJob.run(options.build(), read -> { });
  }

  @ParameterizedTest
  @ValueSource(strings = {"q0", "q1", "q2", "q3", "q4", "q5", "q7", "q8", "q9", "q11", "q13", "q14", "q15", "q16",
      "q17", "q18", "q19", "q20", "q21", "q22"})
  void sqlGivesTheDataStreamTable(String q) throws Exception {
    NexmarkJobResult sql = run(q, true, Map.of());
    assertThat(sql.eventsRead()).isEqualTo(EVENTS);
    String dataStream = run(q, false, Map.of()).table().csvText();
    if (q.equals("q19")) {
      assertThat(topBidsUpToTies(sql.table().csvText())).isEqualTo(topBidsUpToTies(dataStream));
    } else {
      assertThat(sql.table().csvText()).isEqualTo(dataStream);
    }
  }

  /**
   * q19's table as far as Flink's semantics fix it when the source is parallel. Equal prices rank
   * by arrival, and an auction's bids from two generator slices arrive in an order that depends
   * on timing (see Q19; seed 3 has two such ties: auction 1084 at price 123, ranks 9/10, and
   * auction 1056 at price 1229, ranks 4/5), so each run may rank a tie either way. Fixed are:
   * the price at every (auction, rank), and which bids hold an auction's ranks at each price,
   * except at the price of rank 10, where a tie may be cut off by the limit. Sorted lines.
   */
  private static List<String> topBidsUpToTies(String csv) {
    List<String[]> rows = csv.lines().skip(1)
        .map(line -> new String[] {line.split(",", 4)[0], line.split(",", 4)[2],
            line.substring(0, line.lastIndexOf(',')), line.substring(line.lastIndexOf(',') + 1)})
        .toList();
    Set<String> cutPrices = rows.stream().filter(r -> r[3].equals("10")).map(r -> r[0] + "," + r[1])
        .collect(Collectors.toSet());
    List<String> lines = new ArrayList<>();
    for (String[] r : rows) {
      lines.add("rank " + r[0] + "," + r[3] + " at price " + r[1]);
      if (!cutPrices.contains(r[0] + "," + r[1])) {
        lines.add("bid " + r[2]);
      }
    }
    lines.sort(null);
    return lines;
  }

  /**
   * q12's processing-time windows depend on the clock, so its table is checked against what must
   * hold whatever the clock did ({@link Q12Invariants}: every bid counted once, in aligned 10 s
   * windows), at parallelism 1 and 2.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void q12CountsEveryBidOnce(int parallelism) throws Exception {
    NexmarkJobResult result = NexmarkJob.run(NexmarkJobOptions.builder("q12").events(EVENTS).seed(3)
        .parallelism(parallelism).stateBackend("hashmap").sql(true).build(), read -> { });
    assertThat(result.table().rows()).isNotEmpty();
    assertThat(Q12Invariants.violations(events(), result.table())).isEmpty();
  }

  @Test
  void q12WithAFailureAndARestartCountsEveryBidOnce() throws Exception {
    NexmarkJobResult result = NexmarkJob.run(withFailure(NexmarkJobOptions.builder("q12"), "hashmap").build(), read -> { });
    assertThat(result.restarts()).as("restarts after the injected failure").isEqualTo(1L);
    assertThat(Q12Invariants.violations(events(), typed(result.table()))).isEmpty();
  }

  /** q12's table read back from its committed changelog files (text) with its columns' types. */
  private static ResultTable typed(ResultTable text) {
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    List<Row> rows = new ArrayList<>();
    for (Row r : text.rows()) {
      rows.add(Row.of(Long.parseLong(r.get(0).toString()), Long.parseLong(r.get(1).toString()),
          LocalDateTime.parse(r.get(2).toString(), format), LocalDateTime.parse(r.get(3).toString(), format)));
    }
    return new ResultTable(text.columns(), rows);
  }

  private static List<Event> events() {
    List<Event> events = new ArrayList<>();
    new NexmarkGenerator(NexmarkConfig.builder().seed(3).build()).events(0, EVENTS).forEachRemaining(events::add);
    return events;
  }

  private NexmarkJobOptions.Builder withFailure(NexmarkJobOptions.Builder options, String backend) {
    return options.events(EVENTS).seed(3).parallelism(2)
        .stateBackend(backend).sql(true).rate(3_000)
        .configuration("state.checkpoints.dir", dir.resolve("checkpoints").toString())
        .configuration("state.backend.rocksdb.localdir", dir.resolve("rocksdb").toString())
        .configuration("execution.checkpointing.interval", "100ms")
        .configuration("restart-strategy.type", "fixed-delay")
        .configuration("restart-strategy.fixed-delay.delay", "10ms")
        .configuration("execution.fault-injection.failures", "1")
        .configuration("execution.fault-injection.seed", "7")
        .configuration("execution.fault-injection.mean-delay", "200ms");
  }

  /** QUERY:BACKEND; q8 (a window join) also on the byte backends, whose state holds its rows serialized. */
  @ParameterizedTest
  @ValueSource(strings = {"q5:hashmap", "q8:hashmap", "q18:hashmap", "q8:rocksdb", "q8:disaggregated"})
  void sqlWithFailuresAndRestartsGivesTheSameTable(String queryAndBackend) throws Exception {
    String q = queryAndBackend.split(":")[0];
    String expected = run(q, false, Map.of()).table().csvText();
    assertThat(expected.lines().count()).isGreaterThan(1);
    NexmarkJobResult result = NexmarkJob.run(withFailure(NexmarkJobOptions.builder(q), queryAndBackend.split(":")[1])
        .build(), read -> { });
    assertThat(result.restarts()).as("restarts after the injected failure").isEqualTo(1L);
    assertThat(result.table().csvText()).isEqualTo(expected);
  }
}
