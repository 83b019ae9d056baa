package io.eddy.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.nexmark.job.NexmarkJob;
import io.eddy.nexmark.job.NexmarkJobOptions;
import io.eddy.nexmark.job.NexmarkJobResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code eddy nexmark --sql}: each query's SQL text, run by NexmarkJob on the generated events,
 * gives the table its hand-written DataStream job gives, at parallelism 2; with checkpoints and
 * injected failures too.
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
  @ValueSource(strings = {"q0", "q1", "q2", "q3", "q4", "q5", "q7", "q8", "q9", "q11", "q14", "q15", "q16", "q17",
      "q18", "q19", "q20", "q21", "q22"})
  void sqlGivesTheDataStreamTable(String q) throws Exception {
    NexmarkJobResult sql = run(q, true, Map.of());
    assertThat(sql.eventsRead()).isEqualTo(EVENTS);
    assertThat(sql.table().csvText()).isEqualTo(run(q, false, Map.of()).table().csvText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"q5", "q18"})
  void sqlWithFailuresAndRestartsGivesTheSameTable(String q) throws Exception {
    String expected = run(q, false, Map.of()).table().csvText();
    assertThat(expected.lines().count()).isGreaterThan(1);
    NexmarkJobOptions.Builder options = NexmarkJobOptions.builder(q).events(EVENTS).seed(3).parallelism(2)
        .stateBackend("hashmap").sql(true).rate(3_000)
        .configuration("state.checkpoints.dir", dir.resolve("checkpoints").toString())
        .configuration("execution.checkpointing.interval", "100ms")
        .configuration("restart-strategy.type", "fixed-delay")
        .configuration("restart-strategy.fixed-delay.delay", "10ms")
        .configuration("execution.fault-injection.failures", "1")
        .configuration("execution.fault-injection.seed", "7")
        .configuration("execution.fault-injection.mean-delay", "200ms");
    NexmarkJobResult result = NexmarkJob.run(options.build(), read -> { });
    assertThat(result.restarts()).as("restarts after the injected failure").isEqualTo(1L);
    assertThat(result.table().csvText()).isEqualTo(expected);
  }
}
